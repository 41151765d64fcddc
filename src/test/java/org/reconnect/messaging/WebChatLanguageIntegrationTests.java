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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reconnect.MutableClock;
import org.reconnect.SimulatorAppTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A participant's web chat in their own language, as a transcript would show it: the page (its
 * {@code lang}, title, labels and status words) and every message that arrives on it (the HELP
 * reply, the check-in and its answers), in Spanish for a participant who reads Spanish and in
 * English for one who reads English, whatever the browser prefers. The transcript player plays
 * SMS only, so the page and its event stream are read here the way the page's script reads them.
 */
class WebChatLanguageIntegrationTests extends SimulatorAppTestBase {

	@LocalServerPort
	int port;

	@Autowired
	TestRestTemplate http;

	@Autowired
	MutableClock clock;

	private final List<Runnable> closing = new ArrayList<>();

	@AfterEach
	void closeStreams() {
		closing.forEach(Runnable::run);
		clock.set(START);
	}

	@Test
	void aSpanishParticipantsChatIsInSpanish() throws Exception {
		Chat chat = open("Sofía Ramos", "+12025550963", "es", "en-US,en;q=0.9");

		assertThat(chat.page()).contains("<html lang=\"es\"", "<title>Tu chat de check-in</title>",
				"<h1>Tu chat de check-in</h1>", ">Conectando…</p>", "data-connected=\"Conectado. Los mensajes aparecen aquí.\"",
				">Tu mensaje</label>", ">Enviar</button>", "aria-label=\"Mensajes\"");
		assertThat(chat.page()).doesNotContain("Your check-in chat", "Send", "Connecting");

		chat.write("AYUDA");
		chat.expect("Reconnect: check-ins de tu equipo de apoyo, más o menos un check-in al día, y los recordatorios "
				+ "que aceptaste. Para hablar con una persona, llama o escribe a tu coach. Pueden aplicar tarifas de "
				+ "mensajes y datos. Escribe PARAR para dejar de recibirlos.");
		chat.checkIn();
		chat.expect("Hola Sofía, es hora de tu check-in. ¿Cómo te sientes hoy, del 1 (mal) al 5 (genial)?");
		chat.write("4");
		chat.expect("Gracias. ¿Has tenido antojos hoy? (sí/no)");
		chat.write("no");
		chat.expect("¿Con quién conectaste hoy? Una llamada, un mensaje o una reunión cuentan.");
	}

	@Test
	void anEnglishParticipantsChatIsInEnglish() throws Exception {
		Chat chat = open("Sam Rivera", "+12025550964", "en", "es-ES,es;q=0.9");

		assertThat(chat.page()).contains("<html lang=\"en\"", "<title>Your check-in chat</title>",
				"<h1>Your check-in chat</h1>", ">Connecting…</p>", "data-connected=\"Connected. Messages appear here.\"",
				">Your message</label>", ">Send</button>", "aria-label=\"Messages\"");

		chat.write("HELP");
		chat.expect("Reconnect: check-ins from your support team, about one check-in a day, plus reminders you agreed "
				+ "to. To reach a person, call or text your coach. Msg & data rates may apply. Text STOP to stop.");
		chat.checkIn();
		chat.expect("Hi Sam, it's check-in time. How are you feeling today, from 1 (low) to 5 (great)?");
		chat.write("4");
		chat.expect("Thank you. Any cravings today? (yes/no)");
		chat.write("no");
		chat.expect("Who did you connect with today? A call, a text or a meeting all count.");
	}

	/** Enrols the participant, makes their link, opens the page as a browser preferring {@code browser}, and its stream. */
	private Chat open(String name, String phone, String language, String browser) throws Exception {
		clock.set(START);
		TestRestTemplate coach = http.withBasicAuth("coach", "sim-pass-2030");
		ResponseEntity<JsonNode> enrolled = coach.postForEntity("/api/participants", Map.of("name", name, "phone", phone,
				"timeZone", "America/New_York", "checkInTime", "12:40", "language", language), JsonNode.class);
		assertThat(enrolled.getStatusCode()).as(String.valueOf(enrolled.getBody())).isEqualTo(HttpStatus.CREATED);
		String id = enrolled.getBody().get("id").asText();
		String token = coach.postForEntity("/api/web-chat/links", Map.of("phone", phone), JsonNode.class)
			.getBody()
			.get("token")
			.asText();

		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.ACCEPT_LANGUAGE, browser);
		ResponseEntity<String> page = http.exchange("/chat/" + token, HttpMethod.GET, new HttpEntity<>(headers),
				String.class);
		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);

		List<String> stream = new CopyOnWriteArrayList<>();
		HttpResponse<java.io.InputStream> events = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/chat/" + token + "/events")).build(),
					HttpResponse.BodyHandlers.ofInputStream());
		assertThat(events.statusCode()).isEqualTo(200);
		Thread reader = new Thread(() -> {
			try (BufferedReader lines = new BufferedReader(new InputStreamReader(events.body(), StandardCharsets.UTF_8))) {
				lines.lines().forEach(stream::add);
			}
			catch (Exception closed) {
				// the test ended the stream
			}
		});
		reader.setDaemon(true);
		reader.start();
		closing.add(() -> {
			reader.interrupt();
			try {
				events.body().close();
			}
			catch (java.io.IOException ignored) {
				// already closed
			}
		});
		await().atMost(Duration.ofSeconds(10)).until(() -> stream.contains(":connected"));
		return new Chat(token, id, page.getBody(), stream, coach);
	}

	/** The open page: what it shows, and the messages its stream has brought, read in order. */
	private final class Chat {

		private final String token;
		private final String participant;
		private final String page;
		private final List<String> stream;
		private final TestRestTemplate coach;
		private int read;

		Chat(String token, String participant, String page, List<String> stream, TestRestTemplate coach) {
			this.token = token;
			this.participant = participant;
			this.page = page;
			this.stream = stream;
			this.coach = coach;
		}

		String page() {
			return page;
		}

		/** What the person types into the page and sends. */
		void write(String body) {
			assertThat(http.postForEntity("/chat/" + token + "/messages", Map.of("body", body), Void.class).getStatusCode())
				.isEqualTo(HttpStatus.ACCEPTED);
		}

		void checkIn() {
			assertThat(coach.postForEntity("/api/participants/" + participant + "/check-ins", null, JsonNode.class)
				.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		}

		/** The next message on the page is exactly this one. */
		void expect(String text) {
			await().atMost(Duration.ofSeconds(15)).until(() -> bodies().size() > read);
			assertThat(bodies().get(read)).isEqualTo(text);
			read++;
		}

		private List<String> bodies() {
			return stream.stream()
				.filter(line -> line.startsWith("data:"))
				.map(line -> JsonMapper.builder().build().readTree(line.substring("data:".length())).get("body").asText())
				.toList();
		}
	}
}
