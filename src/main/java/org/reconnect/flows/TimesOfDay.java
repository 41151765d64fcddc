package org.reconnect.flows;

import java.time.LocalTime;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a time of day as people text it: "9", "9am", "18:30", "6.30pm", "7h15". */
final class TimesOfDay {

	private static final Pattern TIME = Pattern.compile("^\\s*([01]?\\d|2[0-3])(?:[:.h]([0-5]\\d))?\\s*(am|pm)?\\s*$");

	private TimesOfDay() {
	}

	static Optional<LocalTime> parse(String text) {
		Matcher found = TIME.matcher(text == null ? "" : text.toLowerCase(Locale.ROOT));
		if (!found.matches()) {
			return Optional.empty();
		}
		int hour = Integer.parseInt(found.group(1));
		int minute = found.group(2) == null ? 0 : Integer.parseInt(found.group(2));
		String half = found.group(3);
		if (half != null) {
			if (hour < 1 || hour > 12) {
				return Optional.empty();
			}
			hour = hour % 12 + (half.equals("pm") ? 12 : 0);
		}
		return Optional.of(LocalTime.of(hour, minute));
	}
}
