package org.reconnect.console.pages;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.reconnect.reminders.InQuietHours;
import org.reconnect.reminders.Lead;
import org.reconnect.reminders.ReminderRequest;
import org.reconnect.reminders.ReminderView;

/**
 * The reminder form as typed: what, when (a date and a time), how it repeats in the words coaches
 * use (once, daily, on chosen weekdays every N weeks, monthly on a day or on the nth weekday),
 * when it ends, and when to remind. {@link ScheduleRule} turns it into a start and an RFC 5545
 * rule and back; the raw rule is for the API only. {@code repeat} "kept" keeps a rule written
 * through the API that the form cannot show.
 *
 * @param date the first (or only) date, yyyy-MM-dd; a repeat starts on the first matching day from it
 * @param time the time of day, HH:mm, in the participant's zone
 * @param repeat once, daily, weekly, monthly or kept
 * @param everyWeeks for weekly: 1 for every week, 2 for every other week, ...
 * @param days for weekly: MO, TU, ... SU
 * @param monthly for monthly: "day" (monthDay) or "weekday" (ordinal and weekday)
 * @param monthDay 1 to 31, or -1 for the last day of the month
 * @param ordinal 1 to 4, or -1 for the last
 * @param weekday MO to SU
 * @param ends never, on (until) or after (count)
 * @param until the last date, yyyy-MM-dd
 * @param count how many times
 * @param leads the lead codes ticked ({@link #LEADS}): PT1H, P1D@18:00, ...
 * @param editing the id of the reminder being changed, empty when adding one
 * @param inQuietHours what a text due in their quiet hours does: WAIT, SKIP or SEND_ANYWAY
 */
public record ReminderForm(String title, String date, String time, String repeat, String everyWeeks, List<String> days,
		String monthly, String monthDay, String ordinal, String weekday, String ends, String until, String count,
		List<String> leads, String place, String note, String editing, String inQuietHours) {

	/** The lead times a coach can tick; the first two are the service's defaults. */
	public static final List<String> LEADS = List.of("P1D@18:00", "PT1H", "PT30M", "PT2H", "P0D@08:00", "P2D@18:00");

	/** The nth weekday of a month a coach can pick: first to fourth, and the last. */
	static final List<String> ORDINALS = List.of("1", "2", "3", "4", "-1");

	static final List<String> DEFAULT_LEADS = List.of("P1D@18:00", "PT1H");

	/** Weekday codes in the order a week is shown (Monday first). */
	public static final List<String> WEEKDAYS = List.of("MO", "TU", "WE", "TH", "FR", "SA", "SU");

	static ReminderForm empty() {
		return new ReminderForm("", "", "19:00", "weekly", "1", List.of(), "day", "1", "1", "MO", "never", "", "",
				DEFAULT_LEADS, "", "", "", InQuietHours.WAIT.name());
	}

	/** The form for changing a stored reminder: its rule read back into the form's choices. */
	static ReminderForm of(ReminderView reminder) {
		LocalDateTime start = LocalDateTime.parse(reminder.start());
		List<String> leads = reminder.leads().stream().map(ReminderForm::code).toList();
		ReminderForm form = new ReminderForm(reminder.title(), start.toLocalDate().toString(),
				start.toLocalTime().toString(), "once", "1", List.of(), "day", "1", "1", "MO", "never", "", "", leads,
				nullToEmpty(reminder.place()), nullToEmpty(reminder.note()), reminder.id(), reminder.inQuietHours().name());
		return ScheduleRule.read(reminder.rule(), start, java.time.ZoneId.of(reminder.timeZone()), form);
	}

	/** The request for the service, from the built start and rule. */
	ReminderRequest toRequest(String timeZone, ScheduleRule.Built built) {
		return new ReminderRequest(title, blankToNull(place), blankToNull(note), timeZone, built.start().toString(),
				built.rule(), null, leadRequests(), inQuietHours);
	}

	ReminderForm withSchedule(String repeat, String everyWeeks, List<String> days, String monthly, String monthDay,
			String ordinal, String weekday, String ends, String until, String count) {
		return new ReminderForm(title, date, time, repeat, everyWeeks, days, monthly, monthDay, ordinal, weekday, ends,
				until, count, leads, place, note, editing, inQuietHours);
	}

	/** The quiet-hours choices a coach picks from, in the order shown. */
	public List<InQuietHours> quietChoices() {
		return List.of(InQuietHours.values());
	}

	/** Whether this choice is the one picked; WAIT when none is. */
	public boolean quietChoice(InQuietHours choice) {
		return inQuietHours == null || inQuietHours.isBlank() ? choice == InQuietHours.WAIT
				: choice.name().equals(inQuietHours);
	}

	public boolean ticked(String lead) {
		return leads != null && leads.contains(lead);
	}

	public List<String> weekdays() {
		return WEEKDAYS;
	}

	public List<String> ordinals() {
		return ORDINALS;
	}

	public boolean on(String day) {
		return days != null && days.contains(day);
	}

	/** The leads to offer: the usual ones and any other this reminder already has. */
	public List<String> leadChoices() {
		Set<String> all = new LinkedHashSet<>(LEADS);
		if (leads != null) {
			all.addAll(leads);
		}
		return new ArrayList<>(all);
	}

	List<ReminderRequest.LeadRequest> leadRequests() {
		if (leads == null) {
			return List.of();
		}
		return leads.stream().filter(code -> code != null && !code.isBlank()).map(ReminderForm::request).toList();
	}

	/** A lead's words from the console bundle: the key and its values. */
	public LeadWords leadWords(String code) {
		return words(code);
	}

	static LeadWords words(String code) {
		int at = code.indexOf('@');
		if (at < 0) {
			long minutes = Duration.parse(code).toMinutes();
			if (minutes % (24 * 60) == 0) {
				return new LeadWords("repeat.lead.days", new Object[] { minutes / (24 * 60) });
			}
			if (minutes % 60 == 0) {
				return new LeadWords("repeat.lead.hours", new Object[] { minutes / 60 });
			}
			return new LeadWords("repeat.lead.minutes", new Object[] { minutes });
		}
		int days = Integer.parseInt(code.substring(1, code.indexOf('D')));
		return new LeadWords("repeat.lead.days-at", new Object[] { days, code.substring(at + 1) });
	}

	/** A message key and its values, for {@code #messages.msgWithParams}. */
	public record LeadWords(String key, Object[] values) {
	}

	private static ReminderRequest.LeadRequest request(String code) {
		int at = code.indexOf('@');
		if (at < 0) {
			return new ReminderRequest.LeadRequest(code, null, null);
		}
		try {
			return new ReminderRequest.LeadRequest(null, Integer.valueOf(code.substring(1, code.indexOf('D'))),
					code.substring(at + 1));
		}
		catch (RuntimeException ex) { // a hand-made code: the service names it
			return new ReminderRequest.LeadRequest(code, null, null);
		}
	}

	private static String code(Lead lead) {
		return lead.before() != null ? lead.before().toString() : "P" + lead.daysBefore() + "D@" + lead.at();
	}

	static DayOfWeek day(String code) {
		return DayOfWeek.of(WEEKDAYS.indexOf(code) + 1);
	}

	static String code(DayOfWeek day) {
		return WEEKDAYS.get(day.getValue() - 1);
	}

	static LocalTime timeOr(String raw, LocalTime fallback) {
		try {
			return LocalTime.parse(raw);
		}
		catch (RuntimeException ex) {
			return fallback;
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	private static String nullToEmpty(String value) {
		return value == null ? "" : value;
	}
}
