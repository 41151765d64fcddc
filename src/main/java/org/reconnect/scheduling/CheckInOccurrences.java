package org.reconnect.scheduling;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import net.fortuna.ical4j.model.Recur;

/**
 * The next daily check-in at a local time in a zone, computed with ical4j's recurrence rules: a
 * time that does not exist on the spring-forward day moves to the first valid instant after it,
 * and a time that occurs twice on the fall-back day counts once.
 */
final class CheckInOccurrences {

	private static final Recur<ZonedDateTime> DAILY = new Recur<>("FREQ=DAILY");

	private CheckInOccurrences() {
	}

	/** The first occurrence strictly after {@code after}. */
	static Instant next(ZoneId zone, LocalTime time, Instant after) {
		ZonedDateTime from = after.atZone(zone);
		ZonedDateTime seed = ZonedDateTime.of(from.toLocalDate().minusDays(1), time, zone);
		List<ZonedDateTime> dates = DAILY.getDates(seed, from, from.plusDays(3));
		return dates.stream()
			.map(ZonedDateTime::toInstant)
			.filter(instant -> instant.isAfter(after))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no check-in occurrence within three days"));
	}
}
