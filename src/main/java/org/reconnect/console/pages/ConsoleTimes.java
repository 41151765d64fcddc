package org.reconnect.console.pages;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Times as a coach reads them on the pages (consoleTimes.ago(at) in a template), in the page's
 * language: how long ago, instants in the participant's own zone, and in the coach's own zone
 * (their setting, else the server's) with the participant's beside it. Reads the injected clock,
 * so a jumped clock shows. Words and date patterns come from the console bundle ({@code time.}).
 */
@Component("consoleTimes")
public class ConsoleTimes {

	private static final DateTimeFormatter ISO_LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	private final Clock clock;
	private final MessageSource texts;
	private final ConsolePreferences preferences;

	ConsoleTimes(Clock clock, MessageSource texts, ConsolePreferences preferences) {
		this.clock = clock;
		this.texts = texts;
		this.preferences = preferences;
	}

	public Instant now() {
		return clock.instant();
	}

	/** never, just now, 5 min ago, 3 h ago, 2 days ago. */
	public String ago(Instant at) {
		if (at == null) {
			return say("time.never");
		}
		Duration since = Duration.between(at, clock.instant());
		if (since.isNegative() || since.toMinutes() < 1) {
			return say("time.just-now");
		}
		if (since.toHours() < 1) {
			return say("time.minutes-ago", since.toMinutes());
		}
		if (since.toDays() < 2) {
			return say("time.hours-ago", since.toHours());
		}
		return say("time.days-ago", since.toDays());
	}

	/** The instant in the zone, e.g. Sat 9 Mar, 09:00; none when absent. */
	public String local(Instant at, ZoneId zone) {
		if (at == null) {
			return say("time.none");
		}
		Locale locale = LocaleContextHolder.getLocale();
		return DateTimeFormatter.ofPattern(say("time.local"), locale).format(at.atZone(zone));
	}

	/** The instant in the signed-in coach's zone, with the zone's name: Sat 9 Mar, 14:00 (Central European Time). */
	public String viewer(Instant at) {
		ZoneId zone = preferences.zone();
		return say("time.in-zone", local(at, zone), place(zone));
	}

	/**
	 * The instant in the coach's zone and, when the participant's clock shows another time, theirs
	 * beside it: Sat 9 Mar, 14:00 (08:00 their time).
	 */
	public String both(Instant at, ZoneId theirs) {
		if (at == null) {
			return say("time.none");
		}
		ZoneId mine = preferences.zone();
		if (mine.getRules().getOffset(at).equals(theirs.getRules().getOffset(at))) {
			return local(at, theirs);
		}
		return say("time.both", local(at, mine), local(at, theirs));
	}

	/** A zone's name in the page's language, e.g. Eastern Time; never a raw zone id. */
	public String place(ZoneId zone) {
		return zone == null ? say("time.none") : zone.getDisplayName(TextStyle.FULL, LocaleContextHolder.getLocale());
	}

	/** For a {@code <time datetime>} attribute. */
	public String iso(Instant at) {
		return at == null ? "" : at.toString();
	}

	/** The instant as a local date-time in the zone, yyyy-MM-ddTHH:mm (a datetime-local input's value). */
	public String inputValue(Instant at, ZoneId zone) {
		return at == null ? "" : ISO_LOCAL.format(at.atZone(zone));
	}

	private String say(String key, Object... values) {
		return texts.getMessage(key, values, LocaleContextHolder.getLocale());
	}
}
