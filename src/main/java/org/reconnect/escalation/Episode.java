package org.reconnect.escalation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One run of silence of one participant and its escalation ladder: which steps are done, the
 * alerts still to go (held back by quiet hours or waiting to repeat), and when anything is next
 * due. The sweep claims an episode by moving {@code nextDueAt} on (one atomic update), so one node
 * works on it at a time; the version catches a return or an acknowledgement meanwhile.
 */
@Document("episodes")
class Episode {

	enum Status {
		OPEN, CLOSED
	}

	static class Step {

		String name;

		long delayMinutes;

		Audience audience;

		String message;

		Long repeatMinutes;

		boolean expanded;

		boolean cancelled;

		static Step of(LadderStep step) {
			Step s = new Step();
			s.name = step.name();
			s.delayMinutes = step.delay().toMinutes();
			s.audience = step.audience();
			s.message = step.message();
			s.repeatMinutes = step.repeatEvery() == null ? null : step.repeatEvery().toMinutes();
			return s;
		}
	}

	/** One alert to one recipient, waiting for its time. */
	static class Delivery {

		/** Unique within all alerts: episode/step/recipient/repeat; becomes the alert record's id. */
		String key;

		int step;

		/** QUIET for ladder alerts, BACK_IN_TOUCH for the note when the participant is back. */
		String kind;

		Audience audience;

		/** "participant", "coach:<name>" or "ally:<id>". */
		String recipient;

		int repeat;

		Instant dueAt;

		boolean done;
	}

	@Id
	String id;

	@Indexed
	String participantId;

	Status status;

	Instant openedAt;

	/** The start of the silence, for the alert text's "since". */
	Instant since;

	Instant closedAt;

	String closeReason;

	List<Step> steps = new ArrayList<>();

	List<Delivery> deliveries = new ArrayList<>();

	/** The highest step someone acknowledged; null while nobody has. */
	Integer acknowledgedStep;

	String acknowledgedBy;

	Instant acknowledgedAt;

	@Indexed(sparse = true)
	Instant nextDueAt;

	@Version
	Long version;

	static Episode open(String id, String participantId, Instant now, Instant since, List<LadderStep> ladder) {
		Episode episode = new Episode();
		episode.id = id;
		episode.participantId = participantId;
		episode.status = Status.OPEN;
		episode.openedAt = now;
		episode.since = since;
		ladder.forEach(step -> episode.steps.add(Step.of(step)));
		episode.nextDueAt = episode.steps.stream()
			.map(step -> now.plusSeconds(step.delayMinutes * 60))
			.min(Instant::compareTo)
			.orElse(null);
		return episode;
	}

	Instant stepDue(Step step) {
		return openedAt.plusSeconds(step.delayMinutes * 60);
	}

	/** Everything above the acknowledged step stops, and so do the repeats of that step. */
	boolean stoppedByAcknowledgement(int step, int repeat) {
		return acknowledgedStep != null && (step > acknowledgedStep || step == acknowledgedStep && repeat > 0);
	}
}
