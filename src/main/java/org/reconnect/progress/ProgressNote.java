package org.reconnect.progress;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One text about a milestone to one person: the participant's sentence, or a note to one ally.
 * Its id is the milestone's and the recipient's, and is the outbox reference of the message it
 * becomes, so a claim a stopped node left can be told apart from a note that went.
 *
 * @param allyId null for the participant's own sentence
 * @param dueAt when it may go (moved on for quiet hours or an open conversation)
 * @param notAfter dropped rather than sent after this
 * @param status PENDING, SENDING (claimed at {@code claimedAt}) or DONE
 * @param outcome once DONE: the outbox's outcome (SENT, QUEUED, ...), or why not: NO_CONSENT,
 * NOT_SHARED, STALE, INACTIVE, GONE
 */
@Document("progress_notes")
@CompoundIndex(name = "due", def = "{'status': 1, 'dueAt': 1}")
record ProgressNote(@Id String id, String participantId, String milestoneId, MilestoneKind kind, int days,
		String allyId, Instant dueAt, Instant notAfter, String status, Instant claimedAt, String outcome,
		Instant decidedAt) {

	static final String PENDING = "PENDING";
	static final String SENDING = "SENDING";
	static final String DONE = "DONE";

	static ProgressNote of(Milestone milestone, String allyId, Instant dueAt, Instant notAfter) {
		String id = milestone.id() + (allyId == null ? ":participant" : ":ally:" + allyId);
		return new ProgressNote(id, milestone.participantId(), milestone.id(), milestone.kind(), milestone.days(), allyId,
				dueAt, notAfter, PENDING, null, null, null);
	}
}
