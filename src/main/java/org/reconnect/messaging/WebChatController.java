package org.reconnect.messaging;

import java.io.IOException;
import java.net.URI;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.reconnect.system.CleanText;
import org.reconnect.system.InvalidInput;
import org.reconnect.system.InvalidInput.FieldProblem;
import org.reconnect.system.PhoneNumbers;
import org.reconnect.system.PublicLinks;
import org.springframework.context.MessageSource;
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

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * The web chat: a coach makes a private link for a number (and can revoke it); whoever opens it
 * gets a small chat page, no app and no account, that talks to the same flows as SMS: what they
 * write goes through the inbound handlers, what we send arrives over Server-Sent Events.
 */
@RestController
class WebChatController {

	private final WebChats chats;
	private final InboundProcessor inbound;
	private final Messenger messenger;
	private final PhoneNumbers phones;
	private final PublicLinks links;
	private final ITemplateEngine pages;
	private final Contacts contacts;
	private final MessageSource texts;

	WebChatController(WebChats chats, InboundProcessor inbound, Messenger messenger, PhoneNumbers phones,
			PublicLinks links, ITemplateEngine pages, Contacts contacts, MessageSource texts) {
		this.texts = texts;
		this.pages = pages;
		this.contacts = contacts;
		this.links = links;
		this.chats = chats;
		this.inbound = inbound;
		this.messenger = messenger;
		this.phones = phones;
	}

	@Operation(summary = "Make a web chat link for a number",
			description = "Whoever opens the link chats as that number, with no app and no account: keep it private. "
					+ "The link at its URL.")
	@ApiResponse(responseCode = "201", description = "Created: the token and the link")
	@PostMapping(path = "/api/web-chat/links", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<LinkCreated> create(@Valid @RequestBody NewLink request) {
		if (request == null || request.phone() == null || request.phone().isBlank()) {
			throw new InvalidInput(List.of(FieldProblem.of("phone", "problem.web-chat.phone")));
		}
		WebChatLink link = chats.create(phones.toE164("phone", request.phone()));
		URI url = links.link("/chat/{token}", link.token);
		return ResponseEntity.created(url).body(new LinkCreated(link.token, url.toString()));
	}

	@Operation(summary = "Turn a web chat link off",
			description = "The page and its stream answer 404 from now on.")
	@ApiResponse(responseCode = "204", description = "Turned off")
	@ApiResponse(responseCode = "404", description = "No such link (answered without a body)", content = @Content)
	@DeleteMapping("/api/web-chat/links/{token}")
	ResponseEntity<Void> revoke(@PathVariable String token) {
		return chats.revoke(token) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
	}

	@Operation(summary = "The web chat page",
			description = "In the participant's language; a link that is not active gets a page saying so in the "
					+ "browser's language (Accept-Language).")
	@ApiResponse(responseCode = "404", description = "The link is not active: a page saying so", content = @Content(mediaType = "text/html"))
	@ApiResponse(responseCode = "200", description = "The chat page")
	@GetMapping(path = "/chat/{token}", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> page(@PathVariable String token, HttpServletRequest request) {
		WebChatLink link = chats.active(token).orElse(null);
		if (link == null) {
			// nobody is known by a dead link: the words in the browser's language, when we have it
			String gone = pages.process("web-chat-gone", new Context(browserLanguage(request)));
			return ResponseEntity.status(HttpStatus.NOT_FOUND).header("Cache-Control", "no-store").body(gone);
		}
		// In the participant's language (a number nobody enrolled: the browser's), from messages/web-chat*.properties
		String language = contacts.of(link.phone).language();
		Locale locale = language == null ? browserLanguage(request) : Locale.forLanguageTag(language);
		String page = pages.process("web-chat",
				new Context(locale, Map.of("lang", texts.getMessage("chat.language", null, locale))));
		return ResponseEntity.ok().header("Cache-Control", "no-store").body(page);
	}

	/**
	 * The first of the browser's preferred languages (Accept-Language, in order) that the web chat
	 * bundle is written in; none of them: the base bundle's.
	 */
	private Locale browserLanguage(HttpServletRequest request) {
		for (Locale wanted : Collections.list(request.getLocales())) {
			if (wanted.getLanguage().equals(texts.getMessage("chat.language", null, "", wanted))) {
				return wanted;
			}
		}
		return Locale.ROOT;
	}

	/** The page's stream: the latest messages first, then each new one as it is sent. */
	@ApiResponse(responseCode = "404", description = "The link is not active (answered without a body)", content = @Content)
	@ApiResponse(responseCode = "200", description = "The stream: the latest messages, then each new one")
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

	@Operation(summary = "Write from the web chat",
			description = "A JSON object with the body, up to 1000 characters; it goes through the same steps as a "
					+ "text message, and the answer comes over the event stream.")
	@ApiResponse(responseCode = "202", description = "Taken: the answer comes over the event stream")
	@ApiResponse(responseCode = "404", description = "The link is not active (answered without a body)", content = @Content)
	@PostMapping(path = "/chat/{token}/messages")
	ResponseEntity<Void> write(@PathVariable String token, @RequestBody Map<String, String> message) {
		WebChatLink link = chats.active(token).orElse(null);
		if (link == null) {
			return ResponseEntity.notFound().build();
		}
		String body = message == null ? null : message.get("body");
		if (body == null || body.isBlank() || body.length() > 1000) {
			throw new InvalidInput(List.of(FieldProblem.of("body", "problem.web-chat.body")));
		}
		inbound.receive(InboundMessage.WEB_CHAT + UUID.randomUUID(), link.phone, body);
		return ResponseEntity.accepted().build();
	}

	record NewLink(@Size(max = 64) @CleanText String phone) {
	}

	record LinkCreated(String token, String url) {
	}
}
