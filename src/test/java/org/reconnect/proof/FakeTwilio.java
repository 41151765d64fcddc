package org.reconnect.proof;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * Twilio's Messages API played by WireMock: it accepts every message (201) or, during an outage,
 * answers 503 as Twilio does when it is unavailable. Each node gets its own, so the proofs can
 * tell which node sent what.
 */
final class FakeTwilio implements AutoCloseable {

	static final String SID = "AC0123456789abcdef0123456789abcdef";
	static final String MESSAGES = "/2010-04-01/Accounts/" + SID + "/Messages.json";

	/** A message Twilio accepted. */
	record Sent(String to, String body, Instant at) {
	}

	private final WireMockServer server;

	FakeTwilio() {
		server = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(20)
			.notifier(new Slf4jNotifier(false)));
		server.start();
		available();
	}

	String baseUrl() {
		return server.baseUrl();
	}

	void available() {
		server.resetMappings();
		server.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"sid\":\"SM0123456789abcdef0123456789abcdef\",\"status\":\"queued\"}")));
	}

	void unavailable() {
		server.resetMappings();
		server.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withStatus(503)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"code\":20503,\"message\":\"Service unavailable\",\"status\":503}")));
	}

	/** Every message accepted so far, oldest first. */
	List<Sent> sent() {
		return server.getAllServeEvents()
			.stream()
			.filter(event -> event.getResponse().getStatus() == 201)
			.sorted(Comparator.comparing(event -> event.getRequest().getLoggedDate()))
			.map(FakeTwilio::sent)
			.toList();
	}

	/** How many requests were refused with 503. */
	long refused() {
		return server.getAllServeEvents().stream().filter(event -> event.getResponse().getStatus() == 503).count();
	}

	private static Sent sent(ServeEvent event) {
		Map<String, String> form = new HashMap<>();
		for (String pair : event.getRequest().getBodyAsString().split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0) {
				form.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
			}
		}
		return new Sent(form.getOrDefault("To", ""), form.getOrDefault("Body", ""),
				event.getRequest().getLoggedDate().toInstant());
	}

	@Override
	public void close() {
		server.stop();
	}
}
