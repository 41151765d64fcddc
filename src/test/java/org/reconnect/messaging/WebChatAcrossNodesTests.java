package org.reconnect.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.reconnect.MutableClock;
import org.reconnect.SecondNode;
import org.reconnect.SimulatorAppTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import tools.jackson.databind.JsonNode;

/**
 * With two nodes behind the proxy, a web chat page keeps its stream open to one of them while the
 * message to it may be written and sent by the other. Here this test's application is the node
 * holding the page, and a second application in the same run, on the same stores, writes and sends
 * the message: the page shows it at once, once, without being reopened. Before, a node pushed only
 * to the pages it held itself, so the second node marked the message sent and the page saw nothing
 * until it was reloaded.
 */
class WebChatAcrossNodesTests extends SimulatorAppTestBase {

	private static SecondNode secondNode;

	@LocalServerPort
	int port;

	@Autowired
	TestRestTemplate http;

	@Autowired
	MutableClock clock;

	@Autowired
	ApplicationContext application;

	@Autowired
	Messages messages;

	@AfterAll
	static void stopTheSecondNode() {
		if (secondNode != null) {
			secondNode.close();
			secondNode = null;
		}
	}

	private void startTheSecondNode() {
		if (secondNode == null) {
			secondNode = SecondNode.beside(application);
			secondNode.bean(MutableClock.class).set(clock.instant()); // the nodes' clocks agree, as NTP keeps them
		}
	}

	/**
	 * A node that stops ends the streams of the pages it holds at once, so each browser reconnects
	 * to the node still running; before, the stop waited out the graceful-shutdown time (30 s) on
	 * the open streams and then cut them.
	 */
	@Test
	void aNodeThatStopsLetsItsPagesGoAtOnceSoTheyReconnectToTheOther() throws Exception {
		startTheSecondNode();
		String token = http.withBasicAuth("coach", "sim-pass-2030")
			.postForEntity("/api/web-chat/links", Map.of("phone", "+12025550778"), JsonNode.class)
			.getBody()
			.get("token")
			.asText();
		HttpResponse<java.io.InputStream> page = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + secondNode.port() + "/chat/" + token + "/events"))
				.build(), HttpResponse.BodyHandlers.ofInputStream());
		assertThat(page.statusCode()).isEqualTo(200);
		java.util.concurrent.CompletableFuture<Boolean> ended = new java.util.concurrent.CompletableFuture<>();
		Thread reader = new Thread(() -> {
			try (BufferedReader lines = new BufferedReader(new InputStreamReader(page.body(), StandardCharsets.UTF_8))) {
				lines.lines().forEach(line -> {
				});
				ended.complete(true);
			}
			catch (Exception cut) {
				ended.complete(false);
			}
		});
		reader.setDaemon(true);
		reader.start();
		SecondNode stopping = secondNode;
		secondNode = null;
		Thread stop = new Thread(stopping::close);
		stop.setDaemon(true);
		stop.start();

		assertThat(ended.get(10, java.util.concurrent.TimeUnit.SECONDS)).as("the stream ended cleanly, not cut").isTrue();
		stop.join(Duration.ofSeconds(60).toMillis());
		// the page opens again on the node still running, with its latest messages
		assertThat(http.getForEntity("/chat/" + token, String.class).getStatusCode().is2xxSuccessful()).isTrue();
	}

	@Test
	void aMessageTheOtherNodeSentReachesThePageOpenOnThisOne() throws Exception {
		startTheSecondNode();
		String phone = "+12025550777";
		String token = http.withBasicAuth("coach", "sim-pass-2030")
			.postForEntity("/api/web-chat/links", Map.of("phone", phone), JsonNode.class)
			.getBody()
			.get("token")
			.asText();
		List<String> stream = new CopyOnWriteArrayList<>();
		HttpResponse<java.io.InputStream> page = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/chat/" + token + "/events")).build(),
					HttpResponse.BodyHandlers.ofInputStream());
		assertThat(page.statusCode()).isEqualTo(200);
		Thread reader = new Thread(() -> {
			try (BufferedReader lines = new BufferedReader(new InputStreamReader(page.body(), StandardCharsets.UTF_8))) {
				lines.lines().forEach(stream::add);
			}
			catch (Exception closed) {
				// the test ended the stream
			}
		});
		reader.setDaemon(true);
		reader.start();
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> stream.contains(":connected"));

			// written on the second node, and sent there at once (its first attempt is its own)
			SendResult sent = secondNode.bean(Messenger.class)
				.send(new OutboundMessage(phone, "Written on the other node", Purpose.REPLY, "other-node"));
			assertThat(sent.outcome()).as("the second node sent it itself, on its first attempt").isEqualTo(SendResult.Outcome.SENT);
			MessageRecord record = messages.findById(sent.messageId()).orElseThrow();
			assertThat(record.channel).isEqualTo(ChannelKind.WEB);

			await().atMost(Duration.ofSeconds(15))
				.untilAsserted(() -> assertThat(stream).anyMatch(line -> line.startsWith("data:")
						&& line.contains("Written on the other node") && line.contains(record.providerId)));
			await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
				.until(() -> stream.stream().filter(line -> line.contains("Written on the other node")).count() == 1);
		}
		finally {
			reader.interrupt();
			page.body().close();
		}
	}
}
