package org.reconnect.consent;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.reconnect.messaging.Inbound;
import org.reconnect.messaging.InboundHandler;
import org.reconnect.messaging.InboundMessage;
import org.reconnect.messaging.InboundPipeline;
import org.reconnect.messaging.Messenger;
import org.reconnect.messaging.OutboundMessage;
import org.reconnect.messaging.Purpose;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.system.InvalidInput;
import org.springframework.stereotype.Component;

/**
 * Consent by SMS, before any conversation: a participant naming an ally with "ALLY name number" (in
 * Spanish "ALIADO" or "ALIADA")
 * or revoking one with "REMOVE name", and an ally's "STOP ALERTS" (or "PARAR AVISOS"). The ally's
 * YES or NO to an invitation is the ally-invitation flow's.
 */
@Component
class ConsentInboundHandler implements InboundHandler {

	private static final Pattern REMOVE_ALLY = Pattern.compile("(?i)^\\s*(?:remove|quitar)\\s+(\\p{L}[\\p{L}'-]*)\\s*[.!]?\\s*$");

	/**
	 * STOP ALERTS or PARAR AVISOS, with words around it ("ok, stop alerts", "ok pero PARAR AVISOS"),
	 * unless negated right before it ("don't stop alerts").
	 */
	private static final Pattern STOP_ALERTS = Pattern.compile(
			"(?iu)(?<!\\b(?:don'?t|do not|not|never|no|nunca|sin) )\\b(?:stop(?: the| all| all the| these)? alerts?|parar(?: los| todos los)? avisos)\\b");

	private static final Pattern NAME_ALLY = Pattern.compile("(?i)^\\s*(?:ally|aliado|aliada)\\s+(.+?)\\s+(\\+?[\\d().\\s-]{7,})\\s*$");

	private final ConsentService consent;
	private final Messenger messenger;
	private final AllyTexts texts;

	ConsentInboundHandler(ConsentService consent, Messenger messenger, AllyTexts texts) {
		this.texts = texts;
		this.consent = consent;
		this.messenger = messenger;
	}

	@Override
	public InboundPipeline.Step step() {
		return InboundPipeline.Step.CONSENT;
	}

	@Override
	public boolean handle(Inbound inbound) {
		InboundMessage message = inbound.message();
		Optional<ParticipantProfile> participant = inbound.sender() instanceof ParticipantProfile profile
				? Optional.of(profile) : Optional.empty();
		var naming = NAME_ALLY.matcher(message.body());
		if (participant.isPresent() && naming.matches()) {
			return nameAlly(participant.get(), naming.group(1), naming.group(2), message);
		}
		var removing = REMOVE_ALLY.matcher(message.body());
		if (participant.isPresent() && removing.matches()) {
			return removeAlly(participant.get(), removing.group(1), message);
		}
		String word = message.body().trim().toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
		if (word.equals("STOPALERTS") || word.equals("PARARAVISOS")
				|| STOP_ALERTS.matcher(message.body().replaceAll("\\s+", " ")).find()) {
			return consent.withdraw(message.from(), message.key());
		}
		return false;
	}

	private boolean removeAlly(ParticipantProfile participant, String firstName, InboundMessage message) {
		List<Ally> matching = consent.revocableByFirstName(participant.id(), firstName);
		String reply;
		if (matching.isEmpty()) {
			reply = texts.text(participant, "consent.remove.not-found", firstName);
		}
		else {
			matching.forEach(ally -> consent.revoke(participant.id(), ally.id, "participant", message.key()));
			reply = texts.text(participant, "consent.remove.done", matching.get(0).firstName());
		}
		messenger.send(new OutboundMessage(participant.phone(), reply, Purpose.REPLY, message.key()));
		return true;
	}

	private boolean nameAlly(ParticipantProfile participant, String name, String phone, InboundMessage message) {
		String reply;
		try {
			consent.invite(participant.id(), name, phone, null, null, null, "named by the participant by SMS",
					"participant", message.key());
			reply = texts.text(participant, "consent.ally.asked", name.trim());
		}
		catch (AllyAlreadyNamed ex) {
			reply = texts.text(participant, "consent.ally.already-named", name.trim());
		}
		catch (AllyQuestionOpen ex) {
			reply = texts.text(participant, "consent.ally.question-open", name.trim());
		}
		catch (InvalidInput ex) {
			reply = ex.problems().get(0).field().equals("allies")
					? texts.text(participant, "consent.ally.too-many", String.valueOf(ConsentService.MOST_ALLIES))
					: texts.text(participant, "consent.ally.bad-number");
		}
		messenger.send(new OutboundMessage(participant.phone(), reply, Purpose.REPLY, message.key()));
		return true;
	}
}
