package org.reconnect.console.pages;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Times as a coach reads them on the pages (consoleTimes.ago(at) in a template): how long ago, and
 * instants in the participant's own zone. Reads the injected clock, so a jumped clock shows.
 */
@Component("consoleTimes")
public class ConsoleTimes {

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ENGLISH);
	private static final DateTimeFormatter ISO_LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	private final Clock clock;

	ConsoleTimes(Clock clock) {
		this.clock = clock;
	}

	public Instant now() {
		return clock.instant();
	}

	/** never, just now, 5 min ago, 3 h ago, 2 days ago. */
	public String ago(Instant at) {
		if (at == null) {
			return "never";
		}
		Duration since = Duration.between(at, clock.instant());
		if (since.isNegative() || since.toMinutes() < 1) {
			return "just now";
		}
		if (since.toHours() < 1) {
			return since.toMinutes() + " min ago";
		}
		if (since.toDays() < 2) {
			return since.toHours() + " h ago";
		}
		return since.toDays() + " days ago";
	}

	/** The instant in the zone, e.g. Sat 9 Mar, 09:00; none when absent. */
	public String local(Instant at, ZoneId zone) {
		return at == null ? "none" : LOCAL.format(at.atZone(zone));
	}

	/** For a {@code <time datetime>} attribute. */
	public String iso(Instant at) {
		return at == null ? "" : at.toString();
	}

	/** The instant as a local date-time in the zone, yyyy-MM-ddTHH:mm (a datetime-local input's value). */
	public String inputValue(Instant at, ZoneId zone) {
		return at == null ? "" : ISO_LOCAL.format(at.atZone(zone));
	}
}
