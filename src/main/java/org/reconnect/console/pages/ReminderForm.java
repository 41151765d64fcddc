package org.reconnect.console.pages;

import java.util.List;

import org.reconnect.reminders.ReminderRequest;
import org.reconnect.reminders.ReminderView;

/**
 * The reminder form as typed. A coach picks a common repeat from a list or writes an RFC 5545
 * rule; the rule, when given, wins. Leads stay the service's defaults (the day before at 18:00
 * and one hour before) unless the reminder already had its own.
 */
public record ReminderForm(String title, String start, String repeat, String rule, String place, String note) {

	/** The choices of the repeat list: value (a rule, "" for once) and words. */
	public static final List<List<String>> REPEATS = List.of(List.of("", "Once (an appointment)"),
			List.of("FREQ=WEEKLY", "Every week on the start day"),
			List.of("FREQ=WEEKLY;INTERVAL=2", "Every other week on the start day"),
			List.of("FREQ=DAILY", "Every day"), List.of("FREQ=MONTHLY", "Every month on the start date"));

	static ReminderForm empty() {
		return new ReminderForm("", "", "FREQ=WEEKLY", "", "", "");
	}

	static ReminderForm of(ReminderView reminder) {
		String rule = reminder.rule() == null ? "" : reminder.rule();
		boolean listed = REPEATS.stream().anyMatch(choice -> choice.get(0).equals(rule));
		return new ReminderForm(reminder.title(), reminder.start(), listed ? rule : "", listed ? "" : rule,
				nullToEmpty(reminder.place()), nullToEmpty(reminder.note()));
	}

	ReminderRequest toRequest(String timeZone, List<ReminderRequest.LeadRequest> leads) {
		String chosen = rule != null && !rule.isBlank() ? rule.trim() : repeat == null || repeat.isBlank() ? null : repeat;
		return new ReminderRequest(title, blankToNull(place), blankToNull(note), timeZone, start, chosen, null, leads);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	private static String nullToEmpty(String value) {
		return value == null ? "" : value;
	}
}
