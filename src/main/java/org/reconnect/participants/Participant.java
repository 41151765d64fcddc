package org.reconnect.participants;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** The participant aggregate: its state changes are the methods below. */
@Document("participants")
class Participant {

	@Id
	private String id;

	private String name;

	@Indexed(unique = true)
	private String phone;

	private String zone;

	private String checkInTime;

	private String language;

	private ParticipantStatus status;

	private String coach;

	private Instant enrolledAt;

	@Version
	private Long version;

	Participant() {
	}

	static Participant enrol(String name, String phone, ZoneId zone, LocalTime checkInTime, String language, String coach,
			Instant now) {
		Participant participant = new Participant();
		participant.name = name;
		participant.phone = phone;
		participant.zone = zone.getId();
		participant.checkInTime = checkInTime.toString();
		participant.language = language;
		participant.status = ParticipantStatus.ACTIVE;
		participant.coach = coach;
		participant.enrolledAt = now;
		return participant;
	}

	void checkInAt(LocalTime time) {
		checkInTime = time.toString();
	}

	void optOut() {
		status = ParticipantStatus.OPTED_OUT;
	}

	void optBackIn() {
		if (status == ParticipantStatus.OPTED_OUT) {
			status = ParticipantStatus.ACTIVE;
		}
	}

	String phone() {
		return phone;
	}

	ParticipantProfile profile() {
		return new ParticipantProfile(new ParticipantId(id), name, phone, ZoneId.of(zone), LocalTime.parse(checkInTime),
				language, status, coach, enrolledAt);
	}
}
