package org.reconnect.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reconnect.MutableClock;
import org.reconnect.SimulatorAppTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.JsonNode;

/**
 * Who may do what through the API: a coach works on their own caseload only (someone else's
 * participant is 404 for reading, changing, exporting and erasing alike), a supervisor on every
 * caseload and the coach accounts; API tokens are issued, used, revoked and expire.
 */
class ApiAccessIntegrationTests extends SimulatorAppTestBase {

	static final String PASSWORD = "correct horse battery";

	@Autowired
	TestRestTemplate http;

	@Autowired
	MutableClock clock;

	@LocalServerPort
	int port;

	@BeforeEach
	void accounts() {
		clock.set(START);
		ensureCoach("ana", "COACH");
		ensureCoach("ben", "COACH");
	}

	@Test
	void aCoachCannotSeeChangeExportOrEraseAnotherCoachsParticipant() {
		String bens = enrol(as("ben"), "Bo", "+1 202 555 0781");
		TestRestTemplate ana = as("ana");

		assertThat(ana.getForEntity("/api/participants/" + bens, JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(ana.getForEntity("/api/participants/" + bens + "/export", JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(ana.postForEntity("/api/participants/" + bens + "/pause",
				Map.of("until", START.plus(Duration.ofDays(2)).toString()), JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(ana.postForEntity("/api/participants/" + bens + "/reminders",
				Map.of("title", "Group", "start", "2030-03-12T19:00"), JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(ana.getForEntity("/api/participants/" + bens + "/reminders", JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(ana.postForEntity("/api/participants/" + bens + "/acknowledgements", null, JsonNode.class)
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		ResponseEntity<JsonNode> erase = ana.exchange("/api/participants/" + bens, HttpMethod.DELETE, null, JsonNode.class);
		assertThat(erase.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(erase.getBody().get("detail").asText()).contains("in your caseload");

		// the same answer as an id that does not exist, so ids cannot be probed
		assertThat(ana.getForEntity("/api/participants/no-such-id", JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		// and Bo is still there for Ben
		assertThat(as("ben").getForEntity("/api/participants/" + bens, JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
	}

	@Test
	void aCoachsListsShowOnlyTheirOwnParticipants() {
		String anas = enrol(as("ana"), "Ada", "+1 202 555 0782");
		String bens = enrol(as("ben"), "Bea", "+1 202 555 0783");

		assertThat(as("ana").getForObject("/api/participants", JsonNode.class).findValuesAsString("id")).contains(anas)
			.doesNotContain(bens);
		assertThat(as("ben").getForObject("/api/participants", JsonNode.class).findValuesAsString("id")).contains(bens)
			.doesNotContain(anas);
		assertThat(as("ana").getForObject("/api/attention", JsonNode.class).findValuesAsString("participantId"))
			.doesNotContain(bens);
	}

	@Test
	void enrollingANumberFromAnotherCaseloadGetsTheSameNeutralAnswerAsAnyNumberTheCoachMayNotEnrol() {
		String bens = enrol(as("ben"), "Gil Moss", "+1 202 555 0891");
		// a number that texted STOP, in nobody's caseload
		assertThat(supervisor().postForEntity("/api/simulator/inbound", Map.of("from", "+12025550892", "body", "STOP"),
				JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
		int everyone = supervisor().getForObject("/api/participants", JsonNode.class).size();

		ResponseEntity<JsonNode> elsewhere = enrolling(as("ana"), "+1 202 555 0891");
		ResponseEntity<JsonNode> optedOut = enrolling(as("ana"), "+1 202 555 0892");

		assertThat(elsewhere.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(elsewhere.getBody()).as("one answer for both: nothing tells another caseload apart")
			.isEqualTo(optedOut.getBody());
		assertThat(elsewhere.getHeaders().getContentType()).isEqualTo(optedOut.getHeaders().getContentType());
		assertThat(elsewhere.getBody().get("errors").findValuesAsString("field")).containsExactly("phone");
		assertThat(elsewhere.getBody().toString()).contains("ask a supervisor")
			.doesNotContainIgnoringCase("enrolled in")
			.doesNotContainIgnoringCase("already")
			.doesNotContain("Gil", "ben", bens);
		assertThat(supervisor().getForObject("/api/participants", JsonNode.class).size()).as("nothing stored")
			.isEqualTo(everyone);
		// the console's enrolment form says the same
		Browser ana = new Browser(port);
		ana.signIn("ana", PASSWORD);
		String page = ana.submit("/participants/new", "/participants/new", Map.of("name", "Gil", "phone",
				"+1 202 555 0891", "timeZone", "America/New_York", "checkInTime", "09:00", "language", "en")).body();
		assertThat(page).contains("cannot be enrolled from your account: check the number with the person; if it is right, "
				+ "ask a supervisor to enrol them").doesNotContainIgnoringCase("already enrolled");

		// the participant's own coach and a supervisor see the duplicate, with whom it is
		ResponseEntity<JsonNode> own = enrolling(as("ben"), "+1 202 555 0891");
		assertThat(own.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(own.getBody().get("participantId").asText()).isEqualTo(bens);
		ResponseEntity<JsonNode> supervisors = enrolling(supervisor(), "+1 202 555 0891");
		assertThat(supervisors.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(supervisors.getBody().get("detail").asText()).contains("already enrolled");
		assertThat(supervisors.getBody().get("participantId").asText()).isEqualTo(bens);
		assertThat(supervisors.getBody().get("coach").asText()).isEqualTo("ben");
	}

	@Test
	void aSupervisorSeesAndWorksOnEveryCaseload() {
		String bens = enrol(as("ben"), "Cy", "+1 202 555 0784");
		TestRestTemplate supervisor = supervisor();

		assertThat(supervisor.getForObject("/api/participants", JsonNode.class).findValuesAsString("id")).contains(bens);
		assertThat(supervisor.getForEntity("/api/participants/" + bens + "/export", JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(supervisor.exchange("/api/participants/" + bens, HttpMethod.DELETE, null, Void.class).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
	}

	@Test
	void onlyASupervisorManagesCoachAccounts() {
		assertThat(as("ana").getForEntity("/api/coaches", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(as("ana").postForEntity("/api/coaches", Map.of("username", "eve", "password", PASSWORD), JsonNode.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(as("ana").getForEntity("/api/sign-ins", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		// message logs and web chat links go by phone number or message id, across caseloads
		assertThat(as("ana").getForEntity("/api/messages/flagged-numbers", JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(as("ana").postForEntity("/api/web-chat/links", Map.of("phone", "+1 202 555 0787"), JsonNode.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

		JsonNode coaches = supervisor().getForObject("/api/coaches", JsonNode.class);
		assertThat(coaches.findValuesAsString("username")).contains("coach", "ana", "ben");
		assertThat(coaches.toString()).doesNotContain("passwordHash", "{bcrypt}");
	}

	@Test
	void aNewCoachNeedsAValidUsernameAndALongEnoughPassword() {
		ResponseEntity<JsonNode> bad = supervisor().postForEntity("/api/coaches",
				Map.of("username", "No Spaces!", "password", "short", "role", "BOSS"), JsonNode.class);
		assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(bad.getBody().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("username", "password",
				"role");
		assertThat(bad.getBody().toString()).contains("at least 12 characters");
	}

	@Test
	void aSupervisorMayGiveANewCoachTheNameParticipantsReadChecked() {
		ResponseEntity<JsonNode> named = supervisor().postForEntity("/api/coaches", Map.of("username", "dana.api",
				"password", "a-fine-password-2030", "displayName", " Dana R. "), JsonNode.class);
		assertThat(named.getStatusCode()).as(String.valueOf(named.getBody())).isEqualTo(HttpStatus.CREATED);
		assertThat(named.getBody().get("displayName").asString()).isEqualTo("Dana R.");

		for (String refused : new String[] { "  ", "D".repeat(41), "Dana\u0000" }) {
			ResponseEntity<JsonNode> bad = supervisor().postForEntity("/api/coaches", Map.of("username", "dana.bad",
					"password", "a-fine-password-2030", "displayName", refused), JsonNode.class);
			assertThat(bad.getStatusCode()).as(refused).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(bad.getBody().get("errors").findValuesAsString("field")).as(refused).containsExactly("displayName");
		}
		assertThat(supervisor().getForObject("/api/coaches", JsonNode.class).findValuesAsString("username"))
			.as("nothing was stored").doesNotContain("dana.bad");
	}

	@Test
	void aPasswordIsLongNotBlankNotTheUsernameAndNotACommonOne() {
		assertRefusedPassword("pw.one", "            ", "blank");
		assertRefusedPassword("pw.two", " \t  \u00a0    \t  ", "blank");
		assertRefusedPassword("pw.three", "eleven char", "at least 12 characters");
		assertRefusedPassword("pw.sam.rivera", "PW.Sam.Rivera", "must not be the username");
		assertRefusedPassword("pw.four", "password1234", "too easy to guess");
		assertRefusedPassword("pw.five", "qwertyuiop123", "too easy to guess");
		assertRefusedPassword("pw.six", "iloveyou1234", "too easy to guess");
		assertRefusedPassword("pw.seven", "aaaaaaaaaaaaaaaa", "too easy to guess");
		assertThat(supervisor().getForObject("/api/coaches", JsonNode.class).findValuesAsString("username"))
			.as("nothing was stored").noneMatch(name -> name.startsWith("pw."));

		// the same rule for a changed password
		ensureCoach("pw.ok", "COACH");
		ResponseEntity<JsonNode> changed = supervisor().exchange("/api/coaches/pw.ok/password", HttpMethod.PUT,
				new HttpEntity<>(Map.of("password", "password1234")), JsonNode.class);
		assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(changed.getBody().get("errors").findValuesAsString("field")).containsExactly("password");
		assertThat(as("pw.ok").getForEntity("/api/participants", JsonNode.class).getStatusCode())
			.as("the old password still holds").isEqualTo(HttpStatus.OK);
	}

	@Test
	void aDisabledCoachCanNoLongerSignInOrUseTheirTokens() {
		ensureCoach("dee", "COACH");
		String token = issueToken("dee", START.plus(Duration.ofDays(30)));
		assertThat(bearer(token).getForEntity("/api/participants", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);

		ResponseEntity<JsonNode> disabled = supervisor().postForEntity("/api/coaches/dee/disable", null, JsonNode.class);
		assertThat(disabled.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(disabled.getBody().get("enabled").asBoolean()).isFalse();

		assertThat(as("dee").getForEntity("/api/participants", JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(bearer(token).getForEntity("/api/participants", JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void anIssuedTokenActsAsItsCoachUntilRevoked() {
		String bens = enrol(as("ben"), "Di", "+1 202 555 0785");
		ResponseEntity<JsonNode> issued = supervisor().postForEntity("/api/tokens",
				Map.of("coach", "ana", "name", "reporting script", "expiresAt", START.plus(Duration.ofDays(30)).toString()),
				JsonNode.class);
		assertThat(issued.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String secret = issued.getBody().get("secret").asText();
		String id = issued.getBody().at("/token/id").asText();

		// the token is Ana: her caseload, not Ben's, and no supervisor powers
		assertThat(bearer(secret).getForEntity("/api/participants", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(bearer(secret).getForEntity("/api/participants/" + bens, JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(bearer(secret).getForEntity("/api/tokens", JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);

		// listed without the secret, which is kept only as a hash
		JsonNode listed = supervisor().getForObject("/api/tokens", JsonNode.class);
		assertThat(listed.findValuesAsString("id")).contains(id);
		assertThat(listed.toString()).doesNotContain(secret).doesNotContain(ApiTokenService.hash(secret));

		assertThat(supervisor().exchange("/api/tokens/" + id, HttpMethod.DELETE, null, Void.class).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
		ResponseEntity<JsonNode> revoked = bearer(secret).getForEntity("/api/participants", JsonNode.class);
		assertThat(revoked.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(revoked.getHeaders().getContentType()).hasToString("application/problem+json");
	}

	@Test
	void aTokenStopsWorkingWhenItExpires() {
		String secret = issueToken("ana", START.plus(Duration.ofHours(1)));
		assertThat(bearer(secret).getForEntity("/api/participants", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
		clock.advance(Duration.ofHours(1));
		assertThat(bearer(secret).getForEntity("/api/participants", JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void anUnknownTokenGetsA401Problem() {
		ResponseEntity<JsonNode> response = bearer("rct_not-a-real-token").getForEntity("/api/participants", JsonNode.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(response.getBody().get("title").asText()).isEqualTo("Sign-in required");
	}

	@Test
	void aTokenMustNameACoachAndExpireWithinAYear() {
		ResponseEntity<JsonNode> response = supervisor().postForEntity("/api/tokens",
				Map.of("coach", "ana", "name", "forever", "expiresAt", START.plus(Duration.ofDays(400)).toString()),
				JsonNode.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody().get("errors").findValuesAsString("field")).containsExactly("expiresAt");
	}

	@Test
	void theOpenApiDescriptionDeclaresTheBearerScheme() {
		JsonNode docs = http.getForObject("/v3/api-docs", JsonNode.class);
		assertThat(docs.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
		assertThat(docs.at("/paths").has("/api/participants/{id}/export")).isTrue();
		assertThat(docs.at("/paths").has("/api/tokens")).isTrue();
		assertThat(http.getForEntity("/swagger-ui/index.html", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	// --- helpers

	private TestRestTemplate supervisor() {
		return http.withBasicAuth("coach", "sim-pass-2030");
	}

	private TestRestTemplate as(String coach) {
		return http.withBasicAuth(coach, PASSWORD);
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

	private void ensureCoach(String username, String role) {
		ResponseEntity<JsonNode> response = supervisor().postForEntity("/api/coaches",
				Map.of("username", username, "password", PASSWORD, "role", role), JsonNode.class);
		// 409: an earlier test of this context made it already
		assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isIn(201, 409);
	}

	private void assertRefusedPassword(String username, String password, String rule) {
		ResponseEntity<JsonNode> refused = supervisor().postForEntity("/api/coaches",
				Map.of("username", username, "password", password, "role", "COACH"), JsonNode.class);
		assertThat(refused.getStatusCode()).as(password).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
		assertThat(refused.getBody().get("errors").findValuesAsString("field")).as(password).containsExactly("password");
		assertThat(refused.getBody().get("errors").findValuesAsString("message")).as(password)
			.singleElement(InstanceOfAssertFactories.STRING).contains(rule);
	}

	private String issueToken(String coach, Instant expiresAt) {
		ResponseEntity<JsonNode> issued = supervisor().postForEntity("/api/tokens",
				Map.of("coach", coach, "name", "test", "expiresAt", expiresAt.toString()), JsonNode.class);
		assertThat(issued.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		return issued.getBody().get("secret").asText();
	}

	private static ResponseEntity<JsonNode> enrolling(TestRestTemplate coach, String phone) {
		return coach.postForEntity("/api/participants",
				Map.of("name", "Gil", "phone", phone, "timeZone", "America/New_York", "checkInTime", "10:17"), JsonNode.class);
	}

	private static String enrol(TestRestTemplate coach, String name, String phone) {
		ResponseEntity<JsonNode> response = coach.postForEntity("/api/participants",
				Map.of("name", name, "phone", phone, "timeZone", "America/New_York", "checkInTime", "10:17"), JsonNode.class);
		assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
		return response.getBody().get("id").asText();
	}
}
