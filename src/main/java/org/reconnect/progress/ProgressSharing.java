package org.reconnect.progress;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The milestones a participant chose to share with allies who agreed to PROGRESS notes. None until
 * they choose: nothing about them goes to anyone by default.
 *
 * @param id the participant's id
 * @param by who last changed it: "participant" or "coach:<username>"
 */
@Document("progress_sharing")
record ProgressSharing(@Id String id, List<MilestoneKind> shared, Instant changedAt, String by) {
}
