package org.reconnect.flows;

import java.util.ArrayList;
import java.util.List;

import org.reconnect.flows.FlowDefinition.Action;
import org.reconnect.flows.FlowDefinition.Rule;
import org.reconnect.flows.FlowDefinition.StateDefinition;
import org.reconnect.flows.FlowDefinition.Texts;
import org.reconnect.flows.FlowDefinition.Timeout;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.statemachine.StateContext;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.StateMachineEventResult;
import org.springframework.statemachine.config.StateMachineBuilder;
import org.springframework.statemachine.config.builders.StateMachineTransitionConfigurer;
import org.springframework.statemachine.config.configurers.StateConfigurer;
import org.springframework.statemachine.guard.Guard;
import org.springframework.statemachine.support.DefaultStateMachineContext;

import reactor.core.publisher.Mono;

/**
 * Compiles a flow to a Spring Statemachine and runs one step of it. A machine lives for one step
 * only: it is rebuilt from the definition and reset to the persisted state for every message, so
 * no conversation state stays in memory, and Statemachine's own persistence is never used.
 * Machine actions only record {@link Effect}s; the runtime carries them out after saving.
 */
final class FlowMachines {

	static final String REPLY = "REPLY";
	static final String TIMEOUT = "TIMEOUT";
	private static final String NEVER = "NEVER";
	private static final String TEXT = "text";
	private static final String EFFECTS = "effects";
	private static final String TAKEN = "taken";

	private FlowMachines() {
	}

	/** What a step of a conversation asks for, in the order the flow wrote it. */
	sealed interface Effect {

		record Say(Texts text) implements Effect {
		}

		record Save(String field, String value) implements Effect {
		}

		record Emit(FlowEvent event) implements Effect {
		}

		record Handover(String reason) implements Effect {
		}

		record StartFlow(String flow) implements Effect {
		}

		record RecordConsent(boolean granted) implements Effect {
		}

		/** Values kept for the participant's next conversation of the flow. */
		record Keep(java.util.Map<String, String> values) implements Effect {
		}
	}

	/**
	 * @param state the state the conversation is in after the step
	 * @param matched whether a rule took the reply (false: nothing matched, state unchanged)
	 */
	record Step(String state, boolean ended, boolean matched, List<Effect> effects) {
	}

	/** Enters the flow's start state. */
	static Step start(FlowDefinition flow) {
		return start(flow, flow.start());
	}

	/** Enters the flow at {@code initial}: its start, or one of its entries. */
	static Step start(FlowDefinition flow, String initial) {
		StateMachine<String, String> machine = build(flow, initial);
		List<Effect> effects = new ArrayList<>();
		machine.getExtendedState().getVariables().put(EFFECTS, effects);
		machine.startReactively().block();
		try {
			return new Step(machine.getState().getId(), machine.isComplete(), true, List.copyOf(effects));
		}
		finally {
			machine.stopReactively().block();
		}
	}

	/** Restores a machine to {@code state} and hands it the reply. */
	static Step reply(FlowDefinition flow, String state, String text) {
		return step(flow, state, REPLY, text);
	}

	/** Restores a machine to {@code state}, whose wait has run out. */
	static Step timeout(FlowDefinition flow, String state) {
		return step(flow, state, TIMEOUT, "");
	}

	private static Step step(FlowDefinition flow, String state, String event, String text) {
		StateMachine<String, String> machine = build(flow);
		machine.getStateMachineAccessor()
			.doWithAllRegions(access -> access
				.resetStateMachineReactively(new DefaultStateMachineContext<>(state, null, null, null))
				.block());
		machine.startReactively().block();
		List<Effect> effects = new ArrayList<>();
		machine.getExtendedState().getVariables().put(EFFECTS, effects);
		try {
			StateMachineEventResult<String, String> result = machine
				.sendEvent(Mono.just(MessageBuilder.withPayload(event).setHeader(TEXT, text).build()))
				.blockLast();
			// Statemachine reports an event ACCEPTED when the state has transitions for it, even if
			// every guard refused; only a transition's action shows that one was taken.
			boolean taken = result != null && result.getResultType() == StateMachineEventResult.ResultType.ACCEPTED
					&& machine.getExtendedState().getVariables().containsKey(TAKEN);
			return new Step(machine.getState().getId(), machine.isComplete(), taken, List.copyOf(effects));
		}
		finally {
			machine.stopReactively().block();
		}
	}

	private static StateMachine<String, String> build(FlowDefinition flow) {
		return build(flow, flow.start());
	}

	private static StateMachine<String, String> build(FlowDefinition flow, String initial) {
		try {
			StateMachineBuilder.Builder<String, String> builder = StateMachineBuilder.builder();
			builder.configureConfiguration().withConfiguration().autoStartup(false).machineId(flow.name());
			StateConfigurer<String, String> states = builder.configureStates().withStates().initial(initial);
			for (StateDefinition state : flow.states().values()) {
				if (state.say() != null) {
					Texts say = state.say();
					states.stateEntry(state.name(), context -> effects(context).add(new Effect.Say(say)));
				}
				else {
					states.state(state.name());
				}
				if (state.end()) {
					states.end(state.name());
				}
			}
			var transitions = builder.configureTransitions();
			// A machine needs one transition to be built; this one is never taken.
			transitions.withInternal().source(initial).event(NEVER);
			for (StateDefinition state : flow.states().values()) {
				for (int i = 0; i < state.rules().size(); i++) {
					Rule rule = state.rules().get(i);
					int index = i;
					transition(transitions, state.name(), rule.target(), REPLY,
							context -> firstMatch(state, text(context)) == index, rule.actions());
				}
				Timeout timeout = state.timeout();
				if (timeout != null) {
					transition(transitions, state.name(), timeout.target(), TIMEOUT, context -> true, timeout.actions());
				}
			}
			return builder.build();
		}
		catch (Exception ex) {
			throw new IllegalStateException("flow " + flow.name() + " could not be compiled", ex);
		}
	}

	/** Rules are tried in the order they are written; the first that matches wins. */
	static int firstMatch(StateDefinition state, String text) {
		for (int i = 0; i < state.rules().size(); i++) {
			if (state.rules().get(i).when().matches(text)) {
				return i;
			}
		}
		return -1;
	}

	private static void transition(StateMachineTransitionConfigurer<String, String> transitions, String source,
			String target, String event, Guard<String, String> guard, List<Action> actions) throws Exception {
		if (target == null) {
			transitions.withInternal().source(source).event(event).guard(guard).action(context -> act(actions, context));
		}
		else {
			transitions.withExternal()
				.source(source)
				.target(target)
				.event(event)
				.guard(guard)
				.action(context -> act(actions, context));
		}
	}

	private static void act(List<Action> actions, StateContext<String, String> context) {
		context.getExtendedState().getVariables().put(TAKEN, Boolean.TRUE);
		List<Effect> effects = effects(context);
		for (Action action : actions) {
			if (action instanceof Action.Say say) {
				effects.add(new Effect.Say(say.text()));
			}
			else if (action instanceof Action.Save save) {
				effects.add(new Effect.Save(save.field(), text(context)));
			}
			else if (action instanceof Action.SaveValues values) {
				values.values().forEach((field, value) -> effects.add(new Effect.Save(field, value)));
			}
			else if (action instanceof Action.Keep keep) {
				effects.add(new Effect.Keep(keep.values()));
			}
			else if (action instanceof Action.Emit emit) {
				effects.add(new Effect.Emit(emit.event()));
			}
			else if (action instanceof Action.Handover handover) {
				effects.add(new Effect.Handover(handover.reason()));
			}
			else if (action instanceof Action.StartFlow start) {
				effects.add(new Effect.StartFlow(start.flow()));
			}
			else if (action instanceof Action.RecordConsent consent) {
				effects.add(new Effect.RecordConsent(consent.granted()));
			}
		}
	}

	private static String text(StateContext<String, String> context) {
		Object text = context.getMessageHeader(TEXT);
		return text == null ? "" : text.toString();
	}

	@SuppressWarnings("unchecked")
	private static List<Effect> effects(StateContext<String, String> context) {
		return (List<Effect>) context.getExtendedState().getVariables().computeIfAbsent(EFFECTS, k -> new ArrayList<>());
	}
}
