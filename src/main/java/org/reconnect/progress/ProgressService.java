package org.reconnect.progress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.reconnect.participants.ParticipantErased;
import org.reconnect.participants.ParticipantId;
import org.reconnect.system.InvalidInput;
import org.reconnect.system.InvalidInput.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The progress module's public face: which milestones a participant shares with allies who agreed
 * to PROGRESS notes, and the milestones they reached with what became of each text about them.
 */
@Service
public class ProgressService {

	private static final Logger log = LoggerFactory.getLogger(ProgressService.class);

	private final ProgressSharings sharing;
	private final Milestones milestones;
	private final ProgressNotes notes;
	private final ProgressDays days;
	private final ProgressDelivery delivery;

	ProgressService(ProgressSharings sharing, Milestones milestones, ProgressNotes notes, ProgressDays days,
			ProgressDelivery delivery) {
		this.delivery = delivery;
		this.sharing = sharing;
		this.milestones = milestones;
		this.notes = notes;
		this.days = days;
	}

	/** What the participant shares; none until they choose. */
	public ProgressSharingView sharing(ParticipantId participant) {
		return ProgressSharingView.of(sharing.shared(participant));
	}

	/**
	 * Replaces what the participant shares (an empty list shares nothing).
	 *
	 * @param shared milestone kinds by name: FIRST_CHECK_IN, DAYS_TAKING_PART, CONNECTED_WEEK, BACK_AFTER_QUIET_SPELL
	 * @param by "participant" or "coach:<username>", at the participant's request
	 * @throws InvalidInput naming {@code shared} when a name is not a milestone; nothing changes then
	 */
	public ProgressSharingView share(ParticipantId participant, List<String> shared, String by) {
		Set<MilestoneKind> kinds = EnumSet.noneOf(MilestoneKind.class);
		List<FieldProblem> problems = new ArrayList<>();
		String offered = String.join(", ", Arrays.stream(MilestoneKind.values()).map(Enum::name).toList());
		for (String name : shared == null ? List.<String>of() : shared) {
			try {
				kinds.add(MilestoneKind.valueOf(name == null ? "" : name.trim()));
			}
			catch (IllegalArgumentException ex) {
				problems.add(FieldProblem.of("shared", "problem.field.shared-milestone", String.valueOf(name), offered));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		Set<MilestoneKind> now = sharing.set(participant, kinds, by);
		log.info("Participant {} shares {} with allies who agreed to progress notes (set by {})", participant, now,
				by.startsWith("coach:") ? "their coach" : by);
		return ProgressSharingView.of(now);
	}

	/**
	 * Shares nothing from now: notes already queued are not sent (sharing is read again when each goes).
	 *
	 * @return whether anything was shared before
	 */
	public boolean stopSharing(ParticipantId participant, String by) {
		boolean was = !sharing.shared(participant).isEmpty();
		sharing.set(participant, EnumSet.noneOf(MilestoneKind.class), by);
		log.info("Participant {} stopped sharing progress ({})", participant, by);
		return was;
	}

	/** The milestones reached, oldest first, each with what became of its texts. */
	public List<MilestoneView> milestones(ParticipantId participant) {
		List<ProgressNote> theirs = notes.findByParticipantId(participant.value());
		return milestones.findByParticipantIdOrderByReachedAtAsc(participant.value()).stream()
			.map(m -> new MilestoneView(m.kind().name(), m.days(), m.day(), m.reachedAt(), theirs.stream()
				.filter(n -> n.milestoneId().equals(m.id()))
				.map(n -> new MilestoneView.NoteView(n.allyId() == null ? "participant" : "ally:" + n.allyId(),
						n.status(), n.outcome(), n.decidedAt()))
				.toList()))
			.toList();
	}

	/**
	 * Sends the notes due by the clock now, as scheduling's sweep does (for tests that run parts of
	 * the sweep by hand).
	 */
	public int sendDue() {
		return delivery.recover() + delivery.fireDue();
	}

	/** An erased participant's days, milestones, notes and choice go. */
	@EventListener
	void on(ParticipantErased erased) {
		String id = erased.participant().value();
		days.deleteAll(days.findByParticipantId(id));
		notes.deleteAll(notes.findByParticipantId(id));
		milestones.deleteAll(milestones.findByParticipantIdOrderByReachedAtAsc(id));
		sharing.forget(erased.participant());
	}
}
