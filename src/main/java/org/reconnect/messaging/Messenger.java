package org.reconnect.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

/**
 * The one way out: a message is written to the outbox first, then tried at once in the caller's
 * thread (so a reply goes while the person is still looking at their phone). Whatever is not sent
 * then (paced, held for quiet hours, waiting for a retry) the background dispatcher sends later.
 * An opted-out number gets nothing but the one confirmation, checked at the moment of sending.
 */
@Service
public class Messenger {

	private final Outbox outbox;
	private final Dispatcher dispatcher;
	private final Messages messages;
	private final OptOuts optOuts;
	private final FlaggedNumbers flagged;
	private final WebChats webChats;
	private final WhatsAppWindow whatsApp;
	private final BacklogSettings backlogLimits;
	private final RecipientRules recipients;
	private final Clock clock;

	Messenger(Outbox outbox, Dispatcher dispatcher, Messages messages, OptOuts optOuts, FlaggedNumbers flagged,
			WebChats webChats, WhatsAppWindow whatsApp, BacklogSettings backlogLimits, RecipientRules recipients,
			Clock clock) {
		this.flagged = flagged;
		this.backlogLimits = backlogLimits;
		this.recipients = recipients;
		this.whatsApp = whatsApp;
		this.outbox = outbox;
		this.dispatcher = dispatcher;
		this.messages = messages;
		this.optOuts = optOuts;
		this.webChats = webChats;
		this.clock = clock;
	}

	/** Whether messages to the number go to a web chat page (an active link) rather than by SMS. */
	public boolean onWebChat(String phone) {
		return webChats.reaches(phone);
	}

	public SendResult send(OutboundMessage message) {
		MessageRecord record = MessageRecord.of(message, MessageRecord.Status.QUEUED, clock.instant());
		dispatcher.leaseBeforeWriting(List.of(record));
		return dispatcher.attemptLeased(outbox.insert(record));
	}

	/**
	 * {@link #send} for a batch (e.g. the reminders or check-ins due in one minute): the same
	 * records, checks and first attempt, with one write for all records (which is also their claim)
	 * and one write of the accepted outcomes instead of several per message.
	 *
	 * @return the results, in the order of {@code messages}
	 */
	public List<SendResult> sendAll(List<OutboundMessage> messages) {
		if (messages.isEmpty()) {
			return List.of();
		}
		Instant now = clock.instant();
		List<MessageRecord> records = messages.stream()
			.map(message -> MessageRecord.of(message, MessageRecord.Status.QUEUED, now))
			.toList();
		dispatcher.leaseBeforeWriting(records);
		return dispatcher.attemptAll(outbox.insertAll(records));
	}

	/**
	 * Which of the references (see {@link OutboundMessage#reference()}) some message already
	 * carries: how a hand-off interrupted half way (a node stopped) tells what it had written.
	 * Asked only then, so the field has no index of its own and a large outbox is scanned.
	 */
	public Set<String> referenced(Collection<String> references) {
		Set<String> found = new HashSet<>();
		if (!references.isEmpty()) {
			outbox.withReferences(references).forEach(found::add);
		}
		return found;
	}

	/**
	 * What became of the messages that carry each of the references: when the first went, or
	 * whether one is being attempted now (it may yet go). A reference no message carries is left
	 * out. Asked only where an expected message was never heard of, so a large outbox is scanned.
	 */
	public Map<String, ReferenceFate> fates(Collection<String> references) {
		Map<String, ReferenceFate> fates = new HashMap<>();
		if (references.isEmpty()) {
			return fates;
		}
		Instant now = clock.instant();
		for (MessageRecord record : outbox.byReferences(references)) {
			ReferenceFate known = fates.getOrDefault(record.reference, new ReferenceFate(null, false));
			Instant sentAt = known.sentAt();
			if (record.status == MessageRecord.Status.SENT && record.sentAt != null
					&& (sentAt == null || record.sentAt.isBefore(sentAt))) {
				sentAt = record.sentAt;
			}
			boolean attempting = known.attempting()
					|| record.status == MessageRecord.Status.QUEUED && record.leaseUntil != null
							&& record.leaseUntil.isAfter(now);
			fates.put(record.reference, new ReferenceFate(sentAt, attempting));
		}
		return fates;
	}

	/**
	 * What holds for a recipient where nobody said otherwise: the configured quiet hours (local
	 * time), daily cap and zone. A participant with no quiet hours of their own gets these.
	 */
	public RecipientPolicy.Recipient defaults() {
		return recipients.defaults();
	}

	/**
	 * Forgets a participant (their erasure): every message to their number, text included; the
	 * text of every message to others that speaks of them ({@link OutboundMessage#about()}), those
	 * still waiting dropped; their web chat links; when they last wrote on WhatsApp; a flag on their
	 * number. An opt-out is kept: it holds only the number, and the law asks that a STOP is honoured
	 * for good. Safe to repeat (an erasure cut short runs again).
	 *
	 * @param participantId the participant's id, which messages about them carry
	 * @return how many messages to them were deleted
	 */
	public long forget(String phone, String participantId) {
		outbox.eraseAbout(participantId, clock.instant());
		webChats.forget(phone);
		whatsApp.forget(phone);
		flagged.deleteById(phone);
		return messages.deleteByTo(phone);
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

	/** The latest outbound messages to any of these numbers, newest first. */
	public List<SentMessage> recentToAny(Collection<String> to, int limit) {
		PageRequest page = PageRequest.of(0, limit, Sort.by(Sort.Direction.DESC, "createdAt", "id"));
		return to.isEmpty() ? List.of() : messages.findByToIn(to, page).stream().map(MessageRecord::view).toList();
	}

	/** What waits in the outbox now, shared by every node. */
	public OutboxBacklog backlog() {
		Backlog backlog = outbox.backlog(clock.instant());
		return new OutboxBacklog(backlog.due(), backlog.retrying(), backlog.oldestDueAge(), !backlog.within(backlogLimits));
	}

	/** One message's outbox and delivery status. */
	public Optional<MessageView> status(String messageId) {
		return outbox.find(messageId).map(MessageRecord::detail);
	}
}
