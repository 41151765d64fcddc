package org.reconnect.transcripts;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.reconnect.flows.ConversationRuntime;
import org.reconnect.messaging.PhoneSimulator;
import org.reconnect.messaging.SentMessage;
import org.reconnect.participants.EnrolParticipant;
import org.reconnect.participants.ParticipantId;
import org.reconnect.participants.ParticipantService;
import org.reconnect.system.ShiftableClock;
import org.reconnect.system.SimulatorMode;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Service;

/**
 * Plays one transcript through the real runtime: enrols a test participant on the number given,
 * starts the flow, sends the participant's texts through the phone simulator's inbound path, moves
 * the clock for {@code after} steps, and compares the replies, exactly and in order, with nothing
 * else. Afterwards the participant is erased and the clock is back where it was. Only with the
 * simulator and a clock that can be moved.
 */
@Service
@Conditional(SimulatorMode.Active.class)
public class TranscriptPlayer {

	/** Transcripts are written for the first coach's name ("Your coach coach set this up"). */
	static final String COACH = "coach";

	private final ParticipantService participants;
	private final ConversationRuntime conversations;
	private final PhoneSimulator phone;
	private final Clock clock;

	TranscriptPlayer(ParticipantService participants, ConversationRuntime conversations, PhoneSimulator phone,
			Clock clock) {
		this.participants = participants;
		this.conversations = conversations;
		this.phone = phone;
		this.clock = clock;
	}

	/** Plays at the clock's current time, on {@code number} (E.164), which no participant may be using. */
	public TranscriptResult play(Transcript transcript, String number) {
		ShiftableClock time = (ShiftableClock) clock;
		Duration offsetBefore = time.offset();
		ParticipantId id = participants.enrol(new EnrolParticipant(transcript.name(), number, transcript.timeZone(),
				"09:00", transcript.language()), COACH).id();
		try {
			return steps(transcript, id, number, time);
		}
		finally {
			participants.erase(id);
			phone.forget(number);
			time.returnTo(offsetBefore);
		}
	}

	private TranscriptResult steps(Transcript transcript, ParticipantId id, String number, ShiftableClock time) {
		Replies replies = new Replies(number);
		if (transcript.flow() != null) {
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
				case "send" -> phone.receive(number, step.text());
				case "after" -> {
					time.shift(Transcript.duration(step.text()));
					conversations.timeoutsDue();
					conversations.expireDue();
				}
				case "start" -> conversations.start(id, step.text());
				case "state" -> {
					String open = conversations.open(id).map(c -> c.flow() + "/" + c.state()).orElse("none");
					if (!open.equals(step.text())) {
						return TranscriptResult.fail(transcript, step.toString(), "the conversation is elsewhere",
								List.of(step.text()), List.of(open));
					}
				}
				default -> {
					return TranscriptResult.fail(transcript, step.toString(),
							"unknown step: use expect, send, after, start or state", List.of(), List.of());
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
		private int read;

		Replies(String number) {
			this.number = number;
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
			List<String> oldestFirst = new ArrayList<>(phone.sentTo(number, 200).stream().map(SentMessage::body).toList());
			Collections.reverse(oldestFirst);
			return oldestFirst;
		}
	}
}
