package org.reconnect.reminders;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * When a reminder goes, relative to the meeting: either a span before it ({@code before}, e.g.
 * PT1H) or a local time some days before it ({@code daysBefore} 1 {@code at} 18:00).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Lead(Duration before, Integer daysBefore, @JsonFormat(pattern = "HH:mm") LocalTime at) {

	static Lead before(Duration before) {
		return new Lead(before, null, null);
	}

	static Lead daysBefore(int days, LocalTime at) {
		return new Lead(null, days, at);
	}

	/** The planned send instant for a meeting starting at {@code start} (local time in the meeting's zone). */
	Instant sendAt(ZonedDateTime start) {
		if (before != null) {
			return start.toInstant().minus(before);
		}
		return ZonedDateTime.of(start.toLocalDate().minusDays(daysBefore), at, start.getZone()).toInstant();
	}

	/** How far ahead of the meeting this lead can be, at most. */
	Duration span() {
		return before != null ? before : Duration.ofDays(daysBefore + 1L);
	}

	/** The stored form: PT1H, or P1D@18:00. */
	String code() {
		return before != null ? before.toString() : "P" + daysBefore + "D@" + at;
	}

	static Lead parse(String code) {
		int at = code.indexOf('@');
		if (at < 0) {
			return before(Duration.parse(code));
		}
		return daysBefore(Integer.parseInt(code.substring(1, code.indexOf('D'))), LocalTime.parse(code.substring(at + 1)));
	}

	/** The lead a delivery record keeps ({@link #code}), or null for a record kept in words before codes were. */
	static Lead parseKept(String code) {
		try {
			return code == null ? null : parse(code);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/** @return null when valid, else the code of what is wrong (messages/problems.properties) */
	String problem() {
		if (before != null) {
			if (before.isNegative() || before.isZero() || before.compareTo(Duration.ofDays(14)) > 0) {
				return "problem.reminder.lead-before";
			}
			return daysBefore == null && at == null ? null
					: "problem.reminder.lead-both";
		}
		if (daysBefore == null || at == null) {
			return "problem.reminder.lead-neither";
		}
		return daysBefore < 0 || daysBefore > 14 ? "problem.reminder.lead-days" : null;
	}
}
