package org.reconnect.reminders;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.reconnect.flows.ConversationRuntime;
import org.reconnect.messaging.Inbound;
import org.reconnect.messaging.InboundHandler;
import org.reconnect.messaging.InboundMessage;
import org.reconnect.messaging.InboundPipeline;
import org.reconnect.messaging.Messenger;
import org.reconnect.messaging.OutboundMessage;
import org.reconnect.messaging.Purpose;
import org.reconnect.participants.ParticipantProfile;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * A participant texting NEXT gets their next three meetings; an answer to a reminder sent in the
 * last 24 hours (GOING, CANT, SUPPORT, or VOY, NO PUEDO, APOYO) is recorded on the reminder for
 * the coach. When the reminder-reply flow is open it answers (and records attendance in its
 * conversation); otherwise a short thanks comes from here. The words never collide with a
 * check-in answer (yes, no, a number).
 */
@Component
class ReminderInboundHandler implements InboundHandler {

	private static final Duration ANSWER_WINDOW = Duration.ofHours(24);

	private static final Map<String, Reminder.Answer> ANSWERS = Map.ofEntries(
			Map.entry("GOING", Reminder.Answer.GOING), Map.entry("IM GOING", Reminder.Answer.GOING),
			Map.entry("ILL BE THERE", Reminder.Answer.GOING), Map.entry("VOY", Reminder.Answer.GOING),
			Map.entry("CANT", Reminder.Answer.CANT_MAKE_IT), Map.entry("CANT MAKE IT", Reminder.Answer.CANT_MAKE_IT),
			Map.entry("CANNOT", Reminder.Answer.CANT_MAKE_IT), Map.entry("NO PUEDO", Reminder.Answer.CANT_MAKE_IT),
			Map.entry("SUPPORT", Reminder.Answer.NEED_SUPPORT), Map.entry("NEED SUPPORT", Reminder.Answer.NEED_SUPPORT),
			Map.entry("APOYO", Reminder.Answer.NEED_SUPPORT), Map.entry("NECESITO APOYO", Reminder.Answer.NEED_SUPPORT));

	private final ReminderService reminders;
	private final MongoTemplate mongo;
	private final Messenger messenger;
	private final ApplicationEventPublisher events;
	private final ConversationRuntime conversations;
	private final Clock clock;
	private final ReminderTexts texts;

	ReminderInboundHandler(ReminderService reminders, MongoTemplate mongo, Messenger messenger,
			ApplicationEventPublisher events, ConversationRuntime conversations, Clock clock, ReminderTexts texts) {
		this.texts = texts;
		this.reminders = reminders;
		this.mongo = mongo;
		this.messenger = messenger;
		this.events = events;
		this.conversations = conversations;
		this.clock = clock;
	}

	@Override
	public InboundPipeline.Step step() {
		return InboundPipeline.Step.REMINDER_REPLIES;
	}

	@Override
	public boolean handle(Inbound inbound) {
		InboundMessage message = inbound.message();
		if (!(inbound.sender() instanceof ParticipantProfile participant)) {
			return false;
		}
		String words = normalise(message.body());
		if (words.equals("NEXT") || words.equals("PROXIMO") || words.equals("PROXIMAS")) {
			reply(participant, texts.next(participant.language(), reminders.upcoming(participant.id(), 3)), message);
			return true;
		}
		Reminder.Answer answer = ANSWERS.get(words);
		if (answer == null) {
			return false;
		}
		Instant now = clock.instant();
		Query recent = Query.query(Criteria.where("participantId").is(participant.id().value())
			.and("lastSentAt").gte(now.minus(ANSWER_WINDOW)));
		Optional<Reminder> answered = mongo.find(recent, Reminder.class)
			.stream()
			.max(Comparator.comparing((Reminder r) -> r.lastSentAt));
		if (answered.isEmpty()) {
			return false;
		}
		Reminder reminder = answered.get();
		mongo.updateFirst(Query.query(Criteria.where("_id").is(reminder.id)), new Update().push("replies")
			.slice(-20)
			.each(new Reminder.Reply(reminder.lastSentOccurrence, reminder.lastSentMeetingAt, answer, now)),
				Reminder.class);
		events.publishEvent(new ReminderAnswered(participant.id(), reminder.id, reminder.lastSentMeetingAt, answer.name()));
		if (conversations.open(participant.id()).filter(c -> ReminderEngine.REPLY_FLOW.equals(c.flow())).isPresent()) {
			return false; // recorded here; the reminder-reply flow answers (and hands over to the coach on SUPPORT)
		}
		reply(participant, texts.thanks(participant.language(), answer), message);
		return true;
	}

	private void reply(ParticipantProfile participant, String text, InboundMessage message) {
		messenger.send(new OutboundMessage(participant.phone(), text, Purpose.REPLY, message.key()));
	}

	/** Upper case, accents and punctuation gone, single spaces: "Can't make it!" becomes "CANT MAKE IT". */
	static String normalise(String body) {
		String plain = Normalizer.normalize(body, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		return plain.toUpperCase(Locale.ROOT).replaceAll("[^A-Z ]", "").trim().replaceAll("\\s+", " ");
	}
}
