package org.reconnect.escalation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.reconnect.participants.ParticipantId;
import org.reconnect.system.Inputs;
import org.reconnect.system.InvalidInput.FieldProblem;
import org.reconnect.system.InvalidInput;
import org.springframework.stereotype.Component;

/**
 * A participant's own ladder, or the default one; setting it checks each step.
 */
@Component
class PersonalLadders {

	private final Ladders ladders;
	private final AlertTexts texts;
	private final Audit audit;
	private final EscalationSettings settings;

	PersonalLadders(Ladders ladders, AlertTexts texts, Audit audit, EscalationSettings settings) {
		this.ladders = ladders;
		this.texts = texts;
		this.audit = audit;
		this.settings = settings;
	}

	List<LadderStep> ladder(ParticipantId participant) {
		return ladders.findById(participant.value())
			.map(ladder -> ladder.steps().stream().map(PersonalLadders::step).toList())
			.orElse(settings.defaultLadder());
	}

	/**
	 * Sets the participant's own ladder (empty: back to the default). Episodes already open keep
	 * the ladder they started with.
	 *
	 * @throws InvalidInput naming each step that cannot be used
	 */
	List<LadderStep> setLadder(ParticipantId participant, List<LadderStep> steps) {
		if (steps == null || steps.isEmpty()) {
			ladders.deleteById(participant.value());
			return settings.defaultLadder();
		}
		if (steps.size() > LadderStep.MOST) {
			throw InvalidInput.of("steps", "problem.ladder.too-many", steps.size(), LadderStep.MOST);
		}
		List<FieldProblem> problems = new ArrayList<>();
		for (int i = 0; i < steps.size(); i++) {
			LadderStep step = steps.get(i);
			String at = "steps[" + i + "]";
			if (step == null) {
				problems.add(FieldProblem.of(at, "problem.ladder.empty"));
				continue;
			}
			problems.addAll(Inputs.problems(at + ".", step));
			if (step.delay() == null || step.delay().isNegative() || step.delay().compareTo(Duration.ofDays(30)) > 0) {
				problems.add(FieldProblem.of(at + ".delay", "problem.ladder.delay"));
			}
			if (step.audience() == null) {
				problems.add(FieldProblem.of(at + ".audience", "problem.ladder.audience"));
			}
			else if (step.message() == null || !texts.has(step.message() + "." + suffix(step.audience()))) {
				problems.add(FieldProblem.of(at + ".message", "problem.ladder.message", step.message(), step.audience()));
			}
			if (step.repeatEvery() != null && step.repeatEvery().compareTo(Duration.ofHours(1)) < 0) {
				problems.add(FieldProblem.of(at + ".repeatEvery", "problem.ladder.repeat"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		ladders.save(new Ladders.Ladder(participant.value(),
				steps.stream().map(step -> Episode.Step.of(new LadderStep(step.name() == null ? "step" : step.name(),
						step.delay(), step.audience(), step.message(), step.repeatEvery()))).toList()));
		audit.record(participant.value(), AuditKind.LADDER_SET, "coach", steps.size() + " step(s)");
		return ladder(participant);
	}

	private static String suffix(Audience audience) {
		return switch (audience) {
			case PARTICIPANT -> "participant";
			case COACH -> "coach";
			case ALLIES -> "ally";
		};
	}

	static LadderStep step(Episode.Step step) {
		return new LadderStep(step.name, Duration.ofMinutes(step.delayMinutes), step.audience, step.message,
				step.repeatMinutes == null ? null : Duration.ofMinutes(step.repeatMinutes));
	}
}
