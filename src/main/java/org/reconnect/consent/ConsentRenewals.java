package org.reconnect.consent;

import java.time.Clock;
import java.time.Instant;

import org.reconnect.messaging.Messenger;
import org.reconnect.messaging.OutboundMessage;
import org.reconnect.messaging.Purpose;
import org.reconnect.participants.ParticipantId;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantService;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Consent renewal: asking allies before their consent ends, and their YES that renews it for another term. */
@Component
class ConsentRenewals {

	private final Allies allies;
	private final ConsentEntries entries;
	private final ParticipantService participants;
	private final Messenger messenger;
	private final ConsentSettings settings;
	private final MongoTemplate mongo;
	private final Clock clock;
	private final AllyTexts texts;

	ConsentRenewals(Allies allies, ConsentEntries entries, ParticipantService participants, Messenger messenger,
			ConsentSettings settings, MongoTemplate mongo, Clock clock, AllyTexts texts) {
		this.allies = allies;
		this.entries = entries;
		this.participants = participants;
		this.messenger = messenger;
		this.settings = settings;
		this.mongo = mongo;
		this.clock = clock;
		this.texts = texts;
	}

	/**
	 * Asks each ally whose consent ends within the renewal window whether to renew; each consent
	 * end is claimed by one atomic update, so it is asked once across nodes.
	 *
	 * @return how many were asked
	 */
	int promptRenewals() {
		Instant now = clock.instant();
		int asked = 0;
		for (Ally ally : allies.findAll()) {
			ConsentState state = entries.state(ally);
			if (!state.granted(now) || state.until().isAfter(now.plus(settings.renewBefore()))
					|| state.until().equals(ally.renewalPromptedFor)) {
				continue;
			}
			Query unclaimed = Query.query(Criteria.where("_id").is(ally.id).and("renewalPromptedFor").ne(state.until()));
			if (mongo.findAndModify(unclaimed, new Update().set("renewalPromptedFor", state.until()).inc("version", 1),
					FindAndModifyOptions.options().returnNew(true), Ally.class) == null) {
				continue;
			}
			String participantName = participants.find(new ParticipantId(ally.participantId))
				.map(ParticipantProfile::firstName)
				.orElse(null);
			if (participantName == null) {
				continue;
			}
			var sent = messenger.send(new OutboundMessage(ally.phone, texts.text(ally, "consent.renewal.ask", ally.firstName(),
					participantName, texts.date(ally, state.until())),
					Purpose.CONSENT_REQUEST, ally.id).about(ally.participantId));
			entries.append(ally, ConsentChange.RENEWAL_REQUESTED, state.kinds(), "consent ends soon", "system", now, null,
					state.until(), sent.messageId());
			asked++;
		}
		return asked;
	}

	/**
	 * A YES to a renewal prompt renews the consent for another term.
	 *
	 * @return false when the ally was not asked to renew
	 */
	boolean renew(Ally ally, String messageKey) {
		Instant now = clock.instant();
		ConsentState state = entries.state(ally);
		if (!awaitingRenewal(ally, now)) {
			return false;
		}
		String participantName = participants.find(new ParticipantId(ally.participantId))
			.map(ParticipantProfile::firstName)
			.orElseGet(() -> texts.text(ally, "consent.your-friend"));
		Instant until = state.until().plus(settings.validFor());
		entries.append(ally, ConsentChange.RENEWED, state.kinds(), "the ally renewed", "ally", now, state.from(), until,
				messageKey);
		messenger.send(new OutboundMessage(ally.phone, texts.text(ally, "consent.renewal.thanks", ally.firstName(),
				participantName), Purpose.REPLY, messageKey)
			.about(ally.participantId));
		return true;
	}

	boolean awaitingRenewal(Ally ally, Instant now) {
		ConsentState state = entries.state(ally);
		return state.granted(now) && ally.renewalPromptedFor != null && ally.renewalPromptedFor.equals(state.until());
	}
}
