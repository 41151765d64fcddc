package org.reconnect.console;

import org.reconnect.messaging.Messenger;
import org.reconnect.messaging.OutboxBacklog;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** The outbox's backlog, as the caseload page shows it: whether messages wait to go out. */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
class OutboxApi {

	private final Messenger messenger;

	OutboxApi(Messenger messenger) {
		this.messenger = messenger;
	}

	@Operation(summary = "What waits in the outbox now, shared by every node",
			description = "due: messages whose turn has come; retrying: messages to be tried again after a failed "
					+ "attempt (Twilio down, 429, 5xx); oldestDueAge: ISO-8601 duration the oldest due message has "
					+ "waited; behind: past the configured limits (readiness reports the outbox OUT_OF_SERVICE). "
					+ "No message content or number.")
	@GetMapping("/outbox/backlog")
	OutboxBacklog backlog() {
		return messenger.backlog();
	}
}
