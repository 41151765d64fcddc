package org.reconnect.messaging;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.reconnect.system.CleanText;
import org.reconnect.system.InvalidInput;
import org.reconnect.system.InvalidInput.FieldProblem;
import org.reconnect.system.PhoneNumbers;
import org.reconnect.system.PublicLinks;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The web chat: a coach makes a private link for a number (and can revoke it); whoever opens it
 * gets a small chat page, no app and no account, that talks to the same flows as SMS: what they
 * write goes through the inbound handlers, what we send arrives over Server-Sent Events.
 */
@RestController
class WebChatController {

	private static final String GONE = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Link not active"
			+ "</title></head><body><main><h1>This chat link is not active</h1><p>Ask your coach for a new one.</p>"
			+ "</main></body></html>";

	private final WebChats chats;
	private final InboundProcessor inbound;
	private final Messenger messenger;
	private final PhoneNumbers phones;
	private final PublicLinks links;
	private final ITemplateEngine pages;
	private final Contacts contacts;

	WebChatController(WebChats chats, InboundProcessor inbound, Messenger messenger, PhoneNumbers phones,
			PublicLinks links, ITemplateEngine pages, Contacts contacts) {
		this.pages = pages;
		this.contacts = contacts;
		this.links = links;
		this.chats = chats;
		this.inbound = inbound;
		this.messenger = messenger;
		this.phones = phones;
	}

	@PostMapping(path = "/api/web-chat/links", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<LinkCreated> create(@Valid @RequestBody NewLink request) {
		if (request == null || request.phone() == null || request.phone().isBlank()) {
			throw new InvalidInput(List.of(new FieldProblem("phone", "is required: the number whose messages go to the chat")));
		}
		WebChatLink link = chats.create(phones.toE164("phone", request.phone()));
		URI url = links.link("/chat/{token}", link.token);
		return ResponseEntity.created(url).body(new LinkCreated(link.token, url.toString()));
	}

	@DeleteMapping("/api/web-chat/links/{token}")
	ResponseEntity<Void> revoke(@PathVariable String token) {
		return chats.revoke(token) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
	}

	@GetMapping(path = "/chat/{token}", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> page(@PathVariable String token) {
		WebChatLink link = chats.active(token).orElse(null);
		if (link == null) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND).body(GONE);
		}
		// In the participant's language: the words from messages/web-chat*.properties.
		Locale locale = Locale.forLanguageTag(contacts.of(link.phone).language());
		String page = pages.process("web-chat", new Context(locale, Map.of("lang", locale.toLanguageTag())));
		return ResponseEntity.ok().header("Cache-Control", "no-store").body(page);
	}

	/** The page's stream: the latest messages first, then each new one as it is sent. */
	@GetMapping(path = "/chat/{token}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	ResponseEntity<SseEmitter> events(@PathVariable String token) throws IOException {
		WebChatLink link = chats.active(token).orElse(null);
		if (link == null) {
			return ResponseEntity.notFound().build();
		}
		SseEmitter emitter = chats.open(link);
		emitter.send(SseEmitter.event().comment("connected")); // commits the response: the page knows it is live
		List<SentMessage> recent = messenger.recent(link.phone, 20);
		for (int i = recent.size() - 1; i >= 0; i--) {
			SentMessage message = recent.get(i);
			if ("SENT".equals(message.status()) && message.providerId() != null && message.providerId().startsWith("WEB")) {
				WebChats.push(emitter, new WebChats.ChatLine(message.providerId(), message.body()));
			}
		}
		return ResponseEntity.ok().header("Cache-Control", "no-store").body(emitter);
	}

	@PostMapping(path = "/chat/{token}/messages")
	ResponseEntity<Void> write(@PathVariable String token, @RequestBody Map<String, String> message) {
		WebChatLink link = chats.active(token).orElse(null);
		if (link == null) {
			return ResponseEntity.notFound().build();
		}
		String body = message == null ? null : message.get("body");
		if (body == null || body.isBlank() || body.length() > 1000) {
			throw new InvalidInput(List.of(new FieldProblem("body", "is required, up to 1000 characters")));
		}
		inbound.receive("web:" + UUID.randomUUID(), link.phone, body);
		return ResponseEntity.accepted().build();
	}

	record NewLink(@Size(max = 64) @CleanText String phone) {
	}

	record LinkCreated(String token, String url) {
	}
}
