package org.reconnect.messaging;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The web chat: private revocable links, the open pages of each (Server-Sent Events, on this
 * node), and the channel that writes to them. A number with an active link gets its messages
 * here instead of by SMS; the page also shows the latest messages when it opens, so a message
 * sent while it was closed is not lost. A message another node sent reaches the pages open here
 * through {@link #relayFromOtherNodes}, which each node runs every poll interval (the embedded
 * store has no change streams, so both stores are polled alike).
 */
@Service
class WebChats {

	private static final SecureRandom RANDOM = new SecureRandom();

	/** A message another node sent this long ago is still relayed (a node that paused a moment). */
	private static final Duration RELAY_WINDOW = Duration.ofMinutes(1);

	private final WebChatLinks links;
	private final Messages messages;
	private final Clock clock;
	private final Map<String, List<Page>> pages = new ConcurrentHashMap<>();

	WebChats(WebChatLinks links, Messages messages, Clock clock) {
		this.links = links;
		this.messages = messages;
		this.clock = clock;
	}

	/** An open page: its stream, the number it is for, and the messages it was given since it opened. */
	private record Page(SseEmitter emitter, String phone, Instant openedAt, Map<String, Instant> shown) {

		void show(String id, String body, Instant sentAt) {
			if (shown.putIfAbsent(id, sentAt) != null) {
				return;
			}
			try {
				push(emitter, new ChatLine(id, body));
			}
			catch (IOException | IllegalStateException ex) {
				emitter.completeWithError(ex); // a closed page; it reads the history when it opens again
			}
		}
	}

	WebChatLink create(String phone) {
		byte[] secret = new byte[24];
		RANDOM.nextBytes(secret);
		WebChatLink link = new WebChatLink();
		link.token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		link.phone = phone;
		link.createdAt = clock.instant();
		return links.save(link);
	}

	/** @return false when there is no such active link */
	boolean revoke(String token) {
		Optional<WebChatLink> link = active(token);
		link.ifPresent(found -> {
			found.revokedAt = clock.instant();
			links.save(found);
			Optional.ofNullable(pages.remove(token)).ifPresent(open -> open.forEach(page -> page.emitter().complete()));
		});
		return link.isPresent();
	}

	/**
	 * Every link of a number goes, active or revoked (a participant's erasure): the links stop
	 * working at once, the pages open on this node close, and no link keeps the number.
	 */
	void forget(String phone) {
		List<WebChatLink> theirs = links.findByPhone(phone);
		theirs.forEach(link -> Optional.ofNullable(pages.remove(link.token))
			.ifPresent(open -> open.forEach(page -> page.emitter().complete())));
		links.deleteAll(theirs);
	}

	Optional<WebChatLink> active(String token) {
		return token == null ? Optional.empty() : links.findById(token).filter(WebChatLink::active);
	}

	boolean reaches(String phone) {
		return !links.findByPhoneAndRevokedAtIsNull(phone).isEmpty();
	}

	/** Of {@code phones}, those {@link #reaches} is true for, in one lookup. */
	Set<String> reaching(Collection<String> phones) {
		Set<String> reached = new HashSet<>();
		links.findByPhoneInAndRevokedAtIsNull(phones).forEach(link -> reached.add(link.phone));
		return reached;
	}

	SseEmitter open(WebChatLink link) {
		SseEmitter emitter = new SseEmitter(0L);
		Page page = new Page(emitter, link.phone, clock.instant(), new ConcurrentHashMap<>());
		List<Page> open = pages.computeIfAbsent(link.token, token -> new CopyOnWriteArrayList<>());
		open.add(page);
		emitter.onCompletion(() -> open.remove(page));
		emitter.onTimeout(() -> open.remove(page));
		emitter.onError(error -> open.remove(page));
		return emitter;
	}

	/**
	 * Ends every page's stream held here, as this node stops: the browser reconnects at once,
	 * through the proxy, to a node still running, and reads its latest messages as it opens. Left
	 * open, a stream would hold the stop for the whole graceful-shutdown wait and then be cut.
	 */
	void closeAll() {
		pages.values().forEach(open -> open.forEach(page -> page.emitter().complete()));
		pages.clear();
	}

	static void push(SseEmitter emitter, ChatLine line) throws IOException {
		emitter.send(SseEmitter.event().name("message").id(line.id()).data(line, MediaType.APPLICATION_JSON));
	}

	/** A message from us, as the page shows it. */
	record ChatLine(String id, String body) {
	}

	/** The channel side: pushes a message to every open page (on this node) of the number's active links. */
	Channel.ChannelResult deliver(String phone, String body) {
		String id = "WEB" + UUID.randomUUID().toString().replace("-", "");
		Instant now = clock.instant();
		for (WebChatLink link : links.findByPhoneAndRevokedAtIsNull(phone)) {
			pages.getOrDefault(link.token, List.of()).forEach(page -> page.show(id, body, now));
		}
		return new Channel.Accepted(id, "sent");
	}

	/**
	 * Messages another node sent to the numbers whose pages are open here: one query for them all,
	 * each message given once to each page opened before it went (older ones the page read when it
	 * opened).
	 */
	void relayFromOtherNodes() {
		List<Page> open = pages.values().stream().flatMap(List::stream).toList();
		if (open.isEmpty()) {
			return;
		}
		Instant now = clock.instant();
		Instant since = now.minus(RELAY_WINDOW);
		Set<String> phones = new HashSet<>();
		open.forEach(page -> phones.add(page.phone()));
		List<MessageRecord> sent = messages.findByToInAndChannelAndSentAtAfter(phones, ChannelKind.WEB, since).stream()
			.filter(message -> message.status == MessageRecord.Status.SENT && message.providerId != null)
			.sorted(Comparator.comparing((MessageRecord message) -> message.sentAt).thenComparing(message -> message.id))
			.toList();
		for (Page page : open) {
			page.shown().values().removeIf(sentAt -> sentAt.isBefore(since));
			sent.stream()
				.filter(message -> message.to.equals(page.phone()) && !message.sentAt.isBefore(page.openedAt()))
				.forEach(message -> page.show(message.providerId, message.body, message.sentAt));
		}
	}
}
