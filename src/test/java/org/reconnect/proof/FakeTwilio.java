package org.reconnect.proof;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * Twilio's Messages API played by WireMock: it accepts every message (201, each with its own SID)
 * or, during an outage, answers 503 as Twilio does when it is unavailable; and it lists what the
 * account accepted for a number, newest first (GET Messages.json?To=), as Twilio does. Each node
 * gets its own, so the proofs can tell which node sent what; all of them share one {@link Account},
 * as the nodes share one Twilio account.
 */
final class FakeTwilio implements AutoCloseable {

	static final String SID = "AC0123456789abcdef0123456789abcdef";
	static final String MESSAGES = "/2010-04-01/Accounts/" + SID + "/Messages.json";

	private static final DateTimeFormatter RFC_2822 = DateTimeFormatter
		.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);

	/** A message Twilio accepted. */
	record Sent(String sid, String to, String body, Instant at) {
	}

	/** What one Twilio account accepted, from whichever node: what a read of its messages lists. */
	static final class Account {

		private final List<Sent> accepted = new CopyOnWriteArrayList<>();

		List<Sent> to(String number) {
			List<Sent> found = new ArrayList<>(accepted.stream().filter(sent -> sent.to().equals(number)).toList());
			java.util.Collections.reverse(found);
			return found;
		}
	}

	private final WireMockServer server;
	private final List<Sent> sent = new CopyOnWriteArrayList<>();

	FakeTwilio(Account account) {
		server = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(20)
			.notifier(new Slf4jNotifier(false)).extensions(new Accepting(account, sent), new Listing(account)));
		server.start();
		available();
	}

	String baseUrl() {
		return server.baseUrl();
	}

	void available() {
		server.resetMappings();
		server.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withTransformers(Accepting.NAME)));
		server.stubFor(get(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withTransformers(Listing.NAME)));
	}

	void unavailable() {
		server.resetMappings();
		server.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(down()));
		server.stubFor(get(urlPathEqualTo(MESSAGES)).willReturn(down()));
	}

	private static ResponseDefinitionBuilder down() {
		return aResponse().withStatus(503).withHeader("Content-Type", "application/json")
			.withBody("{\"code\":20503,\"message\":\"Service unavailable\",\"status\":503}");
	}

	/** Every message this node's Twilio accepted so far, oldest first. */
	List<Sent> sent() {
		return List.copyOf(sent);
	}

	/** How many times this node read what the account had sent to a number (a look-back). */
	long lookBacks() {
		return server.getAllServeEvents().stream().filter(event -> "GET".equals(event.getRequest().getMethod().getName()))
			.count();
	}

	/** How many requests were refused with 503. */
	long refused() {
		return server.getAllServeEvents().stream().filter(event -> event.getResponse().getStatus() == 503).count();
	}

	@Override
	public void close() {
		server.stop();
	}

	/** A transformer that applies only where a stub names it. */
	private interface ByName extends ResponseDefinitionTransformerV2 {

		@Override
		default boolean applyGlobally() {
			return false;
		}
	}

	/** Accepts a message: it is in the account (and counted as this node's) once Twilio answers. */
	private record Accepting(Account account, List<Sent> sent) implements ByName {

		static final String NAME = "accepting";

		@Override
		public ResponseDefinition transform(ServeEvent event) {
			Map<String, String> form = new HashMap<>();
			for (String pair : event.getRequest().getBodyAsString().split("&")) {
				int eq = pair.indexOf('=');
				if (eq > 0) {
					form.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
				}
			}
			Sent accepted = new Sent("SM" + UUID.randomUUID().toString().replace("-", ""), form.getOrDefault("To", ""),
					form.getOrDefault("Body", ""), Instant.now());
			synchronized (account) {
				account.accepted.add(accepted);
				sent.add(accepted);
			}
			return aResponse().withStatus(201).withHeader("Content-Type", "application/json")
				.withBody("{\"sid\":\"" + accepted.sid() + "\",\"status\":\"queued\"}").build();
		}

		@Override
		public String getName() {
			return NAME;
		}
	}

	/** Lists what the account accepted for the number asked about, newest first, as Twilio does. */
	private record Listing(Account account) implements ByName {

		static final String NAME = "listing";

		@Override
		public ResponseDefinition transform(ServeEvent event) {
			String to = event.getRequest().queryParameter("To").isPresent()
					? event.getRequest().queryParameter("To").firstValue() : "";
			StringBuilder messages = new StringBuilder();
			for (Sent each : account.to(to)) {
				if (messages.length() > 0) {
					messages.append(',');
				}
				messages.append("{\"sid\":\"").append(each.sid()).append("\",\"to\":\"").append(each.to())
					.append("\",\"body\":").append(json(each.body())).append(",\"direction\":\"outbound-api\",")
					.append("\"status\":\"sent\",\"date_created\":\"").append(RFC_2822.format(each.at())).append("\"}");
			}
			return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
				.withBody("{\"messages\":[" + messages + "],\"next_page_uri\":null,\"page\":0,\"page_size\":50}")
				.build();
		}

		private static String json(String text) {
			return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r")
				.replace("\t", "\\t") + "\"";
		}

		@Override
		public String getName() {
			return NAME;
		}
	}
}
