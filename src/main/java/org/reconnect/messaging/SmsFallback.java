package org.reconnect.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.reconnect.system.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A WhatsApp message that could not go or failed is sent once more by SMS, when its recipient
 * allows it and has not opted out (the STOP confirmation excepted). The fallback is an outbox entry of its own, recorded as the
 * fallback of the original, so quiet hours, the daily cap and the opt-out check apply to it at
 * dispatch as to any message. Its id derives from the original's, so a status callback that
 * repeats, or comes after the dispatcher already fell back, cannot make a second one.
 */
class SmsFallback {

	private static final Logger log = LoggerFactory.getLogger(SmsFallback.class);

	/** Never falls back: for dispatchers built without WhatsApp (tests of the outbox alone). */
	static final SmsFallback NONE = new SmsFallback(null, null, null, null) {
		@Override
		Optional<MessageRecord> replace(MessageRecord original) {
			return Optional.empty();
		}
	};

	private final Outbox outbox;
	private final OptOuts optOuts;
	private final Contacts contacts;
	private final Clock clock;

	SmsFallback(Outbox outbox, OptOuts optOuts, Contacts contacts, Clock clock) {
		this.outbox = outbox;
		this.optOuts = optOuts;
		this.contacts = contacts;
		this.clock = clock;
	}

	static String idOf(String originalId) {
		return originalId + "-sms";
	}

	/**
	 * @param original a message that could not go or was reported failed or undelivered
	 * @return its SMS fallback, queued (new, or made before for the same original); empty when the
	 * original was not a WhatsApp message, the recipient turned fallback off, or opted out
	 */
	Optional<MessageRecord> replace(MessageRecord original) {
		if (original.channel != ChannelKind.WHATSAPP || original.fallbackOf != null) {
			return Optional.empty();
		}
		if (!contacts.of(original.to).smsFallback()) {
			log.info("WhatsApp message {} failed; its recipient turned the SMS fallback off", original.id);
			return Optional.empty();
		}
		if (original.purpose != Purpose.OPT_OUT_CONFIRMATION && optOuts.existsById(original.to)) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		MessageRecord fallback = MessageRecord.of(new OutboundMessage(original.to, original.body, original.purpose,
				original.reference, original.notAfter, original.about), MessageRecord.Status.QUEUED, now);
		fallback.id = idOf(original.id);
		fallback.channel = ChannelKind.SMS;
		fallback.fallbackOf = original.id;
		try {
			fallback = outbox.insert(fallback);
			log.info("WhatsApp message {} to {} failed ({}); falling back to SMS as {}", original.id,
					Masking.phone(original.to), original.error, fallback.id);
		}
		catch (DuplicateKeyException ex) {
			fallback = outbox.find(fallback.id).orElseThrow();
		}
		outbox.note(original.id, new Update().set("fallbackId", fallback.id).set("updatedAt", now));
		return Optional.of(fallback);
	}
}
