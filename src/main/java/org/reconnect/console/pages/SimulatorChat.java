package org.reconnect.console.pages;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.reconnect.messaging.PhoneSimulator;
import org.reconnect.messaging.SentMessage;

/** The phone's side of a conversation, oldest first: what it was sent and what it wrote. */
record SimulatorChat(List<Line> lines) {

	/**
	 * One bubble.
	 *
	 * @param fromPhone true for what the phone wrote, false for what Reconnect sent it
	 * @param status the outbox status of a sent message (queued, delivered, ...); null for the phone's own
	 */
	record Line(Instant at, boolean fromPhone, String text, String status) {
	}

	static SimulatorChat of(PhoneSimulator phone, String number) {
		List<SentMessage> sent = new ArrayList<>(phone.sentTo(number, 200));
		Collections.reverse(sent);
		List<Line> lines = new ArrayList<>();
		int next = 0;
		for (PhoneSimulator.Written written : phone.writtenBy(number)) {
			// What the phone had been sent when it wrote this comes first, then the text itself.
			while (next < sent.size() && next < written.sentBefore()) {
				lines.add(line(sent.get(next++)));
			}
			lines.add(new Line(written.at(), true, written.body(), null));
		}
		while (next < sent.size()) {
			lines.add(line(sent.get(next++)));
		}
		return new SimulatorChat(List.copyOf(lines));
	}

	private static Line line(SentMessage sent) {
		return new Line(sent.createdAt(), false, sent.body(),
				sent.status() == null ? null : sent.status().toLowerCase(Locale.ROOT).replace('_', ' '));
	}

	/** A fingerprint of what is shown, so a poll that finds nothing new changes nothing on screen. */
	public String version() {
		return lines.size() + "-" + lines.stream().mapToInt(l -> (l.text() + l.status()).hashCode()).sum();
	}

	public Line latest() {
		return lines.isEmpty() ? null : lines.get(lines.size() - 1);
	}
}
