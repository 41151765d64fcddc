package org.reconnect.messaging;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Collection;
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
 * sent while it was closed (or through another node) is not lost.
 */
@Service
class WebChats {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final WebChatLinks links;
	private final Clock clock;
	private final Map<String, List<SseEmitter>> pages = new ConcurrentHashMap<>();

	WebChats(WebChatLinks links, Clock clock) {
		this.links = links;
		this.clock = clock;
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
			Optional.ofNullable(pages.remove(token)).ifPresent(open -> open.forEach(SseEmitter::complete));
		});
		return link.isPresent();
	}

	/**
	 * Every link of a number goes, active or revoked (a participant's erasure): the links stop
	 * working at once, the pages open on this node close, and no link keeps the number.
	 */
	void forget(String phone) {
		List<WebChatLink> theirs = links.findByPhone(phone);
		theirs.forEach(link -> Optional.ofNullable(pages.remove(link.token)).ifPresent(open -> open.forEach(SseEmitter::complete)));
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
		List<SseEmitter> open = pages.computeIfAbsent(link.token, token -> new CopyOnWriteArrayList<>());
		open.add(emitter);
		emitter.onCompletion(() -> open.remove(emitter));
		emitter.onTimeout(() -> open.remove(emitter));
		emitter.onError(error -> open.remove(emitter));
		return emitter;
	}

	static void push(SseEmitter emitter, ChatLine line) throws IOException {
		emitter.send(SseEmitter.event().name("message").id(line.id()).data(line, MediaType.APPLICATION_JSON));
	}

	/** A message from us, as the page shows it. */
	record ChatLine(String id, String body) {
	}

	/** The channel side: pushes a message to every open page of the number's active links. */
	Channel.ChannelResult deliver(String phone, String body) {
		String id = "WEB" + UUID.randomUUID().toString().replace("-", "");
		for (WebChatLink link : links.findByPhoneAndRevokedAtIsNull(phone)) {
			for (SseEmitter emitter : pages.getOrDefault(link.token, List.of())) {
				try {
					push(emitter, new ChatLine(id, body));
				}
				catch (IOException | IllegalStateException ex) {
					emitter.completeWithError(ex); // a closed page; it reads the history when it opens again
				}
			}
		}
		return new Channel.Accepted(id, "sent");
	}
}
