package org.reconnect.flows;

import org.reconnect.participants.ParticipantErased;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** An erased participant's conversations (their answers) go with them. */
@Component
class ConversationEraser {

	private final Conversations conversations;

	ConversationEraser(Conversations conversations) {
		this.conversations = conversations;
	}

	@EventListener
	void on(ParticipantErased erased) {
		conversations.deleteAll(conversations.history(erased.participant().value()));
	}
}
