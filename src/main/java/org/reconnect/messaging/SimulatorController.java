package org.reconnect.messaging;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.reconnect.system.CleanText;
import org.reconnect.system.InvalidInput;
import org.reconnect.system.PhoneNumbers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * The phone simulator's API, present only while no Twilio account is configured: read what was
 * sent, write in as a phone would (by SMS, or on WhatsApp with {@code "from":"whatsapp:+..."},
 * which opens the WhatsApp window as Twilio's webhook does), and report a delivery status as
 * Twilio would (to try the SMS fallback of a WhatsApp message). It sits under /api, so it needs
 * the coach login; a coach reads and writes only as their own participants and those
 * participants' allies ({@link SimulatorAccess}), and only a supervisor reports delivery statuses
 * (the security configuration).
 */
@RestController
@RequestMapping("/api/simulator")
@Conditional(TwilioConfigured.Not.class)
class SimulatorController {

	private final Messenger messenger;
	private final PhoneSimulator phone;
	private final PhoneNumbers phones;
	private final WhatsAppWindow whatsApp;
	private final StatusCallbacks statuses;
	private final Outbox outbox;
	private final SimulatorAccess access;

	SimulatorController(Messenger messenger, PhoneSimulator phone, PhoneNumbers phones, WhatsAppWindow whatsApp,
			StatusCallbacks statuses, Outbox outbox, SimulatorAccess access) {
		this.access = access;
		this.whatsApp = whatsApp;
		this.statuses = statuses;
		this.outbox = outbox;
		this.messenger = messenger;
		this.phone = phone;
		this.phones = phones;
	}

	@Operation(summary = "Messages the simulator has sent",
			description = "Newest first, optionally to one number: what a phone would have received without a Twilio "
					+ "account.")
	@GetMapping("/messages")
	List<SentMessage> messages(@RequestParam(required = false) String to,
			@RequestParam(defaultValue = "20") int limit, Authentication who) {
		int count = Math.min(Math.max(limit, 1), 200);
		if (to != null) {
			return messenger.recent(usable("to", phones.toE164("to", to), who), count);
		}
		Optional<Set<String>> numbers = access.numbersOf(who);
		return numbers.isEmpty() ? messenger.recent(null, count) : messenger.recentToAny(numbers.get(), count);
	}

	/** A text as if sent from {@code from}; handled exactly as a Twilio webhook would be. */
	@PostMapping("/inbound")
	SimulatedReply inbound(@Valid @RequestBody SimulatedText text, Authentication who) {
		String from = usable("from", phones.toE164("from", WhatsAppAddress.number(text.from())), who);
		if (WhatsAppAddress.is(text.from())) {
			whatsApp.opened(from);
		}
		PhoneSimulator.Received received = phone.receive(from, text.body());
		return new SimulatedReply(received.key(), received.outcome(), messenger.recent(from, 3));
	}

	/**
	 * A delivery status for a sent message, as Twilio's status callback would bring it, e.g.
	 * {"messageId":"...","status":"undelivered","errorCode":"63016"}.
	 */
	@ApiResponse(responseCode = "200", description = "Applied: the message's status now")
	@PostMapping("/status")
	ResponseEntity<MessageView> status(@Valid @RequestBody SimulatedStatus report) {
		MessageRecord record = outbox.find(report.messageId() == null ? "" : report.messageId())
			.orElseThrow(() -> InvalidInput.of("messageId", "problem.simulator.message-id"));
		if (record.providerId == null || StatusCallbacks.rank(report.status()) == 0) {
			throw record.providerId == null ? InvalidInput.of("status", "problem.simulator.never-sent")
					: InvalidInput.of("status", "problem.simulator.status", report.status());
		}
		statuses.apply(record.providerId, report.status(), report.errorCode());
		return ResponseEntity.of(messenger.status(record.id));
	}

	private String usable(String field, String number, Authentication who) {
		if (!access.mayUse(number, who)) {
			throw new SimulatedNumberNotFound(field);
		}
		return number;
	}

	/** @param body at most 1,600 characters, as Twilio delivers no longer message; lines and tabs allowed */
	record SimulatedText(@Size(max = 64) @CleanText String from,
			@Size(max = PhoneSimulator.LONGEST) @CleanText(multiline = true) String body) {
	}

	record SimulatedStatus(@Size(max = 64) @CleanText String messageId, @Size(max = 64) @CleanText String status,
			@Size(max = 64) @CleanText String errorCode) {
	}

	record SimulatedReply(String key, String outcome, List<SentMessage> latestToSender) {
	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(TwilioConfigured.Not.class)
	static class SimulatorChannelConfiguration {

		@Bean
		SimulatorChannel simulatorChannel() {
			return new SimulatorChannel();
		}
	}
}
