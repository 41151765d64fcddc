package org.reconnect.reminders;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.reconnect.flows.ConversationRuntime;
import org.reconnect.messaging.Messenger;
import org.reconnect.messaging.OutboundMessage;
import org.reconnect.messaging.Purpose;
import org.reconnect.messaging.SendResult;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.reminders.Reminder.Outcome;
import org.reconnect.reminders.ReminderPlan.Send;
import org.reconnect.system.Masking;
import org.reconnect.system.handoff.DueClaims;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends a batch of claimed reminders, each with its reply flow's question, to the outbox in one
 * write, and records the outcomes with their pending marks cleared.
 */
@Component
class ReminderSender {

	private static final Logger log = LoggerFactory.getLogger(ReminderSender.class);

	private final ConversationRuntime conversations;
	private final Messenger messenger;
	private final DueClaims claims;
	private final ReminderTexts texts;

	ReminderSender(ConversationRuntime conversations, Messenger messenger, DueClaims claims,
			ReminderTexts texts) {
		this.texts = texts;
		this.conversations = conversations;
		this.messenger = messenger;
		this.claims = claims;
	}

	/**
	 * Sends the claimed reminders as one batch, records the outcomes and clears their pending marks
	 * (only while still theirs: a recovery may have taken one over). When the outbox cannot take
	 * them, they stay pending and {@link ReminderEngine#recover()} sends them.
	 *
	 * @return how many were handed to the outbox
	 */
	int send(List<ReminderDecision> sending, Instant now) {
		if (sending.isEmpty()) {
			return 0;
		}
		boolean replyFlow = conversations.flowNames().contains(ReminderEngine.REPLY_FLOW);
		List<OutboundMessage> messages = new ArrayList<>();
		for (ReminderDecision decision : sending) {
			Reminder reminder = decision.reminder();
			Send current = decision.current();
			ParticipantProfile participant = decision.participant();
			String text = texts.reminder(participant.language(), participant.firstName(), reminder.title,
					reminder.place, reminder.note, current.occurrence().start(),
					now.atZone(current.occurrence().start().getZone()).toLocalDate(), !replyFlow);
			String reference = ReminderEngine.reference(reminder, current);
			// Useless once the meeting has started: the outbox drops it then if it is still waiting.
			messages.add(new OutboundMessage(participant.phone(), text, Purpose.REMINDER, reference,
					current.occurrence().start().toInstant()));
		}
		List<SendResult> results;
		try {
			// The reply flow's "will you make it?" goes in the same batch; it waits its turn where
			// another conversation is open.
			results = replyFlow
					? conversations.sendThenStart(messages,
							sending.stream().map(ReminderDecision::participant).toList(), ReminderEngine.REPLY_FLOW)
					: messenger.sendAll(messages);
		}
		catch (RuntimeException ex) {
			log.error("{} claimed reminders could not be handed to the outbox; they are sent once the lease of {} is over",
					sending.size(), claims.lease(), ex);
			return 0;
		}
		List<DueClaims.Settle<Reminder>> records = new ArrayList<>();
		for (int i = 0; i < sending.size(); i++) {
			ReminderDecision decision = sending.get(i);
			Reminder reminder = decision.reminder();
			Send current = decision.current();
			Outcome outcome = decision.outcome();
			if (!results.get(i).sent()) {
				log.info("Reminder {} to {} was not delivered: {}", reminder.id,
						Masking.phone(decision.participant().phone()), results.get(i).outcome());
				outcome = Outcome.NOT_SENT_REFUSED;
			}
			records.add(new DueClaims.Settle<>(reminder, ReminderDecision.recording(reminder, current, now, outcome)
				.set("lastSentAt", now)
				.set("lastSentOccurrence", current.occurrence().key())
				.set("lastSentMeetingAt", current.occurrence().start().toInstant())));
		}
		claims.settle(ReminderEngine.KIND, records);
		return sending.size();
	}
}
