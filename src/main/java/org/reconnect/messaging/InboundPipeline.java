package org.reconnect.messaging;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * What an inbound message passes through, in order: {@link Step} lists every step and why it sits
 * where it does. The sender is looked up once and handed to each step; the first step that deals
 * with the message ends its way. Each module contributes its {@link InboundHandler} under a step
 * declared here (messaging is below every module that handles a message, so they all can name it),
 * and the application does not start while a step is filled twice or not at all.
 */
@Component
public final class InboundPipeline {

	/** The steps, in the order a message meets them. */
	public enum Step {

		CRISIS("safety: crisis language gets crisis resources and the coach is told, in any state and at any hour, "
				+ "before a later step could take the words as an answer or swallow them (escalation)"),

		KEYWORDS("compliance: STOP, START and HELP work in any state; nothing later sees what an opted-out "
				+ "number writes (messaging)"),

		PAUSE("a participant's PAUSE or RESUME changes their schedule and is never taken as an answer (escalation)"),

		LANGUAGE("a participant's LANGUAGE es or IDIOMA es changes the language everything after it comes in; never "
				+ "an answer (participants)"),

		ACKNOWLEDGEMENT("an OK from an ally or coach an alert reached stops the escalation ladder above them, "
				+ "before a conversation could take it as an answer (escalation)"),

		ASK_FOR_PERSON("a participant asking for a person is answered at once and their coach told; never an answer "
				+ "to the open conversation (flows)"),

		CONSENT("ALLY and REMOVE from a participant, STOP ALERTS from an ally: who may be told changes before any "
				+ "conversation reads the words (consent)"),

		SHARING("a participant's STOP SHARING ends progress notes to their allies at once, before a conversation "
				+ "could take the words as an answer (progress)"),

		ALLY_CONVERSATIONS("an ally's reply goes to their newest open invitation, unless it answers the same "
				+ "number's own check-in (flows)"),

		CONSENT_RENEWAL("an ally's YES or NO with no invitation open: a renewal, or word that the invitation expired "
				+ "(consent)"),

		REMINDER_REPLIES("NEXT, and GOING, CANT or SUPPORT after a recent reminder: words no check-in answer uses; "
				+ "recorded here, answered here unless the reminder-reply flow is open (reminders)"),

		COACH_THREAD("a participant's reply within a while of a message their coach wrote in the console, while no "
				+ "conversation is open, goes to the coach's thread: it is not a check-in answer (console)"),

		FLOWS("anything else from a participant goes to their open conversation, or gets a kind acknowledgement "
				+ "(flows)"),

		ALLY_REPLY("anything else from someone's ally is never met with silence: a kind word that this number only "
				+ "sends alerts, at most once a day so an auto-responder cannot loop with us; last, so it takes "
				+ "nothing an earlier step understands (consent)");

		private final String reason;

		Step(String reason) {
			this.reason = reason;
		}

		/** Why the step is where it is, and which module fills it. */
		public String reason() {
			return reason;
		}
	}

	/**
	 * Where a message went.
	 *
	 * @param handledBy the step that dealt with it; empty when none did
	 */
	record Passage(Inbound inbound, Optional<Step> handledBy) {
	}

	private final List<InboundHandler> steps;
	private final SenderLookup senders;

	InboundPipeline(List<InboundHandler> handlers, SenderLookup senders) {
		this.steps = inOrder(handlers);
		this.senders = senders;
	}

	/** Looks the sender up once, then asks each step in turn until one deals with the message. */
	Passage pass(InboundMessage message) {
		Inbound inbound = new Inbound(message, senders.identify(message.from()));
		for (InboundHandler step : steps) {
			if (step.handle(inbound)) {
				return new Passage(inbound, Optional.of(step.step()));
			}
		}
		return new Passage(inbound, Optional.empty());
	}

	/** The handlers, in the order of their steps. */
	List<InboundHandler> steps() {
		return steps;
	}

	/** The handlers in the order of their steps; refuses a step filled twice or left empty, naming it. */
	static List<InboundHandler> inOrder(Collection<InboundHandler> handlers) {
		Map<Step, InboundHandler> byStep = new EnumMap<>(Step.class);
		for (InboundHandler handler : handlers) {
			InboundHandler other = byStep.putIfAbsent(handler.step(), handler);
			if (other != null) {
				throw new IllegalStateException("The inbound step " + handler.step() + " is filled twice, by "
						+ other.getClass().getSimpleName() + " and " + handler.getClass().getSimpleName()
						+ ": give one of them its own step in InboundPipeline.Step");
			}
		}
		List<Step> missing = Arrays.stream(Step.values()).filter(step -> !byStep.containsKey(step)).toList();
		if (!missing.isEmpty()) {
			throw new IllegalStateException("No handler fills the inbound step(s) " + missing
					+ ": each needs an InboundHandler bean whose step() names it (" + missing.get(0).reason() + ")");
		}
		return List.copyOf(byStep.values());
	}
}
