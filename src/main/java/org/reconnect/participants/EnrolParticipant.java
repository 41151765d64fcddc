package org.reconnect.participants;

import jakarta.validation.constraints.Size;

import org.reconnect.system.CleanText;

import com.fasterxml.jackson.annotation.JsonAlias;

/**
 * What a coach sends to enrol someone; every field is checked by {@link ParticipantService#enrol}.
 *
 * @param name the participant's name, as they like to be called, at most 100 characters
 * @param phone a mobile number in any common format, read with the default region
 * @param timeZone an IANA time zone such as America/New_York
 * @param checkInTime the local time of the daily check-in, HH:mm
 * @param language en or es; en when absent
 * @param channel SMS, WHATSAPP or WEB; SMS when absent
 * @param smsFallback whether a WhatsApp message that cannot go, or fails, is sent again by SMS; on
 * when absent
 */
public record EnrolParticipant(@Size(max = 100) @CleanText String name, @Size(max = 64) @CleanText String phone,
		@JsonAlias("zone") @Size(max = 64) @CleanText String timeZone, @Size(max = 64) @CleanText String checkInTime,
		@Size(max = 64) @CleanText String language, @Size(max = 64) @CleanText String channel, Boolean smsFallback) {

	public EnrolParticipant(String name, String phone, String timeZone, String checkInTime, String language) {
		this(name, phone, timeZone, checkInTime, language, null, null);
	}
}
