package org.reconnect.flows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.reconnect.flows.FlowMachines.Effect;
import org.reconnect.messaging.Messenger;
import org.reconnect.messaging.OutboundMessage;
import org.reconnect.messaging.Purpose;
import org.reconnect.messaging.SendResult;
import org.reconnect.participants.ParticipantProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Carries out what a step of a flow does besides moving the conversation on: sends its texts
 * (after the conversation was saved), and raises the events it names for other modules.
 */
@Component
class ConversationEffects {

	private static final Logger log = LoggerFactory.getLogger(ConversationEffects.class);

	private final Messenger messenger;
	private final ApplicationEventPublisher events;
	private final ConversationTexts texts;

	ConversationEffects(Messenger messenger, ApplicationEventPublisher events, ConversationTexts texts) {
		this.messenger = messenger;
		this.events = events;
		this.texts = texts;
	}

	List<SendResult> carryOut(Addressee addressee, FlowDefinition flow, Conversation conversation,
			List<Effect> effects, Purpose purpose, String cause) {
		ParticipantProfile participant = addressee.participant();
		List<SendResult> results = new ArrayList<>();
		for (Effect effect : effects) {
			if (effect instanceof Effect.Say say) {
				// A question or re-ask that cannot go before the deadline is dropped; a reply is never held.
				Instant notAfter = purpose == Purpose.REPLY ? null : conversation.expiresAt;
				OutboundMessage message = new OutboundMessage(addressee.phone(), texts.render(say.text(), addressee, flow),
						purpose, conversation.id, notAfter);
				// a text to an ally speaks of the participant: it is erased with them
				results.add(messenger.send(addressee.ally() == null ? message : message.about(conversation.participantId)));
			}
			else if (effect instanceof Effect.RecordConsent consent && addressee.ally() != null) {
				events.publishEvent(new AllyAnswered(addressee.ally().allyId(), participant.id(), consent.granted(),
						conversation.id, cause));
			}
			else if (effect instanceof Effect.Emit emit && emit.event() == FlowEvent.CHECK_IN_ANSWERED) {
				events.publishEvent(new CheckInAnswered(participant.id(), conversation.id));
			}
			else if (effect instanceof Effect.Emit emit && emit.event() == FlowEvent.REACHED_OUT) {
				events.publishEvent(new ReachedOut(participant.id(), conversation.id));
			}
			else if (effect instanceof Effect.Emit emit && emit.event() == FlowEvent.CHECK_INS_DECLINED) {
				events.publishEvent(new CheckInsDeclined(participant.id(), conversation.id));
			}
			else if (effect instanceof Effect.Emit emit && emit.event() == FlowEvent.CHECK_IN_TIME_CHOSEN) {
				TimesOfDay.parse(conversation.answers.get("check_in_time"))
					.ifPresent(time -> events.publishEvent(new CheckInTimeChosen(participant.id(), time)));
			}
			else if (effect instanceof Effect.Handover handover) {
				log.info("Conversation {} hands participant {} over to their coach", conversation.id, participant.id());
				events.publishEvent(new HandoverRequested(participant.id(), conversation.id, handover.reason()));
			}
			// Save and StartFlow were applied to the conversation before it was saved.
		}
		return results;
	}
}
