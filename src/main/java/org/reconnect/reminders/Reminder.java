package org.reconnect.reminders;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A meeting or appointment a participant is reminded of: the definition (the truth the Quartz
 * triggers are derived from) and the one send that is next due. A fire claims that send by moving
 * it on in one conditional update of this document, so it goes once across nodes.
 */
@Document("reminders")
// The sweep looks for sends left pending longer than the lease.
@CompoundIndex(name = "pending", def = "{'pending.claimedAt': 1}", sparse = true)
class Reminder {

	/** What became of one planned send: recorded for every decision. */
	enum Outcome {
		SENT, SENT_LATE, SENT_AFTER_QUIET_HOURS, DEFERRED_QUIET_HOURS, SKIPPED_QUIET_HOURS, SKIPPED_TOO_LATE,
		SKIPPED_SUPERSEDED, NOT_SENT_INACTIVE, NOT_SENT_REFUSED,
		/** Sent inside quiet hours because the reminder says {@link InQuietHours#SEND_ANYWAY}. */
		SENT_IN_QUIET_HOURS
	}

	/** What a participant answered to a reminder. */
	enum Answer {
		GOING, CANT_MAKE_IT, NEED_SUPPORT
	}

	/** One occurrence moved to another local time. */
	record Move(String from, String to) {
	}

	/** @param lead the send's lead as {@link Lead#code} (PT1H, P1D@18:00); in English words in records before */
	record Delivery(String occurrence, Instant meetingAt, String lead, Instant plannedAt, Instant decidedAt,
			Outcome outcome) {
	}

	record Reply(String occurrence, Instant meetingAt, Answer answer, Instant receivedAt) {
	}

	@Id
	String id;

	@Indexed
	String participantId;

	String title;

	String place;

	String note;

	/** The meeting's IANA zone. */
	String zone;

	/** The first (or only) occurrence, local ISO date-time. */
	String start;

	/** RFC 5545 RRULE without the prefix; null for a one-off appointment. */
	String rule;

	int durationMinutes;

	/** What a text due in quiet hours does; absent in reminders stored before the choice: {@link InQuietHours#WAIT}. */
	InQuietHours inQuietHours;

	/** Lead codes, see {@link Lead#code()}. */
	List<String> leads = new ArrayList<>();

	/** Original local date-times of skipped occurrences. */
	List<String> skipped = new ArrayList<>();

	List<Move> moved = new ArrayList<>();

	/** When the next send is due (after any quiet-hours deferral); null when nothing is left. */
	@Indexed
	Instant nextSendAt;

	/** When the next send was planned, by its lead; the order of sends follows this. */
	Instant nextPlannedAt;

	Instant nextMeetingAt;

	String nextOccurrence;

	int nextLead;

	boolean nextDeferred;

	Instant lastSentAt;

	String lastSentOccurrence;

	Instant lastSentMeetingAt;

	List<Delivery> deliveries = new ArrayList<>();

	List<Reply> replies = new ArrayList<>();

	Instant createdAt;

	/**
	 * The token of the hand-off batch that last claimed the next send: the batch claims with one
	 * bulk write, then reads back which reminders carry its token (a bulk write says how many it
	 * changed, not which). Kept by a coach's save, so it cannot hide a claim.
	 */
	String claimedBy;

	/**
	 * The send claimed to go and not yet handed to the outbox; cleared with its delivery record.
	 * While it is set, the reminder's next send is not claimed, so sends keep their order.
	 */
	Pending pending;

	/**
	 * A claimed send, recorded by the claim itself, so that a node stopped before the message was
	 * in the outbox leaves it to be finished by another (see {@code ReminderEngine.recover}).
	 *
	 * @param occurrence the occurrence's key
	 * @param outcome what the claim decided (a way of sending)
	 * @param token whose it is now: the claiming batch's, or the recovery's that took it over
	 * @param claimedAt when it was claimed or taken over; the lease runs from here
	 */
	record Pending(String occurrence, Instant meetingAt, int lead, Instant plannedAt, Outcome outcome, String token,
			Instant claimedAt) {

		ReminderPlan.Send send(ZoneId zone) {
			return new ReminderPlan.Send(new ReminderPlan.Occurrence(occurrence, meetingAt.atZone(zone)), lead, plannedAt);
		}
	}

	@Version
	Long version;

	ZoneId zoneId() {
		return ZoneId.of(zone);
	}

	LocalDateTime startLocal() {
		return LocalDateTime.parse(start);
	}

	List<Lead> leadList() {
		return leads.stream().map(Lead::parse).toList();
	}

	InQuietHours quietHoursChoice() {
		return inQuietHours == null ? InQuietHours.WAIT : inQuietHours;
	}

	boolean recurring() {
		return rule != null;
	}

	/** Points the reminder at its next planned send, or at nothing. */
	void planNext(ReminderPlan.Send send) {
		if (send == null) {
			nextSendAt = null;
			nextPlannedAt = null;
			nextMeetingAt = null;
			nextOccurrence = null;
			nextLead = 0;
		}
		else {
			nextSendAt = send.plannedAt();
			nextPlannedAt = send.plannedAt();
			nextMeetingAt = send.occurrence().start().toInstant();
			nextOccurrence = send.occurrence().key();
			nextLead = send.lead();
		}
		nextDeferred = false;
	}
}
