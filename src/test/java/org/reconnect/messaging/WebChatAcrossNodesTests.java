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

import org.junit.jupiter.api.Test;
import org.reconnect.MutableClock;
import org.reconnect.SimulatorAppTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.resttestclient.TestRestTemplate;

import tools.jackson.databind.JsonNode;

/**
 * With two nodes behind the proxy, a web chat page keeps its stream open to one of them while the
 * message to it may be sent by the other. Here this test's application is the node holding the
 * page, and the message is written to the shared outbox exactly as the other node's dispatcher
 * records a web chat send: the page shows it without being reopened (before, only a reload did).
 */
class WebChatAcrossNodesTests extends SimulatorAppTestBase {

	@LocalServerPort
	int port;

	@Autowired
	TestRestTemplate http;

	@Autowired
	Messages messages;

	@Autowired
	MutableClock clock;

	@Test
	void aMessageTheOtherNodeSentReachesThePageOpenOnThisOne() throws Exception {
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

			MessageRecord fromOtherNode = MessageRecord.of(new OutboundMessage(phone, "Sent by the other node",
					Purpose.REPLY, "other-node"), MessageRecord.Status.SENT, clock.instant().plusSeconds(1));
			fromOtherNode.channel = ChannelKind.WEB;
			fromOtherNode.providerId = "WEB0123456789abcdef";
			fromOtherNode.sentAt = clock.instant().plusSeconds(1);
			messages.save(fromOtherNode);

			await().atMost(Duration.ofSeconds(15))
				.untilAsserted(() -> assertThat(stream).anyMatch(line -> line.startsWith("data:")
						&& line.contains("Sent by the other node") && line.contains("WEB0123456789abcdef")));
			await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
				.until(() -> stream.stream().filter(line -> line.contains("Sent by the other node")).count() == 1);
		}
		finally {
			reader.interrupt();
			page.body().close();
		}
	}
}
