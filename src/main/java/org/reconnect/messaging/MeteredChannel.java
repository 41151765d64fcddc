package org.reconnect.messaging;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Counts what the channel says about each attempt (see {@link MessagingMeters}). */
final class MeteredChannel implements Channel {

	private final Channel channel;
	private final MessagingMeters meters;

	MeteredChannel(Channel channel, MessagingMeters meters) {
		this.channel = channel;
		this.meters = meters;
	}

	@Override
	public String sender() {
		return channel.sender();
	}

	@Override
	public ChannelResult send(String to, String body) {
		return channel.send(to, body);
	}

	@Override
	public void prepare(Collection<MessageRecord> batch) {
		channel.prepare(batch);
	}

	@Override
	public Optional<List<Accepted>> acceptedSince(MessageRecord message, Instant since) {
		return channel.acceptedSince(message, since);
	}

	@Override
	public ChannelResult send(MessageRecord message) {
		ChannelResult result = channel.send(message);
		if (result instanceof Accepted) {
			meters.sent(message);
		}
		else if (result instanceof Rejected rejected) {
			meters.failed(message, rejected.code(), false);
		}
		else if (result instanceof Unavailable unavailable) {
			meters.failed(message, unavailable.code(), true);
		}
		return result;
	}
}
