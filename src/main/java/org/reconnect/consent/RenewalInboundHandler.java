package org.reconnect.consent;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.reconnect.messaging.Inbound;
import org.reconnect.messaging.InboundHandler;
import org.reconnect.messaging.InboundMessage;
import org.reconnect.messaging.InboundPipeline;
import org.reconnect.messaging.Messenger;
import org.reconnect.messaging.OutboundMessage;
import org.reconnect.messaging.Purpose;
import org.reconnect.participants.ParticipantProfile;
import org.springframework.stereotype.Component;

/**
 * An ally's YES or NO with no invitation open: a YES renews of a consent they were asked to renew, or an
 * answer that came after the invitation expired (which is never consent, and is said kindly).
 * After the ally's open conversations, before a participant's own.
 */
@Component
class RenewalInboundHandler implements InboundHandler {

	private final Allies allies;
	private final ConsentService consent;
	private final ConsentRenewals renewals;
	private final AllyTexts texts;
	private final Messenger messenger;
	private final Clock clock;

	RenewalInboundHandler(Allies allies, ConsentService consent, ConsentRenewals renewals, AllyTexts texts,
			Messenger messenger, Clock clock) {
		this.renewals = renewals;
		this.allies = allies;
		this.consent = consent;
		this.texts = texts;
		this.messenger = messenger;
		this.clock = clock;
	}

	@Override
	public InboundPipeline.Step step() {
		return InboundPipeline.Step.CONSENT_RENEWAL;
	}

	@Override
	public boolean handle(Inbound inbound) {
		InboundMessage message = inbound.message();
		String word = message.body().trim().toUpperCase(Locale.ROOT).replaceAll("[^A-ZÍ]", "");
		boolean yes = word.equals("YES") || word.equals("SI") || word.equals("SÍ");
		if (!yes && !word.equals("NO")) {
			return false;
		}
		Instant now = clock.instant();
		List<Ally> theirs = allies.findByPhone(message.from());
		Optional<Ally> renewing = theirs.stream()
			.filter(ally -> renewals.awaitingRenewal(ally, now))
			.max(Comparator.comparing((Ally ally) -> consent.state(ally).until()).thenComparing(ally -> ally.id));
		if (yes && renewing.isPresent()) {
			return renewals.renew(renewing.get(), message.key());
		}
		Optional<Ally> expired = theirs.stream()
			.filter(ally -> "EXPIRED".equals(consent.state(ally).status(now)))
			.max(Comparator.comparing((Ally ally) -> consent.state(ally).requestedAt()).thenComparing(ally -> ally.id));
		if (expired.isPresent() && !(inbound.sender() instanceof ParticipantProfile)) {
			// Too late: consent given after the time limit is not consent; say so kindly.
			messenger.send(new OutboundMessage(message.from(), texts.text(expired.get(), "consent.answer-too-late"),
					Purpose.REPLY, message.key()));
			return true;
		}
		return false;
	}
}
