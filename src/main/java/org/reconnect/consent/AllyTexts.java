package org.reconnect.consent;

import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

import org.reconnect.messaging.SpokenLanguages;
import org.reconnect.participants.ParticipantId;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantService;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The words an ally reads, from {@code messages/consent*.properties}, in the ally's own language,
 * or the participant's when the ally has none; also tells messaging an ally's language, so STOP and
 * HELP are answered in it.
 */
@Component
class AllyTexts implements SpokenLanguages {

	private final Allies allies;
	private final ParticipantService participants;
	private final MessageSource texts;

	AllyTexts(Allies allies, ParticipantService participants, MessageSource texts) {
		this.allies = allies;
		this.participants = participants;
		this.texts = texts;
	}

	String text(Ally ally, String key, Object... values) {
		return texts.getMessage(key, values, locale(ally));
	}

	/** A text for a participant, in their language. */
	String text(ParticipantProfile participant, String key, Object... values) {
		return texts.getMessage(key, values, participant.locale().orElse(Locale.ROOT));
	}

	/** A text for a number as an ally (STOP ALERTS may come from one with several ally records). */
	String text(String phone, String key, Object... values) {
		return texts.getMessage(key, values, of(phone).orElse(Locale.ROOT));
	}

	/**
	 * A day as the ally reads it: in their zone (else the participant's) and written as their
	 * language writes a date (consent.renewal.date-pattern), "March 8, 2031", "8 de marzo de 2031".
	 */
	String date(Ally ally, java.time.Instant at) {
		Locale wanted = locale(ally);
		Locale spoken = Locale.forLanguageTag(texts.getMessage("consent.language", null, wanted));
		java.time.ZoneId zone = ally.zone != null ? java.time.ZoneId.of(ally.zone)
				: participants.find(new ParticipantId(ally.participantId))
					.map(ParticipantProfile::zone)
					.orElse(java.time.ZoneOffset.UTC);
		return java.time.format.DateTimeFormatter
			.ofPattern(texts.getMessage("consent.renewal.date-pattern", null, spoken), spoken)
			.format(at.atZone(zone));
	}

	Locale locale(Ally ally) {
		if (ally.language != null) {
			return Locale.forLanguageTag(ally.language);
		}
		return participants.find(new ParticipantId(ally.participantId))
			.flatMap(ParticipantProfile::locale)
			.orElse(Locale.ROOT);
	}

	/** The number's language as an ally: of its most recently asked ally record. */
	@Override
	public Optional<Locale> of(String phone) {
		return allies.findByPhone(phone)
			.stream()
			.max(Comparator.comparing((Ally ally) -> ally.requestedAt == null ? java.time.Instant.EPOCH : ally.requestedAt))
			.map(this::locale);
	}
}
