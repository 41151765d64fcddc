package org.reconnect.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.reconnect.system.InvalidInput;
import org.reconnect.system.InvalidInput.FieldProblem;
import org.reconnect.system.PhoneNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * Twilio's inbound SMS and WhatsApp webhook. The signature is checked first, as Twilio computes it
 * for a form or a JSON body, with or without a query string in the URL (403 when missing or
 * wrong; see {@link TwilioSignatures}), then the fields (400 when one is missing); a repeated MessageSid is answered but not
 * processed again. A WhatsApp message ({@code From=whatsapp:+...}) comes from the same person as
 * an SMS from that number, and opens their WhatsApp session window. Replies go out through the
 * REST API, so the answer is always an empty TwiML response. When MongoDB cannot be reached the
 * answer is 503 with Retry-After, which Twilio counts as a failed delivery (its fallback URL, its
 * retries, the error log): nothing was recorded, so the message is processed when it comes again.
 */
@RestController
@Conditional(TwilioConfigured.class)
class TwilioWebhookController {

	static final String PATH = "/webhooks/twilio/sms";
	private static final Pattern SID = Pattern.compile("[A-Za-z0-9]{2,64}");
	private static final Pattern ERROR_CODE = Pattern.compile("[0-9]{1,9}");
	private static final Logger log = LoggerFactory.getLogger(TwilioWebhookController.class);
	private static final int RETRY_AFTER_SECONDS = 30;
	private static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

	private final TwilioSignatures signatures;
	private final InboundProcessor inbound;
	private final StatusCallbacks statuses;
	private final PhoneNumbers phones;
	private final WhatsAppWindow whatsApp;

	TwilioWebhookController(MessagingSettings settings, InboundProcessor inbound, StatusCallbacks statuses,
			PhoneNumbers phones, WhatsAppWindow whatsApp) {
		this.whatsApp = whatsApp;
		this.signatures = new TwilioSignatures(settings.twilio().authToken(), settings.twilio().publicBaseUrl());
		this.inbound = inbound;
		this.statuses = statuses;
		this.phones = phones;
	}

	/**
	 * Twilio's delivery status callback (the StatusCallback of each message sent): signed like the
	 * inbound webhook; applied once, whatever the order. Unknown messages are answered 200 too, so
	 * Twilio does not retry what we cannot use.
	 */
	@ApiResponse(responseCode = "204", description = "Applied, or ignored for a message we do not know (Twilio does "
			+ "not retry)")
	@ApiResponse(responseCode = "403", description = "The X-Twilio-Signature does not match", content = @Content)
	@PostMapping(path = TwilioChannel.STATUS_PATH)
	ResponseEntity<Void> status(HttpServletRequest request,
			@RequestHeader(name = "X-Twilio-Signature", required = false) String signature) {
		Map<String, String> params = signatures.verified(request, signature).orElse(null);
		if (params == null) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
		}
		List<FieldProblem> problems = new ArrayList<>();
		for (String field : List.of("MessageSid", "MessageStatus")) {
			if (params.get(field) == null) {
				problems.add(FieldProblem.of(field, "problem.twilio.status-required"));
			}
		}
		checkSid(params, problems);
		String errorCode = params.get("ErrorCode");
		if (errorCode != null && !errorCode.isEmpty() && !ERROR_CODE.matcher(errorCode).matches()) {
			problems.add(FieldProblem.of("ErrorCode", "problem.twilio.error-code"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		statuses.apply(params.get("MessageSid"), params.get("MessageStatus"), params.get("ErrorCode"));
		return ResponseEntity.noContent().build();
	}

	/**
	 * The id becomes the message's key and appears in logs, so it must look like Twilio's own
	 * (SM or MM and 32 hex digits): letters and digits only, nothing that could forge a log line.
	 */
	private static void checkSid(Map<String, String> params, List<FieldProblem> problems) {
		String sid = params.get("MessageSid");
		if (sid != null && !SID.matcher(sid).matches()) {
			problems.add(FieldProblem.of("MessageSid", "problem.twilio.sid"));
		}
	}

	/**
	 * The store is down (no server within the driver's server-selection timeout, or the
	 * connection dropped): a failure Twilio sees as such, rather than a 500 that reads as a bug.
	 */
	@ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessException.class,
			MongoSocketException.class, MongoTimeoutException.class })
	ResponseEntity<String> storeUnavailable(Exception ex) {
		log.warn("Twilio webhook answered 503: the store is unavailable ({})", ex.getClass().getSimpleName());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS))
			.contentType(MediaType.TEXT_PLAIN)
			.body("The message store is unavailable; send this message again.");
	}

	@Operation(summary = "Twilio's inbound message webhook",
			description = "A text or WhatsApp message from a phone, form-encoded as Twilio sends it and signed "
					+ "(X-Twilio-Signature). Answered with empty TwiML: replies go through the outbox.")
	@ApiResponse(responseCode = "403", description = "The X-Twilio-Signature does not match", content = @Content(mediaType = "text/plain"))
	@ApiResponse(responseCode = "200", description = "Taken: empty TwiML (replies go through the outbox)")
	@PostMapping(path = PATH, produces = MediaType.APPLICATION_XML_VALUE)
	ResponseEntity<String> receive(HttpServletRequest request,
			@RequestHeader(name = "X-Twilio-Signature", required = false) String signature) {
		Map<String, String> params = signatures.verified(request, signature).orElse(null);
		if (params == null) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_PLAIN)
				.body("The X-Twilio-Signature header is missing or does not match this request.");
		}
		List<FieldProblem> problems = new ArrayList<>();
		for (String field : List.of("MessageSid", "From", "Body")) {
			if (params.get(field) == null) {
				problems.add(FieldProblem.of(field, "problem.twilio.required"));
			}
		}
		checkSid(params, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		String from = phones.normalise(WhatsAppAddress.number(params.get("From")));
		if (from != null) {
			if (WhatsAppAddress.is(params.get("From"))) {
				whatsApp.opened(from); // before handling: the reply it causes goes inside the window
			}
			inbound.receive("twilio:" + params.get("MessageSid"), from, params.get("Body"));
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(EMPTY_TWIML);
	}
}
