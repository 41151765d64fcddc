package org.reconnect.console;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.reconnect.messaging.Messenger;
import org.reconnect.messaging.OutboundMessage;
import org.reconnect.messaging.Purpose;
import org.reconnect.messaging.SendResult;
import org.reconnect.participants.CoachNames;
import org.reconnect.participants.ParticipantErased;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.system.InvalidInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * A coach writes to a participant from the console. The message goes through the outbox with
 * every rule a message meets there (opt-out, quiet hours unless the coach marks it urgent, the
 * participant's channel and the WhatsApp window); the participant's reply comes back into the
 * same thread ({@link CoachThreadInbound}).
 */
@Service
public class CoachMessages {

	private static final Logger log = LoggerFactory.getLogger(CoachMessages.class);

	private final CoachThreadEntries thread;
	private final Messenger messenger;
	private final MessageSource texts;
	private final CoachMessageSettings settings;
	private final Clock clock;
	private final CoachNames names;

	CoachMessages(CoachThreadEntries thread, Messenger messenger, MessageSource texts, CoachMessageSettings settings,
			Clock clock, CoachNames names) {
		this.names = names;
		this.thread = thread;
		this.messenger = messenger;
		this.texts = texts;
		this.settings = settings;
		this.clock = clock;
	}

	/** One message of the thread as the console shows it; {@code status} is the outbox's, for OUT only. */
	public record ThreadMessage(Instant at, boolean fromCoach, String coach, String text, boolean urgent,
			String messageId, String status, String deliveryStatus, Instant nextAttemptAt) {
	}

	/**
	 * Sends the coach's words, introduced as their coach's (by the name participants read for them)
	 * in the participant's language.
	 *
	 * @throws InvalidInput naming {@code text} when it is empty or too long
	 * @throws ParticipantOptedOut when they texted STOP: nothing is sent or kept
	 */
	public ThreadMessage send(ParticipantProfile participant, String text, boolean urgent, String coach) {
		String words = text == null ? "" : text.strip();
		if (words.isEmpty() || words.length() > settings.maxLength()) {
			throw InvalidInput.of("text", "problem.coach-message.length", settings.maxLength(), participant.firstName());
		}
		if (messenger.isOptedOut(participant.phone())) {
			throw new ParticipantOptedOut(participant.id().value());
		}
		String body = texts.getMessage("coach-message.text", new Object[] { names.nameParticipantsRead(coach), words },
				Locale.forLanguageTag(participant.language()));
		SendResult result = messenger.send(new OutboundMessage(participant.phone(), body,
				urgent ? Purpose.COACH_URGENT : Purpose.COACH, "coach:" + coach));
		if (result.outcome() == SendResult.Outcome.SUPPRESSED) {
			throw new ParticipantOptedOut(participant.id().value());
		}
		CoachThreadEntry entry = thread.save(new CoachThreadEntry(null, participant.id().value(), clock.instant(),
				CoachThreadEntry.OUT, coach, result.messageId(), words, urgent));
		log.info("Coach {} wrote to participant {} ({}): {}", coach, participant.id(), urgent ? "urgent" : "not urgent",
				result.outcome());
		return view(entry);
	}

	/** The coach's messages and the participant's replies, oldest first. */
	public List<ThreadMessage> thread(ParticipantProfile participant) {
		return thread.findByParticipantIdOrderByAtAsc(participant.id().value()).stream().map(this::view).toList();
	}

	private ThreadMessage view(CoachThreadEntry entry) {
		if (!entry.out()) {
			return new ThreadMessage(entry.at(), false, null, entry.text(), false, entry.messageId(), null, null, null);
		}
		var status = entry.messageId() == null ? java.util.Optional.<org.reconnect.messaging.MessageView>empty()
				: messenger.status(entry.messageId());
		return new ThreadMessage(entry.at(), true, entry.coach(), entry.text(), entry.urgent(), entry.messageId(),
				status.map(s -> s.status()).orElse("SENT"), status.map(s -> s.deliveryStatus()).orElse(null),
				status.map(s -> s.nextAttemptAt()).orElse(null));
	}

	/**
	 * When the coach last wrote to the participant, if that is within the reply window now: a text
	 * from them may be a reply to it (see {@link CoachThreadInbound}).
	 */
	java.util.Optional<Instant> lastWrittenWithinWindow(String participantId, Instant now) {
		return thread.findFirstByParticipantIdAndDirectionOrderByAtDesc(participantId, CoachThreadEntry.OUT)
			.filter(last -> !last.at().plus(settings.replyWindow()).isBefore(now))
			.map(CoachThreadEntry::at);
	}

	void keepReply(String participantId, String key, String text, Instant at) {
		thread.save(new CoachThreadEntry(null, participantId, at, CoachThreadEntry.IN, null, key, text, false));
	}

	/** An erased participant's thread goes with them (the coach's words speak of them too). */
	@EventListener
	void on(ParticipantErased erased) {
		thread.deleteByParticipantId(erased.participant().value());
	}
}
