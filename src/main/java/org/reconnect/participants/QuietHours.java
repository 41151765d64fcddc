package org.reconnect.participants;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * The hours of a participant's day when nothing scheduled is sent, in their local time. The span
 * may cross midnight (21:00–08:00); start equal to end means no quiet hours.
 */
public record QuietHours(@JsonFormat(pattern = "HH:mm") LocalTime start, @JsonFormat(pattern = "HH:mm") LocalTime end) {

	public static final QuietHours DEFAULT = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));

	/** Whether the instant falls inside quiet hours, read in the zone. */
	public boolean contains(Instant instant, ZoneId zone) {
		return contains(instant.atZone(zone).toLocalTime());
	}

	/** Whether a local time of day falls inside quiet hours (from the start, up to the end). */
	public boolean contains(LocalTime local) {
		if (start.equals(end)) {
			return false;
		}
		if (start.isBefore(end)) {
			return !local.isBefore(start) && local.isBefore(end);
		}
		return !local.isBefore(start) || local.isBefore(end);
	}

	/** The window as a person reads it: "21:00–08:00". */
	public String describe() {
		return start + "\u2013" + end;
	}

	/**
	 * The instant quiet hours that contain {@code instant} end; a local end time that does not
	 * exist that day (a daylight-saving gap) moves to the first valid instant after it.
	 */
	public Instant endAfter(Instant instant, ZoneId zone) {
		LocalDate day = instant.atZone(zone).toLocalDate();
		for (int i = 0; i < 2; i++) {
			Instant end = ZonedDateTime.of(day.plusDays(i), this.end, zone).toInstant();
			if (end.isAfter(instant)) {
				return end;
			}
		}
		return ZonedDateTime.of(day.plusDays(2), this.end, zone).toInstant();
	}

	/** The first instant at or after {@code at} that is outside quiet hours. */
	public Instant nextAllowed(Instant at, ZoneId zone) {
		return contains(at, zone) ? endAfter(at, zone) : at;
	}
}
