package org.reconnect.messaging;

import java.time.Clock;
import java.util.List;

import org.reconnect.messaging.Channel.Accepted;
import org.reconnect.messaging.Channel.Rejected;
import org.reconnect.messaging.MessageRecord.Status;
import org.reconnect.system.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

/**
 * Sends a message and keeps its record. Every message is recorded before it goes to the channel;
 * an opted-out number gets nothing but the one confirmation, checked here at the moment of sending.
 */
@Service
public class Messenger {

	private static final Logger log = LoggerFactory.getLogger(Messenger.class);

	private final Channel channel;
	private final Messages messages;
	private final OptOuts optOuts;
	private final Clock clock;

	Messenger(Channel channel, Messages messages, OptOuts optOuts, Clock clock) {
		this.channel = channel;
		this.messages = messages;
		this.optOuts = optOuts;
		this.clock = clock;
	}

	public SendResult send(OutboundMessage message) {
		if (message.purpose() != Purpose.OPT_OUT_CONFIRMATION && isOptedOut(message.to())) {
			MessageRecord record = messages.save(MessageRecord.of(message, Status.SUPPRESSED, clock.instant()));
			log.info("Not sending {} message {} to {}: the number opted out", message.purpose(), record.id,
					Masking.phone(message.to()));
			return new SendResult(record.id, SendResult.Outcome.SUPPRESSED);
		}
		MessageRecord record = messages.save(MessageRecord.of(message, Status.QUEUED, clock.instant()));
		Channel.ChannelResult result = channel.send(message.to(), message.body());
		SendResult.Outcome outcome;
		if (result instanceof Accepted accepted) {
			record.status = Status.SENT;
			record.providerId = accepted.providerId();
			outcome = SendResult.Outcome.SENT;
		}
		else {
			Rejected rejected = (Rejected) result;
			record.status = Status.FAILED;
			record.error = rejected.code();
			// The channel's reason can quote the number, so only the code is logged.
			log.warn("Channel refused message {} to {}: error {}", record.id, Masking.phone(message.to()),
					rejected.code());
			outcome = SendResult.Outcome.FAILED;
		}
		messages.save(record);
		return new SendResult(record.id, outcome);
	}

	public boolean isOptedOut(String phone) {
		return optOuts.existsById(phone);
	}

	/** The latest outbound messages, newest first; to one number when {@code to} is given. */
	public List<SentMessage> recent(String to, int limit) {
		// Ids break ties: several messages can share one instant of the clock.
		PageRequest page = PageRequest.of(0, limit, Sort.by(Sort.Direction.DESC, "createdAt", "id"));
		List<MessageRecord> found = to == null ? messages.findAll(page).getContent() : messages.findByTo(to, page);
		return found.stream().map(MessageRecord::view).toList();
	}
}
