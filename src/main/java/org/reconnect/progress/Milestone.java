package org.reconnect.progress;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A milestone a participant reached, once: its id is made of what it is (a restart or a second node
 * inserting it again is refused by the key), and one per participant per day (the unique
 * {@code one_a_day} index), so at most one sentence a day whatever nodes evaluate at once.
 *
 * @param id {@code participantId:KIND}, with the day count or the day for milestones that recur
 * @param days for DAYS_TAKING_PART the days reached; for CONNECTED_WEEK the days they connected
 * @param day the participant's local date it was reached on
 */
@Document("milestones")
@CompoundIndex(name = "one_a_day", def = "{'participantId': 1, 'day': 1}", unique = true)
record Milestone(@Id String id, String participantId, MilestoneKind kind, int days, String day, Instant reachedAt) {
}
