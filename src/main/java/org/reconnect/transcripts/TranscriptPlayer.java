package org.reconnect.transcripts;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.reconnect.consent.AlertKind;
import org.reconnect.consent.AllyView;
import org.reconnect.consent.ConsentService;
import org.reconnect.flows.ConversationRuntime;
import org.reconnect.messaging.PhoneSimulator;
import org.reconnect.messaging.SentMessage;
import org.reconnect.participants.CoachNames;
import org.reconnect.participants.EnrolParticipant;
import org.reconnect.participants.ParticipantId;
import org.reconnect.participants.ParticipantService;
import org.reconnect.progress.ProgressService;
import org.reconnect.scheduling.DueWork;
import org.reconnect.system.ShiftableClock;
import org.reconnect.system.SimulatorMode;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Service;

/**
 * Plays one transcript through the real runtime: enrols a test participant on the number given,
 * starts the flow, sends the participant's texts through the phone simulator's inbound path, moves
 * the clock for {@code after} steps and runs the work then due as the scheduler's sweep would, and
 * compares the replies, exactly and in order, with nothing else. With {@code party: ally} the participant names an ally on a second number (through the
 * consent module, as the API does) and the ally's side is played instead. Afterwards the participant is erased and the clock is back where it was. Only with the
 * simulator and a clock that can be moved.
 */
@Service
@Conditional(SimulatorMode.Active.class)
public class TranscriptPlayer {

	/**
	 * Transcripts are written for the first coach's username as participants read it ("Your coach
	 * coach set this up"); a name that coach gave themselves is read back as it.
	 */
	static final String COACH = "coach";

	private final ParticipantService participants;
	private final ConversationRuntime conversations;
	private final ConsentService consent;
	private final PhoneSimulator phone;
	private final Clock clock;
	private final DueWork due;
	private final ProgressService progress;
	private final CoachNames coachNames;

	TranscriptPlayer(ParticipantService participants, ConversationRuntime conversations, ConsentService consent,
			PhoneSimulator phone, Clock clock, DueWork due, ProgressService progress, CoachNames coachNames) {
		this.coachNames = coachNames;
		this.due = due;
		this.progress = progress;
		this.participants = participants;
		this.conversations = conversations;
		this.consent = consent;
		this.phone = phone;
		this.clock = clock;
	}

	/**
	 * Plays at the clock's current time, on {@code number} (E.164), which no participant may be
	 * using; the ally of a {@code party: ally} transcript is on {@code allyNumber}, another unused one.
	 */
	public TranscriptResult play(Transcript transcript, String number, String allyNumber) {
		if (transcript.ally() != null && allyNumber == null) {
			throw new IllegalArgumentException("a party: ally transcript needs a second number for the ally");
		}
		ShiftableClock time = (ShiftableClock) clock;
		Duration offsetBefore = time.offset();
		ParticipantId id = participants.enrol(new EnrolParticipant(transcript.name(), number, transcript.timeZone(),
				"09:00", transcript.language()), COACH).id();
		// the welcome enrolment sends is not the flow's: the transcript reads from after it
		int welcome = phone.sentTo(number, 200).size();
		try {
			return steps(transcript, id, number, allyNumber, time, welcome);
		}
		finally {
			participants.erase(id);
			phone.forget(number);
			if (allyNumber != null) {
				phone.forget(allyNumber);
			}
			time.returnTo(offsetBefore);
		}
	}

	private TranscriptResult steps(Transcript transcript, ParticipantId id, String number, String allyNumber,
			ShiftableClock time, int welcome) {
		String allyId = null;
		String talker = number;
		if (transcript.ally() != null) {
			Transcript.Ally ally = transcript.ally();
			Set<AlertKind> kinds = ally.kinds() == null ? null
					: ally.kinds().stream().map(AlertKind::valueOf).collect(Collectors.toSet());
			allyId = consent.invite(id, ally.name(), allyNumber, null, kinds, ally.language(), "a transcript",
					"coach:" + COACH, "transcript").id();
			talker = allyNumber;
		}
		Replies replies = new Replies(talker, talker.equals(number) ? welcome : 0, coachNames.nameParticipantsRead(COACH));
		if (transcript.ally() == null && transcript.flow() != null) {
			conversations.start(id, transcript.flow());
		}
		for (Transcript.Step step : transcript.steps()) {
			if (step.kind().equals("expect")) {
				List<String> got = replies.next(step.texts().size());
				if (!got.equals(step.texts())) {
					return TranscriptResult.fail(transcript, step.toString(), "the replies differ", step.texts(), got);
				}
				continue;
			}
			List<String> unread = replies.unread();
			if (!unread.isEmpty()) {
				return TranscriptResult.fail(transcript, step.toString(), "replies nobody expected before this step",
						List.of(), unread);
			}
			switch (step.kind()) {
				case "send" -> phone.receive(talker, step.text());
				// with party: ally, the participant's own text (their replies are not the ally's to read)
				case "participant" -> phone.receive(number, step.text());
				case "share" -> progress.share(id, step.texts(), "participant");
				case "after" -> {
					time.shift(Transcript.duration(step.text()));
					// what the scheduler's sweep runs at that moment: timeouts, expiries, pauses that end,
					// consent renewals, escalation steps, reminders (check-in slots do not fire)
					due.sweep();
				}
				case "start" -> conversations.start(id, step.text());
				case "state" -> {
					var conversation = allyId == null ? conversations.open(id) : conversations.openWithAlly(allyId);
					String open = conversation.map(c -> c.flow() + "/" + c.state()).orElse("none");
					if (!open.equals(step.text())) {
						return TranscriptResult.fail(transcript, step.toString(), "the conversation is elsewhere",
								List.of(step.text()), List.of(open));
					}
				}
				case "consent" -> {
					if (allyId == null) {
						return TranscriptResult.fail(transcript, step.toString(), "consent: needs party: ally",
								List.of(), List.of());
					}
					String state = consent.ally(allyId).map(AllyView::consent).orElse("none");
					if (!state.equals(step.text())) {
						return TranscriptResult.fail(transcript, step.toString(), "the ally's consent differs",
								List.of(step.text()), List.of(state));
					}
				}
				default -> {
					return TranscriptResult.fail(transcript, step.toString(),
							"unknown step: use expect, send, participant, share, after, start, state or consent", List.of(), List.of());
				}
			}
		}
		List<String> unread = replies.unread();
		return unread.isEmpty() ? TranscriptResult.pass(transcript)
				: TranscriptResult.fail(transcript, "the end", "replies nobody expected at the end", List.of(), unread);
	}

	/** The texts sent to one phone, read in order. */
	private final class Replies {

		private final String number;
		private final String coachName;
		private int read;

		Replies(String number, int alreadyRead, String coachName) {
			this.number = number;
			this.read = alreadyRead;
			this.coachName = coachName;
		}

		List<String> next(int count) {
			List<String> all = all();
			List<String> next = all.subList(Math.min(read, all.size()), Math.min(all.size(), read + count));
			read += next.size();
			return List.copyOf(next);
		}

		List<String> unread() {
			List<String> all = all();
			return List.copyOf(all.subList(Math.min(read, all.size()), all.size()));
		}

		private List<String> all() {
			List<String> oldestFirst = new ArrayList<>(phone.sentTo(number, 200)
				.stream()
				.map(SentMessage::body)
				.map(body -> coachName.equals(COACH) ? body : body.replace(coachName, COACH))
				.toList());
			Collections.reverse(oldestFirst);
			return oldestFirst;
		}
	}
}
