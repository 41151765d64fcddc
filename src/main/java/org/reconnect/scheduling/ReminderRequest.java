package org.reconnect.scheduling;

import java.util.List;

/**
 * What a coach sends to create or change a reminder; every field is checked and a bad one named.
 *
 * @param title what the meeting is, as the participant knows it ("Group meeting")
 * @param place where, optional
 * @param note a short note, optional; it is part of the text message
 * @param timeZone the meeting's IANA zone; the participant's when absent
 * @param start the first (or only) occurrence, local date-time yyyy-MM-ddTHH:mm
 * @param rule an RFC 5545 RRULE such as FREQ=WEEKLY;BYDAY=TU,TH; absent for a one-off appointment
 * @param durationMinutes how long the meeting lasts, for the calendar; 60 when absent
 * @param leads when to remind; the day before at 18:00 and one hour before when absent
 */
public record ReminderRequest(String title, String place, String note, String timeZone, String start, String rule,
		Integer durationMinutes, List<LeadRequest> leads) {

	/**
	 * One lead time: {@code before} (ISO-8601 duration such as PT1H), or {@code daysBefore} with
	 * {@code at} (HH:mm).
	 */
	public record LeadRequest(String before, Integer daysBefore, String at) {
	}
}
