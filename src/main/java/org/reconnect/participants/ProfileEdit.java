package org.reconnect.participants;

import jakarta.validation.constraints.Size;

import org.reconnect.system.CleanText;

/**
 * A coach's change to an enrolled participant's profile: each field left out (null) stays as it
 * is; every field given is checked by {@link ParticipantService#edit}.
 *
 * @param name the name they like to be called, 1 to 100 characters
 * @param phone a mobile number in any common format
 * @param timeZone an IANA zone such as America/New_York
 * @param checkInTime the local time of the daily check-in, HH:mm, outside their quiet hours
 * @param language one of the configured languages
 * @param channel SMS, WHATSAPP or WEB
 * @param smsFallback whether a WhatsApp message that cannot go is sent again by SMS
 * @param quietHoursStart their quiet hours, local HH:mm; give both or neither
 * @param quietHoursEnd see quietHoursStart
 */
public record ProfileEdit(@Size(max = 100) @CleanText String name, @Size(max = 64) @CleanText String phone,
		@Size(max = 64) @CleanText String timeZone, @Size(max = 64) @CleanText String checkInTime,
		@Size(max = 16) @CleanText String language, @Size(max = 16) @CleanText String channel, Boolean smsFallback,
		@Size(max = 5) @CleanText String quietHoursStart, @Size(max = 5) @CleanText String quietHoursEnd) {
}
