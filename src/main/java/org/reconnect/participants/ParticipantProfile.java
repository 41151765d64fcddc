package org.reconnect.participants;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

import org.reconnect.messaging.ChannelKind;
import org.reconnect.messaging.Sender;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What other modules may read of a participant; as the {@link Sender} of an inbound message, what
 * each step of the inbound pipeline is handed.
 *
 * @param zone their IANA time zone; {@code timeZone} in the API, as in requests
 * @param channel how messages reach them: SMS, WHATSAPP or WEB
 * @param smsFallback whether a WhatsApp message that cannot go, or fails, is sent again by SMS
 */
public record ParticipantProfile(ParticipantId id, String name, String phone,
		@JsonProperty("timeZone") @JsonAlias("zone") ZoneId zone,
		@JsonFormat(pattern = "HH:mm") LocalTime checkInTime,
		String language, ParticipantStatus status, String coach, Instant enrolledAt, Instant pausedUntil,
		ResponsivenessSettings responsiveness, QuietHours quietHours, ChannelKind channel, boolean smsFallback)
		implements Sender {

	/** A profile reached by SMS (kept for callers written before channels). */
	public ParticipantProfile(ParticipantId id, String name, String phone, ZoneId zone, LocalTime checkInTime,
			String language, ParticipantStatus status, String coach, Instant enrolledAt, Instant pausedUntil,
			ResponsivenessSettings responsiveness, QuietHours quietHours) {
		this(id, name, phone, zone, checkInTime, language, status, coach, enrolledAt, pausedUntil, responsiveness,
				quietHours, ChannelKind.SMS, true);
	}

	/** A profile with the default quiet hours (kept for callers written before quiet hours). */
	public ParticipantProfile(ParticipantId id, String name, String phone, ZoneId zone, LocalTime checkInTime,
			String language, ParticipantStatus status, String coach, Instant enrolledAt, Instant pausedUntil,
			ResponsivenessSettings responsiveness) {
		this(id, name, phone, zone, checkInTime, language, status, coach, enrolledAt, pausedUntil, responsiveness,
				QuietHours.DEFAULT);
	}

	/** The name a kind message uses: the first word of the name. */
	public String firstName() {
		return org.reconnect.system.Names.first(name);
	}

	/** The language they read, for the texts of a {@code MessageSource}. */
	@Override
	public Optional<Locale> locale() {
		return Optional.of(Locale.forLanguageTag(language));
	}

	@Override
	public boolean paused() {
		return status == ParticipantStatus.PAUSED;
	}

	public boolean active() {
		return status == ParticipantStatus.ACTIVE;
	}
}
