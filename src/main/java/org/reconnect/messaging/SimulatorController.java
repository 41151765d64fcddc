package org.reconnect.messaging;

import java.util.List;

import org.reconnect.system.PhoneNumbers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The phone simulator's API, present only while no Twilio account is configured: read what was
 * sent, and write in as a phone would. It sits under /api, so it needs the coach login.
 */
@RestController
@RequestMapping("/api/simulator")
@Conditional(TwilioConfigured.Not.class)
class SimulatorController {

	private final Messenger messenger;
	private final PhoneSimulator phone;
	private final PhoneNumbers phones;

	SimulatorController(Messenger messenger, PhoneSimulator phone, PhoneNumbers phones) {
		this.messenger = messenger;
		this.phone = phone;
		this.phones = phones;
	}

	@GetMapping("/messages")
	List<SentMessage> messages(@RequestParam(required = false) String to,
			@RequestParam(defaultValue = "20") int limit) {
		return messenger.recent(to == null ? null : phones.toE164("to", to), Math.min(Math.max(limit, 1), 200));
	}

	/** A text as if sent from {@code from}; handled exactly as a Twilio webhook would be. */
	@PostMapping("/inbound")
	SimulatedReply inbound(@RequestBody SimulatedText text) {
		String from = phones.toE164("from", text.from());
		PhoneSimulator.Received received = phone.receive(from, text.body());
		return new SimulatedReply(received.key(), received.outcome(), messenger.recent(from, 3));
	}

	record SimulatedText(String from, String body) {
	}

	record SimulatedReply(String key, String outcome, List<SentMessage> latestToSender) {
	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(TwilioConfigured.Not.class)
	static class SimulatorChannelConfiguration {

		@Bean
		Channel simulatorChannel() {
			return new SimulatorChannel();
		}
	}
}
