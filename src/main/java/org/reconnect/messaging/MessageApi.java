package org.reconnect.messaging;

import java.util.List;
import java.util.stream.StreamSupport;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * Delivery, per message, for coaches: the outbox status, Twilio's delivery status and each status
 * reported; and the numbers Twilio called unusable. Under /api, so it needs the coach login.
 */
@RestController
@RequestMapping(path = "/api/messages", produces = MediaType.APPLICATION_JSON_VALUE)
class MessageApi {

	private final Messenger messenger;
	private final FlaggedNumbers flagged;

	MessageApi(Messenger messenger, FlaggedNumbers flagged) {
		this.messenger = messenger;
		this.flagged = flagged;
	}

	@Operation(summary = "A sent message's delivery status",
			description = "Queued, sent, delivered, undelivered or failed, with the provider's error code and the "
					+ "number masked.")
	@ApiResponse(responseCode = "404", description = "No message with this id (answered without a body)", content = @Content)
	@ApiResponse(responseCode = "200", description = "The message's status")
	@GetMapping("/{id}")
	ResponseEntity<MessageView> message(@PathVariable String id) {
		return ResponseEntity.of(messenger.status(id));
	}

	@Operation(summary = "Numbers that can no longer be written to",
			description = "Numbers the carrier reported as unreachable or that opted out at the carrier, with why and "
					+ "since when.")
	@GetMapping("/flagged-numbers")
	List<FlaggedNumber> flaggedNumbers() {
		return StreamSupport.stream(flagged.findAll().spliterator(), false).toList();
	}
}
