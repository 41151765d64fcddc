package org.reconnect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reconnect.messaging.TwilioTestSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bad input at scale: thousands of random and malformed requests to the Twilio webhooks and the
 * coach API (random and mutated bodies, huge fields, wrong encodings and content types, signature
 * games). The service never answers 5xx, and a request it refuses leaves nothing behind: no
 * document added or removed in any collection, and the participant it aimed at unchanged.
 *
 * <p>Reproducible: the seed is printed; {@code -Dfuzz.seed=...} replays a run, and
 * {@code -Dfuzz.requests=20000} makes a longer one (the suite makes 1,500).
 */
class FuzzIntegrationTests extends LoopTestSupport {

	private static final Logger log = LoggerFactory.getLogger(FuzzIntegrationTests.class);

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final String STATUS_WEBHOOK = "/webhooks/twilio/status";

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	org.springframework.security.crypto.password.PasswordEncoder encoder;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private Random random;

	private String participantId;

	private String participantPhone;

	private String token;

	@Test
	void noRequestGetsA5xxAndARefusedOneStoresNothing() throws Exception {
		long seed = Long.getLong("fuzz.seed", System.nanoTime());
		int requests = Integer.getInteger("fuzz.requests", 1500);
		random = new Random(seed);
		log.info("Fuzz run: seed {} ({} requests); replay with -Dfuzz.seed={}", seed, requests, seed);
		participantPhone = "+12025557" + String.format("%03d", random.nextInt(1000));
		participantId = enrol("Fuzz Target", participantPhone, "America/New_York", "13:40");
		// A token rather than a password: a password is checked with bcrypt, slow by design, on every request.
		token = coach().postForObject("/api/tokens", Map.of("coach", "coach", "name", "fuzz run",
				"expiresAt", START.plus(Duration.ofDays(30)).toString()), JsonNode.class).get("secret").asText();

		Map<Integer, Integer> statuses = new TreeMap<>();
		List<String> failures = new ArrayList<>();
		for (int i = 0; i < requests && failures.size() < 10; i++) {
			Attempt attempt = nextAttempt();
			Map<String, Long> countsBefore = counts();
			String targetBefore = target();
			HttpResponse<String> response;
			try {
				response = client.send(attempt.request(), HttpResponse.BodyHandlers.ofString());
			}
			catch (java.io.IOException ex) {
				// The server may close the connection on a body it will not read (too large); that is a refusal too.
				statuses.merge(0, 1, Integer::sum);
				assertNothingStored(attempt, countsBefore, targetBefore, failures);
				continue;
			}
			int status = response.statusCode();
			statuses.merge(status, 1, Integer::sum);
			if (status >= 500) {
				failures.add(status + " for " + attempt.describe() + ": " + abbreviate(response.body()));
			}
			else if (status >= 400) {
				assertNothingStored(attempt, countsBefore, targetBefore, failures);
				if (status == 400 && attempt.path().startsWith("/api/")
						&& !response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
					failures.add("400 without problem details for " + attempt.describe() + ": " + abbreviate(response.body()));
				}
			}
		}
		log.info("Fuzz run: seed {}, answers by status (0 = connection closed by the server): {}", seed, statuses);
		assertThat(failures).as("seed %d; answers %s", seed, statuses).isEmpty();
		assertThat(statuses.keySet()).as("the run reached refusals and acceptances").contains(200, 400, 403);
	}

	/** What the fuzz run found once, kept as fixed cases: each got a 500 or an HTML page before. */
	@Test
	void malformedAddressesAndBodiesGetProblemDetails() throws Exception {
		String id = enrol("Fixed Fuzz", "+12025557999", "America/New_York", "13:50");
		token = coach().postForObject("/api/tokens", Map.of("coach", "coach", "name", "fixed fuzz cases",
				"expiresAt", START.plus(Duration.ofDays(30)).toString()), JsonNode.class).get("secret").asText();
		Attempt.base = "http://localhost:" + port;
		Map<String, String> auth = Map.of("Authorization", "Bearer " + token);
		byte[] json = "{\"start\":\"21:00\",\"end\":\"08:00\"}".getBytes(StandardCharsets.UTF_8);
		for (String path : List.of("/api/participants/%00/quiet-hours", "/api/participants/a%5Cb/quiet-hours",
				"/api/participants/a%2Fb/quiet-hours", "/api/participants/%25/quiet-hours")) {
			HttpResponse<String> response = client.send(
					new Attempt("PUT", path, "application/json", json, auth, "fixed").request(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(path).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(
					type -> assertThat(type).startsWith("application/problem+json"));
			assertThat(response.body()).as(path).contains("\"detail\"");
		}
		HttpResponse<String> form = client.send(new Attempt("PUT", "/api/participants/" + id + "/quiet-hours",
				"application/x-www-form-urlencoded", "start=%ZZ&end=%E0%A4%A".getBytes(StandardCharsets.US_ASCII), auth,
				"fixed").request(), HttpResponse.BodyHandlers.ofString());
		assertThat(form.statusCode()).isEqualTo(415);
	}

	/**
	 * Tomcat 11 throws on a form it cannot decode, and the exception quotes the parameters: a
	 * webhook with a broken escape in its Body gets a 400 problem, and neither the sender's number
	 * nor the text reaches the log. A form over the size limit still gets 413.
	 */
	@Test
	void anUndecodableWebhookFormIsRefusedWithoutLoggingItsParameters(CapturedOutput output) throws Exception {
		Attempt.base = "http://localhost:" + port;
		String from = "+12025557996";
		String text = "I feel awful about tonight";
		Map<String, String> form = new LinkedHashMap<>(Map.of("From", from, "To", FROM, "MessageSid",
				"SM0123456789abcdef0123456789abcdef", "Body", text));
		String body = new String(formBytes(form), StandardCharsets.US_ASCII) + "%E0%A4%A&%ZZ=%";
		HttpResponse<String> response = client.send(new Attempt("POST", WEBHOOK, "application/x-www-form-urlencoded",
				body.getBytes(StandardCharsets.US_ASCII),
				Map.of("X-Twilio-Signature", TwilioTestSigner.sign(TOKEN, PUBLIC_URL + WEBHOOK, form)), "undecodable")
			.request(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"detail\"").doesNotContain("awful");
		assertThat(output.getAll()).doesNotContain("2025557996", "feel awful", "%E0%A4%A");
		// in the reader's language, as the browser asks for it
		HttpResponse<String> spanish = client.send(new Attempt("POST", WEBHOOK, "application/x-www-form-urlencoded",
				body.getBytes(StandardCharsets.US_ASCII),
				Map.of("X-Twilio-Signature", TwilioTestSigner.sign(TOKEN, PUBLIC_URL + WEBHOOK, form), "Accept-Language", "es"),
				"undecodable, in Spanish").request(), HttpResponse.BodyHandlers.ofString());
		assertThat(spanish.statusCode()).isEqualTo(400);
		assertThat(spanish.body()).contains("No se pudo leer el formulario").doesNotContain("could not be read");

		String huge = "From=" + URLEncoder.encode(from, StandardCharsets.UTF_8) + "&Body=" + "a".repeat(2 * 1024 * 1024 + 16);
		HttpResponse<String> tooLarge = client.send(new Attempt("POST", WEBHOOK, "application/x-www-form-urlencoded",
				huge.getBytes(StandardCharsets.US_ASCII),
				Map.of("X-Twilio-Signature", TwilioTestSigner.sign(TOKEN, PUBLIC_URL + WEBHOOK, form)), "too large")
			.request(), HttpResponse.BodyHandlers.ofString());
		assertThat(tooLarge.statusCode()).isEqualTo(413);
		assertThat(tooLarge.body()).contains("The form is larger than the server accepts");
		assertThat(output.getAll()).doesNotContain("2025557996");
	}

	/**
	 * What an attacker once got a 500 for (issue #17, F6), each now a 4xx: a problem detail from the
	 * API, the console's error page from a page. Concurrent requests must not turn into 500s either.
	 */
	@Test
	void whatOnceAnswered500IsRefusedWith4xx() throws Exception {
		Attempt.base = "http://localhost:" + port;
		String id = enrol("Former Five Hundred", "+12025557998", "America/New_York", "09:55");
		token = coach().postForObject("/api/tokens", Map.of("coach", "coach", "name", "former 500s",
				"expiresAt", START.plus(Duration.ofDays(30)).toString()), JsonNode.class).get("secret").asText();
		Map<String, String> auth = Map.of("Authorization", "Bearer " + token);
		// bcrypt hashes at most 72 bytes and Spring Security refuses to hash more: 40 x "é" is 80 bytes
		String longPassword = "é".repeat(40);

		List<String> failed = new ArrayList<>();
		check(failed, "a password over 72 bytes for a new coach", () -> assertProblem(json("POST", "/api/coaches",
				"{\"username\":\"long.password\",\"password\":\"" + longPassword + "\",\"role\":\"COACH\"}", auth), 400,
				"password", "72 bytes"));
		TestCoaches.ensure(mongo, encoder, "fuzz.signin", "a-fine-password-1");
		check(failed, "HTTP Basic with a password over 72 bytes", () -> assertThat(client.send(HttpRequest
			.newBuilder(URI.create(Attempt.base + "/api/participants"))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString(("fuzz.signin:" + longPassword).getBytes(StandardCharsets.UTF_8)))
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401));
		check(failed, "the sign-in form with a password over 72 bytes", () -> {
			HttpResponse<String> signIn = new ConsoleSession(port).signIn("fuzz.signin", longPassword);
			assertThat(signIn.statusCode()).isEqualTo(302);
			assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).contains("/login?error"));
		});

		check(failed, "a reminder in year +999999999", () -> assertProblem(json("POST", "/api/participants/" + id
				+ "/reminders", "{\"title\":\"Far meeting\",\"start\":\"+999999999-01-01T10:00\"}", auth), 400, "start", "years"));
		check(failed, "a weekly reminder from year +999999999", () -> assertProblem(json("POST", "/api/participants/" + id
				+ "/reminders", "{\"title\":\"Far\",\"start\":\"+999999999-01-01T10:00\",\"rule\":\"FREQ=WEEKLY\"}", auth), 400,
				"start", "years"));
		check(failed, "a null ladder step", () -> assertProblem(json("PUT", "/api/participants/" + id + "/ladder", "[null]", auth),
				400, "steps[0]", "step"));

		check(failed, "concurrent check-ins", () -> assertThat(together(8, () -> json("POST", "/api/participants/" + id
				+ "/check-ins", "", auth))).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isLessThan(500)));
		String until = "{\"until\":\"" + START.plus(Duration.ofDays(2)) + "\"}";
		check(failed, "concurrent pauses", () -> assertThat(together(8, () -> json("POST", "/api/participants/" + id + "/pause",
				until, auth))).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isEqualTo(200)));
		json("POST", "/api/participants/" + id + "/resume", "", auth);

		ConsoleSession signedIn = new ConsoleSession(port);
		assertThat(signedIn.signIn("coach", "test-pass-2030").statusCode()).isEqualTo(302);
		String csrf = signedIn.token("/participants/" + id);
		for (String tampered : List.of(csrf.substring(1), csrf + "A", "%%%", "", "é", new StringBuilder(csrf).reverse().toString(),
				Base64.getUrlEncoder().encodeToString(new byte[3]))) {
			check(failed, "a console form with the CSRF token '" + tampered + "'", () -> assertThat(signedIn.post("/participants/"
					+ id + "/pause", tampered, Map.of("until", "2030-03-10T09:00")).statusCode()).isEqualTo(403));
		}
		for (String back : List.of("/alerts\r\nSet-Cookie: planted=1", "/alerts\nX-Injected: 1", "/participants/" + id + "\r")) {
			check(failed, "back=" + back.replace("\r", "\\r").replace("\n", "\\n"), () -> {
				HttpResponse<String> post = signedIn.post("/alerts/" + id + "/acknowledge", csrf, Map.of("back", back));
				assertThat(post.statusCode()).isEqualTo(400);
				assertThat(post.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
				assertThat(post.body()).contains("back");
				assertThat(post.headers().map()).doesNotContainKeys("x-injected", "X-Injected");
				assertThat(post.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.contains("planted"));
			});
		}
		assertThat(failed).isEmpty();
	}

	interface Case {
		void run() throws Exception;
	}

	/** Runs one case, noting its failure, so one run shows every case that fails. */
	private static void check(List<String> failed, String name, Case body) throws Exception {
		try {
			body.run();
		}
		catch (AssertionError ex) {
			failed.add(name + ": " + abbreviate(ex.getMessage()));
		}
	}

	private HttpResponse<String> json(String method, String path, String body, Map<String, String> headers) {
		try {
			return client.send(new Attempt(method, path, "application/json", body.getBytes(StandardCharsets.UTF_8), headers,
					"fixed").request(), HttpResponse.BodyHandlers.ofString());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void assertProblem(HttpResponse<String> response, int status, String field, String saying)
			throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		JsonNode errors = JSON.readTree(response.body()).path("errors");
		assertThat(errors.findValuesAsString("field")).as(response.body()).contains(field);
		assertThat(response.body()).contains(saying);
	}

	/** The same request from {@code count} threads at once. */
	private static List<HttpResponse<String>> together(int count, Supplier<HttpResponse<String>> request) throws Exception {
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(count);
		try {
			java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(1);
			List<java.util.concurrent.Future<HttpResponse<String>>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				futures.add(pool.submit(() -> {
					ready.await();
					return request.get();
				}));
			}
			ready.countDown();
			List<HttpResponse<String>> responses = new ArrayList<>();
			for (java.util.concurrent.Future<HttpResponse<String>> future : futures) {
				responses.add(future.get(60, java.util.concurrent.TimeUnit.SECONDS));
			}
			return responses;
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * Erases every participant the run enrolled (all on its own 555-7/8/9 numbers), with their
	 * conversations, allies and reminders, so nothing of it fires or expires in the tests that share
	 * this application after it.
	 */
	@AfterEach
	void eraseWhatTheRunEnrolled() {
		JsonNode everyone = coach().getForObject("/api/participants", JsonNode.class);
		for (JsonNode participant : everyone) {
			if (participant.path("phone").asText().matches("\\+12025557\\d{3}|\\+12025558\\d{3}|\\+12025559\\d{3}")) {
				coach().delete("/api/participants/" + participant.path("id").asText());
			}
		}
	}

	private void assertNothingStored(Attempt attempt, Map<String, Long> before, String targetBefore, List<String> failures) {
		Map<String, Long> after = counts();
		if (!after.equals(before)) {
			failures.add("refused " + attempt.describe() + " changed the stored counts " + before + " -> " + after);
		}
		if (!target().equals(targetBefore)) {
			failures.add("refused " + attempt.describe() + " changed the participant it aimed at");
		}
	}

	/** How many documents each collection holds (the sign-in audit records every API call, so it is left out). */
	private Map<String, Long> counts() {
		Map<String, Long> counts = new TreeMap<>();
		for (String name : mongo.getCollectionNames()) {
			if (!name.equals("sign_ins") && !name.startsWith("system.")) {
				counts.put(name, mongo.getCollection(name).estimatedDocumentCount());
			}
		}
		return counts;
	}

	/** Everything stored about the participant the API requests aim at. */
	private String target() {
		Document participant = mongo.getCollection("participants").find(new Document("_id", participantId)).first();
		List<Document> reminders = mongo.getCollection("reminders").find(new Document("participantId", participantId))
			.into(new ArrayList<>());
		return String.valueOf(participant) + reminders;
	}

	// --- what to send ---

	private record Attempt(String method, String path, String contentType, byte[] body, Map<String, String> headers,
			String kind) {

		HttpRequest request() {
			HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
				.timeout(Duration.ofSeconds(30))
				.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
			if (contentType != null) {
				builder.header("Content-Type", contentType);
			}
			headers.forEach(builder::header);
			return builder.build();
		}

		String describe() {
			return kind + " " + method + " " + path + " (" + contentType + ", " + body.length + " bytes)";
		}

		private static String base = "";
	}

	private Attempt nextAttempt() {
		Attempt.base = "http://localhost:" + port;
		int pick = random.nextInt(100);
		if (pick < 35) {
			return webhook(WEBHOOK, this::inboundParams);
		}
		if (pick < 45) {
			return webhook(STATUS_WEBHOOK, this::statusParams);
		}
		return api();
	}

	private Map<String, String> inboundParams() {
		Map<String, String> params = smsParams(pick(participantPhone, "+12025557" + digits(3), "whatsapp:" + participantPhone,
				randomText(), "", "+1", "+999999999999999999999"), randomBody());
		mutateParams(params);
		return params;
	}

	private Map<String, String> statusParams() {
		Map<String, String> params = new LinkedHashMap<>();
		params.put("MessageSid", pick("SM" + digits(32), randomText(), ""));
		params.put("MessageStatus", pick("queued", "sent", "delivered", "undelivered", "failed", randomText(), ""));
		if (random.nextBoolean()) {
			params.put("ErrorCode", pick("21610", "21211", "30003", randomText(), "-1", "99999999999999999999"));
		}
		mutateParams(params);
		return params;
	}

	private void mutateParams(Map<String, String> params) {
		int mutations = random.nextInt(3);
		List<String> names = new ArrayList<>(params.keySet());
		for (int i = 0; i < mutations; i++) {
			String name = names.get(random.nextInt(names.size()));
			switch (random.nextInt(4)) {
				case 0 -> params.remove(name);
				case 1 -> params.put(name, randomText());
				case 2 -> params.put(name, huge());
				default -> params.put(randomText(), randomText());
			}
		}
	}

	private Attempt webhook(String path, Supplier<Map<String, String>> params) {
		Map<String, String> form = params.get();
		String kind;
		Map<String, String> headers = new LinkedHashMap<>();
		byte[] body = formBytes(form);
		String contentType = "application/x-www-form-urlencoded";
		switch (random.nextInt(8)) {
			case 0 -> kind = "unsigned webhook";
			case 1 -> {
				kind = "webhook signed for other parameters";
				Map<String, String> other = new LinkedHashMap<>(form);
				other.put("Body", "something else");
				headers.put("X-Twilio-Signature", TwilioTestSigner.sign(TOKEN, PUBLIC_URL + path, other));
			}
			case 2 -> {
				kind = "webhook signed for another URL";
				headers.put("X-Twilio-Signature", TwilioTestSigner.sign(TOKEN, "https://evil.example.org" + path, form));
			}
			case 3 -> {
				kind = "webhook with a garbage signature";
				headers.put("X-Twilio-Signature", pick(Base64.getEncoder().encodeToString(bytes(random.nextInt(64))),
						"", "=", "x".repeat(random.nextInt(8000)), asciiText()));
			}
			case 4 -> {
				kind = "signed webhook with a malformed body";
				body = malformed(body);
				headers.put("X-Twilio-Signature", TwilioTestSigner.sign(TOKEN, PUBLIC_URL + path, form));
			}
			case 5 -> {
				kind = "signed webhook with another content type";
				contentType = pick(null, "application/json", "text/plain", "multipart/form-data; boundary=x",
						"application/x-www-form-urlencoded; charset=ISO-8859-1", "application/x-www-form-urlencoded; charset=nope");
				headers.put("X-Twilio-Signature", TwilioTestSigner.sign(TOKEN, PUBLIC_URL + path, form));
			}
			default -> {
				kind = "signed webhook";
				headers.put("X-Twilio-Signature", TwilioTestSigner.sign(TOKEN, PUBLIC_URL + path, form));
			}
		}
		return new Attempt("POST", path, contentType, body, headers, kind);
	}

	private Attempt api() {
		String id = random.nextInt(10) == 0 ? pick(randomText(), "nope", "..%2f..", "%00") : participantId;
		String encodedId = URLEncoder.encode(id, StandardCharsets.UTF_8);
		JsonNode valid;
		String method = "POST";
		String path;
		switch (random.nextInt(9)) {
			case 0 -> {
				path = "/api/participants";
				valid = object("name", "Fuzz Person", "phone", "+12025558" + digits(3), "timeZone", "America/New_York",
						"checkInTime", "09:00", "language", "en");
			}
			case 1, 2 -> {
				path = "/api/participants/" + encodedId + "/reminders";
				// now and then a start or a rule that once got a 500, or was taken as something else
				ObjectNode reminder = object("title", "Group meeting", "place", "Hall", "timeZone", "America/New_York",
						"start", pick("2031-04-01T19:00", "2031-04-01T19:00", "+999999999-12-31T23:59", "-999999999-01-01T00:00"),
						"rule", pick("FREQ=WEEKLY;BYDAY=TU,TH;COUNT=5", "FREQ=WEEKLY;BYDAY=TU,TH;COUNT=5", "FREQ=DAILY;COUNT=0",
								"FREQ=DAILY;FREQ=WEEKLY", "FREQ=WEEKLY;INTERVAL=-5"));
				ArrayNode leads = reminder.putArray("leads");
				leads.add(object("before", "PT1H"));
				leads.add(NODES.objectNode().put("daysBefore", 1).put("at", "18:00"));
				valid = reminder;
			}
			case 3 -> {
				method = "PUT";
				path = "/api/participants/" + encodedId + "/quiet-hours";
				valid = object("start", "21:00", "end", "08:00");
			}
			case 4 -> {
				method = "PUT";
				path = "/api/participants/" + encodedId + "/responsiveness";
				valid = object("gracePeriod", "PT2H").put("missedToQuiet", 2).put("anyMessageCounts", true);
			}
			case 5 -> {
				path = "/api/participants/" + encodedId + "/allies";
				ObjectNode ally = object("name", "Sam", "phone", "+12025559" + digits(3), "timeZone", "America/New_York",
						"language", "en", "why", "my sister");
				ally.putArray("kinds").add("MISSED_CHECK_INS");
				valid = ally;
			}
			case 6 -> {
				method = "PUT";
				path = "/api/participants/" + encodedId + "/ladder";
				ArrayNode steps = NODES.arrayNode();
				steps.add(object("name", "nudge", "delay", "PT2H", "audience", "PARTICIPANT", "message", "Thinking of you"));
				if (random.nextInt(4) == 0) {
					steps.addNull();
				}
				valid = steps;
			}
			case 7 -> {
				method = "PUT";
				path = "/api/participants/" + encodedId + "/channel";
				valid = object("channel", pick("SMS", "WHATSAPP", "WEB_CHAT")).put("smsFallback", true);
			}
			default -> {
				path = "/api/participants/" + encodedId + "/pause";
				valid = object("until", "2031-01-01T00:00:00Z");
			}
		}
		JsonNode body = mutate(valid.deepCopy(), 1 + random.nextInt(3));
		byte[] bytes = bytes(body);
		String kind = "mutated JSON";
		String contentType = "application/json";
		switch (random.nextInt(10)) {
			case 0 -> {
				kind = "malformed JSON";
				bytes = malformed(bytes);
			}
			case 1 -> {
				kind = "JSON under another content type";
				contentType = pick(null, "text/plain", "application/x-www-form-urlencoded", "application/xml",
						"application/json; charset=ISO-8859-1", "application/json; charset=nope");
			}
			case 2 -> {
				kind = "deeply nested JSON";
				bytes = ("{\"name\":" + "[".repeat(3000) + "]".repeat(3000) + "}").getBytes(StandardCharsets.UTF_8);
			}
			default -> {
			}
		}
		Map<String, String> headers = Map.of("Authorization", "Bearer " + token);
		return new Attempt(method, path, contentType, bytes, headers, kind);
	}

	/** Removes, nulls, retypes, enlarges or adds fields, or replaces the whole body. */
	private JsonNode mutate(JsonNode body, int times) {
		if (random.nextInt(12) == 0) {
			return randomJson(3);
		}
		for (int i = 0; i < times; i++) {
			ObjectNode target = body instanceof ArrayNode array && !array.isEmpty() && array.get(0) instanceof ObjectNode first
					? first : body instanceof ObjectNode object ? object : null;
			if (target == null) {
				return body;
			}
			List<String> names = new ArrayList<>();
			names.addAll(target.propertyNames());
			String name = names.isEmpty() ? randomText() : names.get(random.nextInt(names.size()));
			switch (random.nextInt(6)) {
				case 0 -> target.remove(name);
				case 1 -> target.putNull(name);
				case 2 -> target.set(name, randomJson(2));
				case 3 -> target.put(name, huge());
				case 4 -> target.put(name, randomText());
				default -> target.set(randomText(), randomJson(1));
			}
		}
		return body;
	}

	private JsonNode randomJson(int depth) {
		switch (random.nextInt(depth <= 0 ? 6 : 8)) {
			case 0:
				return NODES.nullNode();
			case 1:
				return NODES.booleanNode(random.nextBoolean());
			case 2:
				return NODES.numberNode(pick(0L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, (long) random.nextInt()));
			case 3:
				return NODES.numberNode(pick(1e308, -0.0, 3.5, Double.MIN_VALUE));
			case 4:
				return NODES.numberNode(new java.math.BigInteger("9".repeat(1 + random.nextInt(400))));
			case 5:
				return NODES.textNode(randomText());
			case 6: {
				ArrayNode array = NODES.arrayNode();
				for (int i = random.nextInt(4); i > 0; i--) {
					array.add(randomJson(depth - 1));
				}
				return array;
			}
			default: {
				ObjectNode object = NODES.objectNode();
				for (int i = random.nextInt(4); i > 0; i--) {
					object.set(randomText(), randomJson(depth - 1));
				}
				return object;
			}
		}
	}

	private String randomBody() {
		return pick("1", "5", "yes", "no", "STOP", "START", "HELP", "👍", "no más mensajes", "NEXT", randomText(), huge(), "");
	}

	/** Short text of every awkward kind: control characters, surrogates, right-to-left, markup, operators. */
	private String randomText() {
		String[] pieces = { "a", "Ñ", "ß", "\u0000", "\u202e", "\ud83d\ude00", "\ud800", "<script>", "$where", "$gt", ".", "%",
				"%ZZ", "%FF", "'", "\"", "\\", "\n", "\r\n", " ", "0", "+", "=", "&", "{", "}", "null", "𝔘" };
		StringBuilder text = new StringBuilder();
		for (int i = random.nextInt(12); i > 0; i--) {
			text.append(pieces[random.nextInt(pieces.length)]);
		}
		return text.toString();
	}

	/** Printable ASCII only, as an HTTP header value must be. */
	private String asciiText() {
		StringBuilder text = new StringBuilder();
		for (int i = random.nextInt(40); i > 0; i--) {
			text.append((char) (' ' + random.nextInt(95)));
		}
		return text.toString();
	}

	/** A field from ten kilobytes to three megabytes (the form limit is two), the largest seldom. */
	private String huge() {
		int size = random.nextInt(20) == 0 ? 3_000_000 : pick(10_000, 100_000, 1_000_000);
		return "x".repeat(size);
	}

	/** Cut short, with invalid UTF-8 or broken escapes put in. */
	private byte[] malformed(byte[] body) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int cut = body.length == 0 ? 0 : random.nextInt(body.length);
		switch (random.nextInt(4)) {
			case 0 -> out.write(body, 0, cut);
			case 1 -> {
				out.write(body, 0, cut);
				out.writeBytes(new byte[] { (byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE });
				out.write(body, cut, body.length - cut);
			}
			case 2 -> {
				out.write(body, 0, cut);
				out.writeBytes("%E0%A4%A&%=%%%".getBytes(StandardCharsets.US_ASCII));
				out.write(body, cut, body.length - cut);
			}
			default -> out.writeBytes(bytes(random.nextInt(2000)));
		}
		return out.toByteArray();
	}

	private byte[] formBytes(Map<String, String> form) {
		StringBuilder body = new StringBuilder();
		form.forEach((name, value) -> {
			if (body.length() > 0) {
				body.append('&');
			}
			body.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
				.append(URLEncoder.encode(value, StandardCharsets.UTF_8));
		});
		return body.toString().getBytes(StandardCharsets.US_ASCII);
	}

	private static byte[] bytes(JsonNode node) {
		try {
			return JSON.writeValueAsBytes(node);
		}
		catch (tools.jackson.core.JacksonException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private byte[] bytes(int length) {
		byte[] bytes = new byte[length];
		random.nextBytes(bytes);
		return bytes;
	}

	private static ObjectNode object(String... pairs) {
		ObjectNode object = NODES.objectNode();
		for (int i = 0; i < pairs.length; i += 2) {
			object.put(pairs[i], pairs[i + 1]);
		}
		return object;
	}

	private String digits(int count) {
		StringBuilder digits = new StringBuilder();
		for (int i = 0; i < count; i++) {
			digits.append(random.nextInt(10));
		}
		return digits.toString();
	}

	@SafeVarargs
	private <T> T pick(T... choices) {
		return choices[random.nextInt(choices.length)];
	}

	private static String abbreviate(String text) {
		return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
	}
}
