package org.reconnect.flows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One run of a flow with one party, a participant or an ally someone invited: the whole of its
 * state. A Statemachine is rebuilt from this for every message; the version makes two messages of
 * one conversation apply one at a time.
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

	/** The participant; for a conversation with an ally, the participant who invited them. */
	@Indexed
	String participantId;

	/** Set only for a conversation with an ally: who they are, as they were when invited. */
	Ally ally;

	String flow;

	String revision;

	String state;

	Status status;

	/**
	 * The party's key while the conversation is open ({@link #partyKey}), a unique filler once it
	 * is not: a unique index makes "one open conversation per party" hold in the store itself, and
	 * finds the open conversation on every message.
	 */
	@Indexed(unique = true)
	String openFor;

	Map<String, String> answers = new HashMap<>();

	/**
	 * What the flow keeps for the participant from one of its conversations to the next
	 * ({@code keep}): carried over from their last conversation of the flow when this one starts,
	 * so the newest always holds the current values, and erased with their conversations.
	 */
	Map<String, String> kept = new HashMap<>();

	int replies;

	String onExpiry;

	Instant startedAt;

	/**
	 * When its opening question went out; null while it waits in the outbox, and for
	 * conversations written before this was kept.
	 */
	Instant askedAt;

	/**
	 * True while a participant's conversation waits for its opening question to go out (held for
	 * quiet hours, paced, or retried): until then it neither times out nor expires as missed.
	 * False once it went, and on conversations written before this was kept.
	 */
	boolean questionPending;

	Instant lastActivityAt;

	/**
	 * Its deadline: before its question went, the latest the question may go (its notAfter); once
	 * it went, that moment plus the flow's {@code expires_after}.
	 */
	@Indexed(sparse = true)
	Instant expiresAt;

	/** When the current state's wait times out; null when it has no timeout. */
	@Indexed(sparse = true)
	Instant waitUntil;

	/** Flows to start once this conversation has ended (start_flow, or a busy flow's WAIT policy). */
	List<String> queued = new ArrayList<>();

	@Version
	Long version;

	/**
	 * The ally a conversation is with, kept as they were invited so that no other module need be
	 * asked on every message.
	 *
	 * @param language the language to write in: the ally's, or the inviting participant's
	 */
	record Ally(String allyId, String phone, String firstName, String language) {
	}

	/** A participant's key is their id; an ally's is prefixed, so the two can never meet. */
	static String partyKey(String participantId, Ally ally) {
		return ally == null ? participantId : "ally:" + ally.allyId();
	}

	String partyKey() {
		return partyKey(participantId, ally);
	}

	boolean withAlly() {
		return ally != null;
	}

	static Conversation start(String participantId, FlowDefinition flow, FlowMachines.Step step, Instant now) {
		return start(participantId, null, flow, step, now);
	}

	static Conversation start(String participantId, Ally ally, FlowDefinition flow, FlowMachines.Step step, Instant now) {
		return start(participantId, ally, flow, step, now, Map.of());
	}

	/** A participant's conversation that carries on what their last one of the flow kept. */
	static Conversation start(String participantId, FlowDefinition flow, FlowMachines.Step step, Instant now,
			Map<String, String> kept) {
		return start(participantId, null, flow, step, now, kept);
	}

	private static Conversation start(String participantId, Ally ally, FlowDefinition flow, FlowMachines.Step step,
			Instant now, Map<String, String> kept) {
		Conversation conversation = new Conversation();
		conversation.kept.putAll(kept);
		conversation.participantId = participantId;
		conversation.ally = ally;
		conversation.flow = flow.name();
		conversation.revision = flow.revision();
		conversation.onExpiry = flow.onExpiry() == null ? null : flow.onExpiry().named();
		conversation.startedAt = now;
		conversation.expiresAt = now.plus(window(flow));
		conversation.enter(flow, step, now);
		// An ally's invitation keeps the deadline it was given, whenever it goes.
		conversation.questionPending = conversation.open() && ally == null;
		return conversation;
	}

	private static Duration window(FlowDefinition flow) {
		return flow.expiresAfter() == null ? Duration.ofDays(1) : flow.expiresAfter();
	}

	/**
	 * Its opening question went out at {@code at}: the participant has the whole window from then,
	 * and the wait for a reply (a gentle re-ask) runs from then too.
	 *
	 * @return false when it was not waiting for its question (already asked, or not open)
	 */
	boolean asked(FlowDefinition flow, Instant at) {
		if (!questionPending || !open()) {
			return false;
		}
		questionPending = false;
		askedAt = at;
		expiresAt = at.plus(window(flow));
		if (waitUntil != null) {
			waitUntil = flow.state(state)
				.map(FlowDefinition.StateDefinition::timeout)
				.map(timeout -> at.plus(timeout.after()))
				.orElse(waitUntil);
		}
		return true;
	}

	/**
	 * A reply moved the conversation on, or kept it where it was: then there is no nudge to come,
	 * since they did reply.
	 */
	void reply(FlowDefinition flow, FlowMachines.Step step, Instant now) {
		replies++;
		questionPending = false; // they wrote: from here it runs as any conversation does
		String before = state;
		enter(flow, step, now);
		if (state.equals(before)) {
			waitUntil = null;
		}
	}

	/** The wait ran out and the timeout's transition was taken; a timeout that stays fires once. */
	void timedOut(FlowDefinition flow, FlowMachines.Step step, Instant now) {
		String before = state;
		enter(flow, step, now);
		if (state.equals(before)) {
			waitUntil = null;
		}
	}

	private void enter(FlowDefinition flow, FlowMachines.Step step, Instant now) {
		lastActivityAt = now;
		state = step.state();
		for (FlowMachines.Effect effect : step.effects()) {
			if (effect instanceof FlowMachines.Effect.Save save) {
				answers.put(save.field(), save.value());
			}
			else if (effect instanceof FlowMachines.Effect.StartFlow start) {
				queued.add(start.flow());
			}
			else if (effect instanceof FlowMachines.Effect.Keep keep) {
				kept.putAll(keep.values());
			}
		}
		FlowDefinition.Timeout timeout = flow.state(state).map(FlowDefinition.StateDefinition::timeout).orElse(null);
		waitUntil = step.ended() || timeout == null ? null : now.plus(timeout.after());
		close(step.ended() ? Status.ENDED : Status.ACTIVE);
	}

	/** Every change of status goes through here, to keep {@link #openFor} in step. */
	void close(Status next) {
		status = next;
		openFor = next == Status.ACTIVE ? partyKey() : closedKey();
		if (next != Status.ACTIVE) {
			questionPending = false;
		}
	}

	static String closedKey() {
		return "closed:" + UUID.randomUUID();
	}

	boolean open() {
		return status == Status.ACTIVE;
	}

	void undelivered() {
		close(Status.UNDELIVERED);
	}

	void supersede() {
		close(Status.SUPERSEDED);
	}
}
