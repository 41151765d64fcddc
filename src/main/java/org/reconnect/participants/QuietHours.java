package org.reconnect.participants;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.reconnect.system.InvalidInput;
import org.reconnect.system.InvalidInput.FieldProblem;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * The hours of someone's day when nothing that can wait is sent to them, in their local time (a
 * participant's, an ally's, a coach's). The span may cross midnight (21:00–08:00); start equal to
 * end means no quiet hours.
 */
public record QuietHours(@JsonFormat(pattern = "HH:mm") LocalTime start, @JsonFormat(pattern = "HH:mm") LocalTime end) {

	public static final QuietHours DEFAULT = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));

	/**
	 * Reads quiet hours given as 24-hour HH:mm in a request; both blank means none were given.
	 *
	 * @param field how the request names them, e.g. "quietHours": the problems name
	 * {@code quietHours.start} and {@code quietHours.end}; empty: {@code start} and {@code end}
	 * @return null when both are blank
	 * @throws InvalidInput naming each part that is not a time of day, or missing while the other is given
	 */
	public static QuietHours parse(String field, String start, String end) {
		boolean noStart = start == null || start.isBlank();
		boolean noEnd = end == null || end.isBlank();
		if (noStart && noEnd) {
			return null;
		}
		List<FieldProblem> problems = new ArrayList<>();
		String prefix = field.isEmpty() ? "" : field + ".";
		LocalTime from = time(prefix + "start", start, problems);
		LocalTime to = time(prefix + "end", end, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return new QuietHours(from, to);
	}

	private static LocalTime time(String field, String value, List<FieldProblem> problems) {
		try {
			return LocalTime.parse(value == null ? "" : value.trim());
		}
		catch (DateTimeParseException ex) {
			problems.add(value == null || value.isBlank() ? FieldProblem.of(field, "problem.quiet-hours.missing")
					: FieldProblem.of(field, "problem.quiet-hours.unreadable", value));
			return null;
		}
	}

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
