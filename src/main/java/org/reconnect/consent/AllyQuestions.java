package org.reconnect.consent;

import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Which question an ally's number has open: an invitation, a request for good news or a renewal, of
 * whichever participant. A number is asked one question at a time, so that its YES or NO answers the
 * one it was asked: coach actions are refused meanwhile ({@link AllyQuestionOpen}), renewals wait.
 */
@Component
class AllyQuestions {

	/** A question an ally was asked and may still answer until {@code closes}. */
	record Open(AllyQuestion question, Ally ally, Instant closes) {
	}

	private final Allies allies;
	private final ConsentEntries entries;
	private final ConsentSettings settings;

	AllyQuestions(Allies allies, ConsentEntries entries, ConsentSettings settings) {
		this.allies = allies;
		this.entries = entries;
		this.settings = settings;
	}

	/** The question open on this number now, of any participant's ally on it; the one closing last if several. */
	Optional<Open> openOn(String phone, Instant now) {
		return allies.findByPhone(phone).stream()
			.map(ally -> open(ally, entries.state(ally), now))
			.flatMap(Optional::stream)
			.max(Comparator.comparing(Open::closes));
	}

	/**
	 * Refuses a new question to this number while one is open: named when it is this participant's,
	 * unnamed when another participant's ally on the same number was asked it.
	 *
	 * @throws AllyQuestionOpen when the number has a question open
	 */
	void refuseWhileOpen(String phone, String participantId, Instant now) {
		Optional<Open> open = openOn(phone, now);
		if (open.isPresent()) {
			Open question = open.get();
			throw question.ally().participantId.equals(participantId)
					? AllyQuestionOpen.ofTheirs(question.ally().id, question.question(), question.closes())
					: AllyQuestionOpen.ofAnother(question.closes());
		}
	}

	/** The question this ally has open now, if any (a request saved a moment ago but not yet in the ledger too). */
	Optional<Open> open(Ally ally, ConsentState state, Instant now) {
		if (state.awaitingAnswer(now)) {
			return Optional.of(new Open(AllyQuestion.INVITATION, ally, state.answerBy()));
		}
		if (ally.beingAsked(state) && now.isBefore(ally.requestedAt.plus(settings.answerWithin()))) {
			return Optional.of(new Open(AllyQuestion.INVITATION, ally, ally.requestedAt.plus(settings.answerWithin())));
		}
		if (state.awaitingAdditionAnswer(now)) {
			return Optional.of(new Open(AllyQuestion.GOOD_NEWS, ally, state.adding().answerBy()));
		}
		if (state.granted(now) && ally.additionBeingAsked(state, now, settings.answerWithin())) {
			return Optional.of(new Open(AllyQuestion.GOOD_NEWS, ally, ally.additionRequestedAt.plus(settings.answerWithin())));
		}
		Instant renewalCloses = renewalCloses(ally, state);
		if (renewalCloses != null && now.isBefore(renewalCloses)) {
			return Optional.of(new Open(AllyQuestion.RENEWAL, ally, renewalCloses));
		}
		return Optional.empty();
	}

	/**
	 * Until when a renewal the ally was asked may be answered: the consent's end, or, when it could only
	 * be asked late (waiting for another question), the time to answer counted from when it was asked.
	 * Null when no renewal of the present term was asked.
	 */
	Instant renewalCloses(Ally ally, ConsentState state) {
		if (state.change() != ConsentChange.GRANTED || state.until() == null
				|| !state.until().equals(ally.renewalPromptedFor)) {
			return null;
		}
		Instant answerWithin = ally.renewalPromptedAt == null ? state.until()
				: ally.renewalPromptedAt.plus(settings.answerWithin());
		return answerWithin.isAfter(state.until()) ? answerWithin : state.until();
	}
}
