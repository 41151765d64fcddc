package org.reconnect.consent;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import org.reconnect.flows.AllyAnswered;
import org.reconnect.flows.ConversationRuntime;
import org.reconnect.flows.FlowCatalog;
import org.reconnect.flows.InvitedAlly;
import org.reconnect.participants.ParticipantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Asks an ally whose consent holds to agree to more (good news, PROGRESS) without asking them all
 * over again: the invitation flow's own entry for it, their own YES or NO, and whatever they answer
 * what they agreed to before stays as it is, for the same term. Read from and written to the ledger.
 */
@Component
class ConsentAdditions {

	private static final Logger log = LoggerFactory.getLogger(ConsentAdditions.class);

	/** The invitation flow's entry that asks an ally who already has alerts for good news too. */
	static final String PROGRESS_ADDED = "progress-added";

	private final Allies allies;
	private final AllyQuestions questions;
	private final ConsentEntries entries;
	private final ConversationRuntime conversations;
	private final FlowCatalog flows;
	private final ConsentSettings settings;
	private final Clock clock;

	ConsentAdditions(Allies allies, AllyQuestions questions, ConsentEntries entries, ConversationRuntime conversations,
			FlowCatalog flows, ConsentSettings settings, Clock clock) {
		this.allies = allies;
		this.questions = questions;
		this.entries = entries;
		this.conversations = conversations;
		this.flows = flows;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * @return empty when the ally is not the participant's
	 * @throws ProgressNotAskable when they have no consent in force, were asked something not yet
	 * answered, or agreed to good news already
	 * @throws AllyQuestionOpen when their number has another question open (a renewal, or another
	 * participant's question to the same number)
	 */
	Optional<AllyView> askForProgress(ParticipantId participant, String allyId, String by, String cause) {
		if (!flows.exists(settings.invitationFlow())) {
			throw new IllegalStateException("flow " + settings.invitationFlow() + " is not loaded: no ally can be asked");
		}
		for (int attempt = 1; attempt <= 5; attempt++) {
			Ally ally = allies.findById(allyId).filter(a -> a.participantId.equals(participant.value())).orElse(null);
			if (ally == null) {
				return Optional.empty();
			}
			Instant now = clock.instant();
			ConsentState state = entries.state(ally);
			refuseUnlessAskable(ally, state, now);
			questions.refuseWhileOpen(ally.phone, ally.participantId, now);
			ally.additionRequestedAt = now;
			try {
				ally = allies.save(ally);
			}
			catch (OptimisticLockingFailureException ex) {
				continue; // another request (or a renewal prompt) changed the ally: read and check again
			}
			Instant answerBy = now.plus(settings.answerWithin());
			List<AlertKind> adding = List.of(AlertKind.PROGRESS);
			entries.append(ally, ConsentChange.ADDITION_REQUESTED, adding, "good news asked for by the coach", by, now, now,
					answerBy, cause);
			conversations.startWithAlly(new InvitedAlly(ally.id, participant, ally.phone, ally.firstName(), ally.language),
					settings.invitationFlow(), PROGRESS_ADDED, answerBy);
			log.info("Ally {} of participant {} asked to add {}", ally.id, participant, adding);
			return Optional.of(ally.view(entries.state(ally), now));
		}
		throw new IllegalStateException("ally " + allyId + " kept changing");
	}

	private void refuseUnlessAskable(Ally ally, ConsentState state, Instant now) {
		if (state.awaitingAnswer(now) || state.awaitingAdditionAnswer(now)
				|| (state.granted(now) && ally.additionBeingAsked(state, now, settings.answerWithin()))) {
			throw ProgressNotAskable.asked(ally.id);
		}
		if (!state.granted(now)) {
			throw ProgressNotAskable.noConsent(ally.id, state.status(now), ally.participantId);
		}
		if (state.kinds() != null && state.kinds().contains(AlertKind.PROGRESS)) {
			throw ProgressNotAskable.agreed(ally.id);
		}
	}

	/**
	 * The ally answered a request to add to their consent: YES adds it for the rest of the consent's
	 * term, NO leaves everything as it was.
	 *
	 * @return false when no such request awaits their answer
	 */
	boolean answer(Ally ally, ConsentState state, AllyAnswered answered, Instant now) {
		if (!state.awaitingAdditionAnswer(now)) {
			return false;
		}
		if (answered.granted()) {
			EnumSet<AlertKind> all = EnumSet.copyOf(state.adding().kinds());
			all.addAll(state.kinds());
			entries.append(ally, ConsentChange.ADDITION_GRANTED, List.copyOf(all), "the ally said yes to more", "ally", now,
					now, state.until(), answered.messageKey());
		}
		else {
			entries.append(ally, ConsentChange.ADDITION_DECLINED, state.adding().kinds(), "the ally said no to more", "ally",
					now, null, null, answered.messageKey());
		}
		return true;
	}
}
