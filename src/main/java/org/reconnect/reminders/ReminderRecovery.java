package org.reconnect.reminders;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.reconnect.messaging.Messenger;
import org.reconnect.participants.ParticipantId;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantService;
import org.reconnect.reminders.Reminder.Outcome;
import org.reconnect.reminders.ReminderPlan.Send;
import org.reconnect.system.handoff.DueClaims;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Finishes the reminder sends a stopped node left pending, once {@link DueClaims} has taken them
 * over: a send whose message is already in the outbox (found by its reference) is only recorded;
 * the others follow the late rules of {@link ReminderDecision} (skipped once the meeting started,
 * or when a later send of the reminder is due by now) and otherwise go now, late.
 */
@Component
class ReminderRecovery {

	private static final Logger log = LoggerFactory.getLogger(ReminderRecovery.class);

	private final ParticipantService participants;
	private final Messenger messenger;
	private final ReminderSender sender;
	private final DueClaims claims;

	ReminderRecovery(ParticipantService participants, Messenger messenger, ReminderSender sender, DueClaims claims) {
		this.participants = participants;
		this.messenger = messenger;
		this.sender = sender;
		this.claims = claims;
	}

	/**
	 * Finishes the pending sends taken over; one the outbox cannot take stays pending.
	 *
	 * @return how many were finished
	 */
	int finish(List<Reminder> taken, Instant now) {
		Map<ParticipantId, ParticipantProfile> people = participants
			.find(taken.stream().map(reminder -> new ParticipantId(reminder.participantId)).toList());
		Set<String> handedOver = messenger.referenced(
				taken.stream().map(reminder -> ReminderEngine.reference(reminder, reminder.pending.send(reminder.zoneId())))
					.toList());
		List<ReminderDecision> sending = new ArrayList<>();
		List<DueClaims.Settle<Reminder>> records = new ArrayList<>();
		for (Reminder reminder : taken) {
			Send send = reminder.pending.send(reminder.zoneId());
			ParticipantProfile participant = people.get(new ParticipantId(reminder.participantId));
			Outcome outcome;
			if (handedOver.contains(ReminderEngine.reference(reminder, send))) {
				outcome = reminder.pending.outcome(); // it went to the outbox before the stop
			}
			else if (!now.isBefore(reminder.pending.meetingAt())) {
				outcome = Outcome.SKIPPED_TOO_LATE;
			}
			else if (reminder.nextPlannedAt != null && !reminder.nextPlannedAt.isAfter(now)) {
				outcome = Outcome.SKIPPED_SUPERSEDED;
			}
			else if (participant == null || !participant.active()) {
				outcome = Outcome.NOT_SENT_INACTIVE;
			}
			else {
				sending.add(ReminderDecision.sendNow(reminder, send, participant, Outcome.SENT_LATE));
				continue;
			}
			log.info("Pending reminder {} for participant {} ({} of the meeting at {}): {}", reminder.id,
					reminder.participantId, ReminderDecision.describeLead(reminder, send),
					send.occurrence().start().toInstant(), outcome);
			records.add(new DueClaims.Settle<>(reminder, ReminderDecision.recording(reminder, send, now, outcome)));
		}
		claims.settle(ReminderEngine.KIND, records);
		return records.size() + sender.send(sending, now);
	}
}
