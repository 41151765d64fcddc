package org.reconnect.consent;

import java.time.Clock;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.reconnect.messaging.InboundHandler;
import org.reconnect.messaging.InboundMessage;
import org.reconnect.messaging.Messenger;
import org.reconnect.messaging.OutboundMessage;
import org.reconnect.messaging.Purpose;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantService;
import org.reconnect.system.InvalidInput;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Consent by SMS: an invited ally's YES or NO, and a participant naming an ally with
 * "ALLY name number".
 */
@Component
@Order(100)
class ConsentInboundHandler implements InboundHandler {

	private static final Pattern NAME_ALLY = Pattern.compile("(?i)^\\s*ally\\s+(.+?)\\s+(\\+?[\\d().\\s-]{7,})\\s*$");

	private final Allies allies;
	private final ConsentService consent;
	private final ParticipantService participants;
	private final Messenger messenger;
	private final Clock clock;

	ConsentInboundHandler(Allies allies, ConsentService consent, ParticipantService participants, Messenger messenger,
			Clock clock) {
		this.allies = allies;
		this.consent = consent;
		this.participants = participants;
		this.messenger = messenger;
		this.clock = clock;
	}

	@Override
	public boolean handle(InboundMessage message) {
		Optional<ParticipantProfile> participant = participants.findByPhone(message.from());
		var naming = NAME_ALLY.matcher(message.body());
		if (participant.isPresent() && naming.matches()) {
			return nameAlly(participant.get(), naming.group(1), naming.group(2), message);
		}
		String word = message.body().trim().toUpperCase(Locale.ROOT).replaceAll("[^A-ZÍ]", "");
		if (word.equals("STOPALERTS")) {
			return consent.withdraw(message.from(), message.key());
		}
		boolean yes = word.equals("YES") || word.equals("SI") || word.equals("SÍ");
		boolean no = word.equals("NO");
		if (!yes && !no) {
			return false;
		}
		// The newest request still awaiting an answer from this number, if any.
		return allies.findByPhone(message.from())
			.stream()
			.filter(ally -> ally.awaitingAnswer(clock.instant()))
			.max(Comparator.comparing((Ally ally) -> ally.requestedAt))
			.map(ally -> consent.answer(ally, yes, message.key()))
			.orElse(false);
	}

	private boolean nameAlly(ParticipantProfile participant, String name, String phone, InboundMessage message) {
		String reply;
		try {
			consent.invite(participant.id(), name, phone, message.key());
			reply = "Thanks. We've asked " + name.trim() + " if they agree. Nothing is shared until they say yes.";
		}
		catch (InvalidInput ex) {
			reply = "Sorry, that number didn't work. Send ALLY, their name and their number, e.g. ALLY Maria +1 202 555 0143";
		}
		messenger.send(new OutboundMessage(participant.phone(), reply, Purpose.REPLY, message.key()));
		return true;
	}
}
