package org.reconnect.consent;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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
	private final AllyQuestions questions;
	private final ConsentEntries entries;
	private final ParticipantService participants;
	private final Messenger messenger;
	private final ConsentSettings settings;
	private final MongoTemplate mongo;
	private final Clock clock;
	private final AllyTexts texts;

	ConsentRenewals(Allies allies, AllyQuestions questions, ConsentEntries entries, ParticipantService participants,
			Messenger messenger, ConsentSettings settings, MongoTemplate mongo, Clock clock, AllyTexts texts) {
		this.allies = allies;
		this.questions = questions;
		this.entries = entries;
		this.participants = participants;
		this.messenger = messenger;
		this.settings = settings;
		this.mongo = mongo;
		this.clock = clock;
		this.texts = texts;
	}

	/**
	 * Asks each ally whose consent ends within the renewal window whether to renew, earliest end first;
	 * each consent end is claimed by one atomic update, so it is asked once across nodes. A number with
	 * a question open (an invitation, good news, another renewal) is not asked now: a later sweep asks
	 * it once that is answered or closed, and a consent that ended meanwhile may still be renewed for
	 * the time to answer from then ({@link AllyQuestions#renewalCloses}).
	 *
	 * @return how many were asked
	 */
	int promptRenewals() {
		Instant now = clock.instant();
		List<Due> due = new ArrayList<>();
		for (Ally ally : allies.findAll()) {
			ConsentState state = entries.state(ally);
			if (state.change() == ConsentChange.GRANTED && state.until() != null
					&& !state.until().isAfter(now.plus(settings.renewBefore()))
					&& state.until().isAfter(now.minus(settings.renewBefore()))
					&& !state.until().equals(ally.renewalPromptedFor)) {
				due.add(new Due(ally, state));
			}
		}
		due.sort(Comparator.comparing((Due d) -> d.state().until()).thenComparing(d -> d.ally().id));
		int asked = 0;
		for (Due next : due) {
			if (ask(next.ally(), next.state(), now)) {
				asked++;
			}
		}
		return asked;
	}

	private record Due(Ally ally, ConsentState state) {
	}

	/**
	 * Asks one ally, unless their number has a question open. A consent that ended before it could
	 * be asked (it waited for another question) is asked all the same, within the renewal window after.
	 */
	private boolean ask(Ally ally, ConsentState state, Instant now) {
		if (questions.openOn(ally.phone, now).isPresent()) {
			return false; // one question at a time: asked on a later sweep
		}
		Query unclaimed = Query.query(Criteria.where("_id").is(ally.id).and("renewalPromptedFor").ne(state.until()));
		Ally claimed = mongo.findAndModify(unclaimed, new Update().set("renewalPromptedFor", state.until())
			.set("renewalPromptedAt", now)
			.inc("version", 1), FindAndModifyOptions.options().returnNew(true), Ally.class);
		if (claimed == null) {
			return false;
		}
		String participantName = participants.find(new ParticipantId(ally.participantId))
			.map(ParticipantProfile::firstName)
			.orElse(null);
		if (participantName == null) {
			return false;
		}
		Instant closes = questions.renewalCloses(claimed, state);
		String text = closes.isAfter(state.until())
				? texts.text(ally, "consent.renewal.ask-late", ally.firstName(), participantName,
						texts.date(ally, state.until()), texts.date(ally, closes))
				: texts.text(ally, "consent.renewal.ask", ally.firstName(), participantName, texts.date(ally, state.until()));
		var sent = messenger.send(new OutboundMessage(ally.phone, text, Purpose.CONSENT_REQUEST, ally.id)
			.about(ally.participantId));
		entries.append(ally, ConsentChange.RENEWAL_REQUESTED, state.kinds(), "consent ends soon", "system", now, null,
				state.until(), sent.messageId());
		return true;
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
		// asked late, after waiting for another question, and answered after the end: a full term from the YES
		boolean ended = !now.isBefore(state.until());
		Instant from = ended ? now : state.from();
		Instant until = (ended ? now : state.until()).plus(settings.validFor());
		String participantName = participants.find(new ParticipantId(ally.participantId))
			.map(ParticipantProfile::firstName)
			.orElseGet(() -> texts.text(ally, "consent.your-friend"));
		entries.append(ally, ConsentChange.RENEWED, state.kinds(), "the ally renewed", "ally", now, from, until,
				messageKey);
		messenger.send(new OutboundMessage(ally.phone, texts.text(ally, "consent.renewal.thanks", ally.firstName(),
				participantName), Purpose.REPLY, messageKey)
			.about(ally.participantId));
		return true;
	}

	/** Whether the ally was asked to renew their present term and may still answer. */
	boolean awaitingRenewal(Ally ally, Instant now) {
		Instant closes = questions.renewalCloses(ally, entries.state(ally));
		return closes != null && now.isBefore(closes);
	}
}
