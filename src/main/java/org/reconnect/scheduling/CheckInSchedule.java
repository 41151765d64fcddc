package org.reconnect.scheduling;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A participant's daily check-in: which slot (local time in a zone) and when it is next due. A
 * slot's trigger claims the schedules that are due by moving {@code nextDueAt} on, one atomic
 * update each, so a check-in goes once however many nodes fire.
 */
@Document("check_in_schedules")
// The sweep looks for hand-offs left pending longer than the lease.
@CompoundIndex(name = "pending", def = "{'pending.claimedAt': 1}", sparse = true)
class CheckInSchedule {

	enum Outcome {
		SENT, NOT_SENT, SKIPPED_TOO_LATE
	}

	@Id
	String participantId;

	String zone;

	String time;

	@Indexed
	String slot;

	@Indexed(sparse = true)
	Instant nextDueAt;

	Instant lastDueAt;

	Outcome lastOutcome;

	/**
	 * The token of the hand-off batch that last claimed a check-in (see
	 * {@link org.reconnect.system.handoff.Mark.Pending}).
	 */
	String claimedBy;

	/** The check-in claimed and not yet handed over; cleared with its recorded outcome. */
	Pending pending;

	/**
	 * A claimed check-in, recorded by the claim itself, so that a node stopped before the hand-off
	 * was done leaves it to be finished by another (see {@code CheckInSlots.recover}).
	 *
	 * @param dueAt when the check-in was due
	 * @param conversationId the id its conversation gets: how a finished hand-off is told
	 * @param token whose it is now: the claiming batch's, or the recovery's that took it over
	 * @param claimedAt when it was claimed or taken over; the lease runs from here
	 */
	record Pending(Instant dueAt, String conversationId, String token, Instant claimedAt) {
	}

	static CheckInSchedule of(String participantId, ZoneId zone, LocalTime time, Instant nextDueAt) {
		CheckInSchedule schedule = new CheckInSchedule();
		schedule.participantId = participantId;
		schedule.zone = zone.getId();
		schedule.time = time.toString();
		schedule.slot = slotKey(zone, time);
		schedule.nextDueAt = nextDueAt;
		return schedule;
	}

	static String slotKey(ZoneId zone, LocalTime time) {
		return zone.getId() + "@" + time;
	}

	static ZoneId zoneOf(String slot) {
		return ZoneId.of(slot.substring(0, slot.indexOf('@')));
	}

	static LocalTime timeOf(String slot) {
		return LocalTime.parse(slot.substring(slot.indexOf('@') + 1));
	}
}
