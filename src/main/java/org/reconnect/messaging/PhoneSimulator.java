package org.reconnect.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

import jakarta.validation.constraints.Size;

import org.reconnect.system.CleanText;
import org.reconnect.system.InvalidInput;
import org.reconnect.system.Inputs;
import org.reconnect.system.SimulatorMode;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Service;

/**
 * A phone in the simulator: texts in as if from a number, handled exactly as a Twilio webhook
 * would be, and reads what was sent to a number. Only with the simulator channel (no Twilio
 * account), where no real person can be reached.
 */
@Service
@Conditional(SimulatorMode.Active.class)
public class PhoneSimulator {

	private static final int KEPT_PER_PHONE = 200;

	/** The longest text: Twilio delivers none longer (1,600 characters). */
	public static final int LONGEST = 1600;

	private final InboundProcessor inbound;
	private final Messenger messenger;
	private final OptOuts optOuts;
	private final Clock clock;
	/** What each simulated phone wrote, oldest first: in memory, for the simulator's chat view only. */
	private final Map<String, Deque<Written>> written = new ConcurrentHashMap<>();

	PhoneSimulator(InboundProcessor inbound, Messenger messenger, OptOuts optOuts, Clock clock) {
		this.inbound = inbound;
		this.messenger = messenger;
		this.optOuts = optOuts;
		this.clock = clock;
	}

	/**
	 * A text from {@code from} (E.164), as the coach typed it in the console or the API.
	 *
	 * @throws InvalidInput when it is longer than a text can be, or not plain text
	 */
	public Received receive(String from, String body) {
		Inputs.check(new Typed(body));
		Deque<Written> texts = written.computeIfAbsent(from, f -> new ConcurrentLinkedDeque<>());
		texts.addLast(new Written(body, clock.instant(), messenger.recent(from, KEPT_PER_PHONE).size()));
		while (texts.size() > KEPT_PER_PHONE) {
			texts.pollFirst();
		}
		String key = "sim:" + UUID.randomUUID();
		return new Received(key, inbound.receive(key, from, body).name());
	}

	/** What the simulated phone wrote, oldest first (kept in memory on this node, the latest 200). */
	public List<Written> writtenBy(String phone) {
		return List.copyOf(written.getOrDefault(phone, new ConcurrentLinkedDeque<>()));
	}

	/** Forgets what a simulated phone wrote (a throwaway test participant was erased). */
	public void forget(String phone) {
		written.remove(phone);
	}

	/** What was sent to a number, newest first. */
	public List<SentMessage> sentTo(String phone, int limit) {
		return messenger.recent(phone, limit);
	}

	/** Nothing was ever sent to this number and it has not opted out: free for a throwaway test participant. */
	public boolean unused(String phone) {
		return messenger.recent(phone, 1).isEmpty() && !optOuts.existsById(phone);
	}

	/**
	 * A text the simulated phone sent in.
	 *
	 * @param sentBefore how many messages the phone had been sent when it wrote this (up to 200): a
	 * reply and the text it answers can share one instant, so this puts them in order
	 */
	public record Written(String body, Instant at, int sentBefore) {
	}

	/** A text taken in: its de-duplication key and what became of it (HANDLED, UNHANDLED, ...). */
	public record Received(String key, String outcome) {
	}

	/** What a simulated phone may send: what Twilio could deliver, checked as every other text a coach types. */
	record Typed(@Size(max = LONGEST) @CleanText(multiline = true) String body) {
	}
}
