package org.reconnect.reminders;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.reconnect.system.CleanText;

import com.fasterxml.jackson.annotation.JsonAlias;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What a coach sends to create or change a reminder; every field is checked and a bad one named.
 *
 * @param title what the meeting is, as the participant knows it ("Group meeting"), at most 80 characters
 * @param place where, optional, at most 120 characters
 * @param note a short note, optional, at most 200 characters, one line; it is part of the text message
 * @param timeZone the meeting's IANA zone; the participant's when absent
 * @param start the first (or only) occurrence, local date-time yyyy-MM-ddTHH:mm
 * @param rule an RFC 5545 RRULE such as FREQ=WEEKLY;BYDAY=TU,TH; absent for a one-off appointment
 * @param durationMinutes how long the meeting lasts, for the calendar; 60 when absent
 * @param leads when to remind, at most 5; the day before at 18:00 and one hour before when absent
 * @param inQuietHours what a text that falls due in the participant's quiet hours does: WAIT until they
 * end (left out if the meeting has begun by then; the default), SKIP it, or SEND_ANYWAY (the
 * participant asked for it: an early shift, a 7:00 appointment)
 */
public record ReminderRequest(@Size(max = 80) @CleanText String title, @Size(max = 120) @CleanText String place,
		@Size(max = 200) @CleanText String note, @JsonAlias("zone") @Size(max = 64) @CleanText String timeZone,
		@Size(max = 64) @CleanText String start, @Size(max = 200) @CleanText String rule, Integer durationMinutes,
		@Size(max = 5, message = "{reconnect.items.message}") List<@Valid LeadRequest> leads,
		@Schema(allowableValues = { "WAIT", "SKIP", "SEND_ANYWAY" }, defaultValue = "WAIT",
				example = "SEND_ANYWAY") @Size(max = 32) @CleanText String inQuietHours) {

	/** A request that keeps the default quiet-hours choice (WAIT). */
	public ReminderRequest(String title, String place, String note, String timeZone, String start, String rule,
			Integer durationMinutes, List<LeadRequest> leads) {
		this(title, place, note, timeZone, start, rule, durationMinutes, leads, null);
	}

	/**
	 * One lead time: {@code before} (ISO-8601 duration such as PT1H), or {@code daysBefore} with
	 * {@code at} (HH:mm).
	 */
	public record LeadRequest(@Size(max = 64) @CleanText String before, Integer daysBefore,
			@Size(max = 64) @CleanText String at) {
	}
}
