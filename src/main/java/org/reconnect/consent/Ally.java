package org.reconnect.consent;

import java.time.Instant;

import org.reconnect.participants.ParticipantId;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Someone the participant chose to be told when they go quiet. They are told nothing until they
 * answer YES themselves; NO, or no answer in time, means never.
 */
@Document("allies")
class Ally {

	enum Consent {
		REQUESTED, GRANTED, DECLINED, REVOKED;
	}

	@Id
	String id;

	String participantId;

	String name;

	String phone;

	Consent consent;

	Instant requestedAt;

	Instant answerBy;

	Instant consentUntil;

	@Version
	Long version;

	static Ally requested(ParticipantId participant, String name, String phone, Instant now, Instant answerBy) {
		Ally ally = new Ally();
		ally.participantId = participant.value();
		ally.name = name;
		ally.phone = phone;
		ally.consent = Consent.REQUESTED;
		ally.requestedAt = now;
		ally.answerBy = answerBy;
		return ally;
	}

	boolean awaitingAnswer(Instant now) {
		return consent == Consent.REQUESTED && now.isBefore(answerBy);
	}

	void grant(Instant until) {
		consent = Consent.GRANTED;
		consentUntil = until;
	}

	void decline() {
		consent = Consent.DECLINED;
	}

	/** The ally withdrew; takes effect at once. */
	void withdraw() {
		consent = Consent.REVOKED;
	}

	/** Consent holds now: granted, and not past its end. */
	boolean active(Instant now) {
		return consent == Consent.GRANTED && consentUntil != null && now.isBefore(consentUntil);
	}

	String firstName() {
		String trimmed = name.trim();
		int space = trimmed.indexOf(' ');
		return space < 0 ? trimmed : trimmed.substring(0, space);
	}

	AllyView view(Instant now) {
		String state = consent == Consent.REQUESTED && !awaitingAnswer(now) ? "EXPIRED"
				: consent == Consent.GRANTED && !active(now) ? "LAPSED" : consent.name();
		return new AllyView(id, new ParticipantId(participantId), name, phone, state, requestedAt, consentUntil);
	}
}
