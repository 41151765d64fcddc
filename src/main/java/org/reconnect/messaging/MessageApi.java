package org.reconnect.messaging;

import java.util.List;
import java.util.stream.StreamSupport;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

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

	@GetMapping("/{id}")
	ResponseEntity<MessageView> message(@PathVariable String id) {
		return ResponseEntity.of(messenger.status(id));
	}

	@GetMapping("/flagged-numbers")
	List<FlaggedNumber> flaggedNumbers() {
		return StreamSupport.stream(flagged.findAll().spliterator(), false).toList();
	}
}
