package org.reconnect.escalation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** The recipient's night: an alert that falls in it waits for its end, in the recipient's zone. */
record QuietHours(LocalTime start, LocalTime end) {

	/** {@code at} itself when it is outside quiet hours, else the end of these quiet hours. */
	Instant nextAllowed(Instant at, ZoneId zone) {
		ZonedDateTime local = at.atZone(zone);
		LocalTime time = local.toLocalTime();
		LocalDate day = local.toLocalDate();
		if (start.equals(end)) {
			return at;
		}
		if (start.isAfter(end)) { // overnight, e.g. 21:00-08:00
			if (!time.isBefore(start)) {
				return ZonedDateTime.of(day.plusDays(1), end, zone).toInstant();
			}
			if (time.isBefore(end)) {
				return ZonedDateTime.of(day, end, zone).toInstant();
			}
			return at;
		}
		if (!time.isBefore(start) && time.isBefore(end)) {
			return ZonedDateTime.of(day, end, zone).toInstant();
		}
		return at;
	}
}
