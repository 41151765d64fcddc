package org.reconnect.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reconnect.MutableClock;
import org.reconnect.SimulatorAppTestBase;
import org.reconnect.TestCoaches;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;

import tools.jackson.databind.JsonNode;

/**
 * A coach's console sessions end at once when a supervisor disables the account or changes its role
 * or password (no 8 hours of grace), and their API tokens stop working with them.
 */
class CoachSessionsIntegrationTests extends SimulatorAppTestBase {

	static final String PASSWORD = "correct horse battery";

	@LocalServerPort
	int port;

	@Autowired
	TestRestTemplate http;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	MutableClock clock;

	@Autowired
	PasswordEncoder encoder;

	@BeforeEach
	void testTime() {
		clock.set(START);
	}

	@Test
	void disablingACoachEndsTheirOpenSessionAtOnce() {
		createCoach("sess.hal", "COACH");
		Browser hal = signedIn("sess.hal", PASSWORD);
		assertThat(hal.get("/").statusCode()).isEqualTo(200);
		String enrolToken = Browser.csrfToken(hal.get("/participants/new").body());

		assertThat(supervisor().postForEntity("/api/coaches/sess.hal/disable", null, JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);

		assertSignedOut(hal);
		HttpResponse<String> enrol = hal.postForm("/participants/new", Map.of("_csrf", enrolToken, "name", "Hal's Pat",
				"phone", "+1 202 555 0871", "timeZone", "America/New_York", "checkInTime", "09:00", "language", "en"));
		assertThat(enrol.statusCode()).as("no enrolment on the ended session").isIn(302, 403);
		assertThat(enrol.headers().firstValue("Location").orElse("/login")).endsWith("/login");
		assertThat(supervisor().getForObject("/api/participants", JsonNode.class).findValuesAsString("phone"))
			.doesNotContain("+12025550871");
	}

	@Test
	void changingACoachsRoleEndsTheirSessionsAndRevokesTheirTokens() {
		createCoach("sess.ike", "COACH");
		Browser ike = signedIn("sess.ike", PASSWORD);
		String token = issueToken("sess.ike");

		ResponseEntity<JsonNode> changed = supervisor().exchange("/api/coaches/sess.ike/role", HttpMethod.PUT,
				new HttpEntity<>(Map.of("role", "SUPERVISOR")), JsonNode.class);
		assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(changed.getBody().get("role").asText()).isEqualTo("SUPERVISOR");

		assertSignedOut(ike);
		assertThat(bearer(token).getForEntity("/api/coaches", JsonNode.class).getStatusCode())
			.as("a coach's token gains no supervisor powers").isEqualTo(HttpStatus.UNAUTHORIZED);
		// signing in again gives the new role
		Browser again = signedIn("sess.ike", PASSWORD);
		assertThat(again.get("/").statusCode()).isEqualTo(200);
		assertThat(http.withBasicAuth("sess.ike", PASSWORD).getForEntity("/api/coaches", JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
	}

	@Test
	void changingACoachsPasswordEndsTheirSessionsAndRevokesTheirTokens() {
		createCoach("sess.joy", "COACH");
		Browser joy = signedIn("sess.joy", PASSWORD);
		String token = issueToken("sess.joy");

		ResponseEntity<JsonNode> changed = supervisor().exchange("/api/coaches/sess.joy/password", HttpMethod.PUT,
				new HttpEntity<>(Map.of("password", "a quite different passphrase")), JsonNode.class);
		assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(changed.getBody().toString()).doesNotContain("passwordHash", "quite different");

		assertSignedOut(joy);
		assertThat(bearer(token).getForEntity("/api/participants", JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(http.withBasicAuth("sess.joy", PASSWORD).getForEntity("/api/participants", JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(http.withBasicAuth("sess.joy", "a quite different passphrase")
			.getForEntity("/api/participants", JsonNode.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void aChangeWrittenByAnyNodeEndsTheSessionHere() {
		// what another node's supervisor request writes: only the stored account, nothing in this node's memory
		createCoach("sess.kai", "COACH");
		Browser kai = signedIn("sess.kai", PASSWORD);
		assertThat(kai.get("/").statusCode()).isEqualTo(200);
		mongo.getCollection("coaches")
			.updateOne(new Document("_id", "sess.kai"), new Document("$inc", new Document("credentialsVersion", 1)));
		assertSignedOut(kai);
	}

	@Test
	void anAccountStoredBeforeCredentialsHadVersionsSignsInAndIsSignedOutByAChange() {
		TestCoaches.ensure(mongo, encoder, "sess.old", PASSWORD);
		Browser old = signedIn("sess.old", PASSWORD);
		assertThat(old.get("/").statusCode()).isEqualTo(200);
		assertThat(supervisor().getForObject("/api/coaches", JsonNode.class).findValuesAsString("username"))
			.contains("sess.old");
		assertThat(supervisor().postForEntity("/api/coaches/sess.old/disable", null, JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertSignedOut(old);
	}

	@Test
	void aSessionOfAnUnchangedCoachGoesOn() {
		createCoach("sess.lee", "COACH");
		Browser lee = signedIn("sess.lee", PASSWORD);
		createCoach("sess.lou", "COACH");
		supervisor().postForEntity("/api/coaches/sess.lou/disable", null, JsonNode.class);
		assertThat(lee.get("/").statusCode()).isEqualTo(200);
		assertThat(lee.get("/participants/new").statusCode()).isEqualTo(200);
	}

	@Test
	void aRoleOrPasswordChangeIsASupervisorsAndChecked() {
		createCoach("sess.max", "COACH");
		TestRestTemplate max = http.withBasicAuth("sess.max", PASSWORD);
		assertThat(max.exchange("/api/coaches/sess.max/role", HttpMethod.PUT, new HttpEntity<>(Map.of("role", "SUPERVISOR")),
				JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(max.exchange("/api/coaches/sess.max/password", HttpMethod.PUT,
				new HttpEntity<>(Map.of("password", "a quite different passphrase")), JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		ResponseEntity<JsonNode> badRole = supervisor().exchange("/api/coaches/sess.max/role", HttpMethod.PUT,
				new HttpEntity<>(Map.of("role", "BOSS")), JsonNode.class);
		assertThat(badRole.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(badRole.getBody().get("errors").findValuesAsString("field")).containsExactly("role");
		assertThat(supervisor().exchange("/api/coaches/coach/role", HttpMethod.PUT,
				new HttpEntity<>(Map.of("role", "COACH")), JsonNode.class).getStatusCode())
			.as("not one's own role").isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(supervisor().exchange("/api/coaches/nobody-here/password", HttpMethod.PUT,
				new HttpEntity<>(Map.of("password", "a quite different passphrase")), JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(max.getForEntity("/api/participants", JsonNode.class).getStatusCode())
			.as("refused changes change nothing").isEqualTo(HttpStatus.OK);
	}

	// --- helpers

	private void assertSignedOut(Browser browser) {
		HttpResponse<String> page = browser.get("/");
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
	}

	private Browser signedIn(String username, String password) {
		Browser browser = new Browser(port);
		HttpResponse<String> signIn = browser.signIn(username, password);
		assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
		return browser;
	}

	private TestRestTemplate supervisor() {
		return http.withBasicAuth("coach", "sim-pass-2030");
	}

	private void createCoach(String username, String role) {
		ResponseEntity<JsonNode> response = supervisor().postForEntity("/api/coaches",
				Map.of("username", username, "password", PASSWORD, "role", role), JsonNode.class);
		assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
	}

	private String issueToken(String coach) {
		ResponseEntity<JsonNode> issued = supervisor().postForEntity("/api/tokens",
				Map.of("coach", coach, "name", "test", "expiresAt", START.plus(Duration.ofDays(30)).toString()),
				JsonNode.class);
		assertThat(issued.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String secret = issued.getBody().get("secret").asText();
		assertThat(bearer(secret).getForEntity("/api/participants", JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		return secret;
	}

	private TestRestTemplate bearer(String token) {
		TestRestTemplate template = new TestRestTemplate();
		template.setUriTemplateHandler(http.getRestTemplate().getUriTemplateHandler());
		template.getRestTemplate().getInterceptors().add((request, body, execution) -> {
			request.getHeaders().setBearerAuth(token);
			return execution.execute(request, body);
		});
		return template;
	}
}
