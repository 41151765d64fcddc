package org.reconnect.console.pages;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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
		List<Line> lines = new ArrayList<>();
		for (SentMessage sent : phone.sentTo(number, 100)) {
			lines.add(new Line(sent.createdAt(), false, sent.body(), sent.status()));
		}
		for (PhoneSimulator.Written written : phone.writtenBy(number)) {
			lines.add(new Line(written.at(), true, written.body(), null));
		}
		// A reply is stored at the same instant as the text it answers: the phone's text comes first.
		lines.sort(Comparator.comparing(Line::at).thenComparing(line -> !line.fromPhone()));
		return new SimulatorChat(List.copyOf(lines));
	}

	/** A fingerprint of what is shown, so a poll that finds nothing new changes nothing on screen. */
	public String version() {
		return lines.size() + "-" + lines.stream().mapToInt(l -> (l.text() + l.status()).hashCode()).sum();
	}

	public Line latest() {
		return lines.isEmpty() ? null : lines.get(lines.size() - 1);
	}
}
