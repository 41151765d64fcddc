package org.reconnect.flows;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One run of a flow with one participant: the whole of its state. A Statemachine is rebuilt from
 * this for every message; the version makes two messages of one conversation apply one at a time.
 */
@Document("conversations")
class Conversation {

	enum Status {
		ACTIVE, ENDED, EXPIRED,
		/** Its first message never reached the participant; it never counts as missed. */
		UNDELIVERED,
		/** A newer conversation replaced it before it ended. */
		SUPERSEDED
	}

	@Id
	String id;

	String participantId;

	String flow;

	String revision;

	String state;

	Status status;

	Map<String, String> answers = new HashMap<>();

	int replies;

	String onExpiry;

	Instant startedAt;

	Instant lastActivityAt;

	Instant expiresAt;

	@Version
	Long version;

	static Conversation start(String participantId, FlowDefinition flow, FlowMachines.Step step, Instant now) {
		Conversation conversation = new Conversation();
		conversation.participantId = participantId;
		conversation.flow = flow.name();
		conversation.revision = flow.revision();
		conversation.onExpiry = flow.onExpiry();
		conversation.startedAt = now;
		conversation.lastActivityAt = now;
		conversation.expiresAt = now.plus(flow.expiresAfter() == null ? Duration.ofDays(1) : flow.expiresAfter());
		conversation.state = step.state();
		conversation.status = step.ended() ? Status.ENDED : Status.ACTIVE;
		return conversation;
	}

	void apply(FlowMachines.Step step, Instant now) {
		replies++;
		lastActivityAt = now;
		state = step.state();
		for (FlowMachines.Effect effect : step.effects()) {
			if (effect instanceof FlowMachines.Effect.Save save) {
				answers.put(save.field(), save.value());
			}
		}
		if (step.ended()) {
			status = Status.ENDED;
		}
	}

	void undelivered() {
		status = Status.UNDELIVERED;
	}

	void supersede() {
		status = Status.SUPERSEDED;
	}
}
