package org.reconnect.scheduling;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A participant's daily check-in: which slot (local time in a zone) and when it is next due. A
 * slot's trigger claims the schedules that are due by moving {@code nextDueAt} on, one atomic
 * update each, so a check-in goes once however many nodes fire.
 */
@Document("check_in_schedules")
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

	/** The token of the hand-off batch that last claimed a check-in (see {@link Reminder#claimedBy}). */
	String claimedBy;

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
