package org.reconnect.messaging;

import java.util.List;
import java.util.UUID;

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

	private final InboundProcessor inbound;
	private final Messenger messenger;
	private final OptOuts optOuts;

	PhoneSimulator(InboundProcessor inbound, Messenger messenger, OptOuts optOuts) {
		this.inbound = inbound;
		this.messenger = messenger;
		this.optOuts = optOuts;
	}

	/** A text from {@code from} (E.164). */
	public Received receive(String from, String body) {
		String key = "sim:" + UUID.randomUUID();
		return new Received(key, inbound.receive(key, from, body).name());
	}

	/** What was sent to a number, newest first. */
	public List<SentMessage> sentTo(String phone, int limit) {
		return messenger.recent(phone, limit);
	}

	/** Nothing was ever sent to this number and it has not opted out: free for a throwaway test participant. */
	public boolean unused(String phone) {
		return messenger.recent(phone, 1).isEmpty() && !optOuts.existsById(phone);
	}

	/** A text taken in: its de-duplication key and what became of it (HANDLED, UNHANDLED, ...). */
	public record Received(String key, String outcome) {
	}
}
