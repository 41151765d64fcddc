package org.reconnect.consent;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import org.reconnect.participants.ParticipantId;
import org.reconnect.participants.QuietHours;
import org.reconnect.system.InvalidInput;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Who an ally's number is for a participant when they are named: a new ally, one whose consent
 * ended asked again, or a refusal (already an ally, too many, a question open on the number).
 */
@Component
class AllyNaming {

	/** Allies whose consent is asked for or holds, per participant: a handful of people, not a list. */
	static final int MOST_ALLIES = 10;

	private final Allies allies;
	private final ConsentEntries entries;
	private final AllyQuestions questions;
	private final MongoTemplate mongo;

	AllyNaming(Allies allies, ConsentEntries entries, AllyQuestions questions, MongoTemplate mongo) {
		this.allies = allies;
		this.entries = entries;
		this.questions = questions;
		this.mongo = mongo;
	}

	/**
	 * The ally for this number: a new one, or one whose consent ended, asked again. The store
	 * decides between requests at the same moment: a new ally's number is a unique key, an ally
	 * asked again is saved against its version.
	 *
	 * @throws AllyAlreadyNamed when the number is an ally whose consent is asked for or holds
	 * @throws InvalidInput when the participant already has the most allies one may have
	 * @throws AllyQuestionOpen when the number has a question open, of whichever participant
	 */
	Ally named(ParticipantId participant, String name, String phone, ZoneId zone, QuietHours hours,
			String language, Instant now) {
		Ally existing = null;
		ConsentState ended = null;
		long live = 0;
		for (Ally ally : allies.findByParticipantId(participant.value())) {
			ConsentState state = entries.state(ally);
			if (ally.phone.equals(phone)) {
				Optional<AllyAlreadyNamed> named = alreadyNamed(ally, state, now);
				if (named.isPresent()) {
					throw named.get();
				}
				existing = ally;
				ended = state;
			}
			live += holds(state, now) ? 1 : 0;
		}
		if (live >= MOST_ALLIES) {
			throw InvalidInput.of("allies", "problem.ally.too-many", live, MOST_ALLIES);
		}
		try {
			questions.refuseWhileOpen(phone, participant.value(), now);
		}
		catch (AllyQuestionOpen open) {
			throw namedMeanwhile(participant, phone, now).orElseThrow(() -> open);
		}
		if (existing == null) {
			try {
				Ally named = Ally.named(participant, name, phone, zone, language, now);
				named.keepHours(zone, hours);
				return allies.save(named);
			}
			catch (DuplicateKeyException ex) {
				throw new AllyAlreadyNamed(allies.findByParticipantIdAndPhone(participant.value(), phone).stream()
					.findFirst().map(ally -> ally.id).orElse("?"), "REQUESTED");
			}
		}
		Ally claimed;
		try {
			claimed = mongo.findAndModify(Ally.claimable(existing.id, ended.requestedAt()),
					Ally.askedAgain(name, zone, hours, language, participant.value() + ":" + phone, now),
					FindAndModifyOptions.options().returnNew(true), Ally.class);
		}
		catch (DuplicateKeyException ex) {
			claimed = null; // an older duplicate of this number (named before numbers were unique) is the ally
		}
		if (claimed == null) {
			throw new AllyAlreadyNamed(existing.id, "REQUESTED");
		}
		return claimed;
	}

	/**
	 * The same number named for the same participant by a request at the same moment, after this one
	 * read their allies: that is "already an ally", as it would have been a moment later.
	 */
	private Optional<AllyAlreadyNamed> namedMeanwhile(ParticipantId participant, String phone, Instant now) {
		return allies.findByParticipantIdAndPhone(participant.value(), phone).stream()
			.flatMap(ally -> alreadyNamed(ally, entries.state(ally), now).stream())
			.findFirst();
	}

	/** "Already an ally": their consent is asked for or holds, or a request for it is being saved. */
	private static Optional<AllyAlreadyNamed> alreadyNamed(Ally ally, ConsentState state, Instant now) {
		if (holds(state, now)) {
			return Optional.of(new AllyAlreadyNamed(ally.id, state.status(now)));
		}
		return ally.beingAsked(state) ? Optional.of(new AllyAlreadyNamed(ally.id, "REQUESTED")) : Optional.empty();
	}

	private static boolean holds(ConsentState state, Instant now) {
		return state.granted(now) || state.awaitingAnswer(now);
	}
}
