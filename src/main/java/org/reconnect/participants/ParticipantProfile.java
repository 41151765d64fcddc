package org.reconnect.participants;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import com.fasterxml.jackson.annotation.JsonFormat;

/** What other modules may read of a participant. */
public record ParticipantProfile(ParticipantId id, String name, String phone, ZoneId zone,
		@JsonFormat(pattern = "HH:mm") LocalTime checkInTime,
		String language, ParticipantStatus status, String coach, Instant enrolledAt, Instant pausedUntil,
		ResponsivenessSettings responsiveness, QuietHours quietHours) {

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

	public boolean paused() {
		return status == ParticipantStatus.PAUSED;
	}

	public boolean active() {
		return status == ParticipantStatus.ACTIVE;
	}
}
