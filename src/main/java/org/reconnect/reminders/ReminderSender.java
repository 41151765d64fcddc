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
		List<Integer> asking = new ArrayList<>();
		List<Integer> alone = new ArrayList<>();
		for (int i = 0; i < sending.size(); i++) {
			ReminderDecision decision = sending.get(i);
			Reminder reminder = decision.reminder();
			Send current = decision.current();
			ParticipantProfile participant = decision.participant();
			boolean anyHour = reminder.quietHoursChoice() == InQuietHours.SEND_ANYWAY;
			// Sent anyway in quiet hours, it goes alone with its keywords: the reply flow's question
			// would be held until morning.
			boolean ask = replyFlow && !(anyHour && participant.quietHours().contains(now, participant.zone()));
			(ask ? asking : alone).add(i);
			String text = texts.reminder(participant.language(), participant.firstName(), reminder.title,
					reminder.place, reminder.note, current.occurrence().start(),
					now.atZone(current.occurrence().start().getZone()).toLocalDate(), !ask);
			String reference = ReminderEngine.reference(reminder, current);
			// Useless once the meeting has started: the outbox drops it then if it is still waiting.
			messages.add(new OutboundMessage(participant.phone(), text,
					anyHour ? Purpose.REMINDER_AT_ANY_HOUR : Purpose.REMINDER, reference,
					current.occurrence().start().toInstant()));
		}
		SendResult[] results = new SendResult[sending.size()];
		try {
			// The reply flow's "will you make it?" goes in the same batch; it waits its turn where
			// another conversation is open. A failure after the first write leaves the rest pending:
			// recovery finds what is in the outbox by its reference and only records it.
			if (!asking.isEmpty()) {
				fill(results, asking, conversations.sendThenStart(pick(messages, asking),
						pick(sending, asking).stream().map(ReminderDecision::participant).toList(),
						ReminderEngine.REPLY_FLOW));
			}
			if (!alone.isEmpty()) {
				fill(results, alone, messenger.sendAll(pick(messages, alone)));
			}
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
			if (!results[i].sent()) {
				log.info("Reminder {} to {} was not delivered: {}", reminder.id,
						Masking.phone(decision.participant().phone()), results[i].outcome());
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

	private static <T> List<T> pick(List<T> all, List<Integer> indexes) {
		return indexes.stream().map(all::get).toList();
	}

	private static void fill(SendResult[] results, List<Integer> indexes, List<SendResult> sent) {
		for (int i = 0; i < indexes.size(); i++) {
			results[indexes.get(i)] = sent.get(i);
		}
	}
}
