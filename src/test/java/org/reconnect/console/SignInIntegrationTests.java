package org.reconnect.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reconnect.MutableClock;
import org.reconnect.SimulatorAppTestBase;
import org.reconnect.coaches.CoachAccounts;
import org.reconnect.coaches.Role;
import org.reconnect.participants.EnrolParticipant;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Sign-in as a coach meets it: the lockout after repeated failures (form and HTTP Basic), the
 * sign-in audit, passkeys, and the caseload rule the console's pages rely on.
 */
class SignInIntegrationTests extends SimulatorAppTestBase {

	static final String PASSWORD = "correct horse battery";

	@LocalServerPort
	int port;

	@Autowired
	TestRestTemplate http;

	@Autowired
	MutableClock clock;

	@Autowired
	CoachAccounts accounts;

	@Autowired
	PasskeyStore passkeys;

	@Autowired
	Caseload caseload;

	@Autowired
	ParticipantService participants;

	@Autowired
	ObjectMapper json;

	@AfterEach
	void restoreClock() {
		clock.set(START);
	}

	@Test
	void fiveFailedSignInsLockTheUsernameForFifteenMinutes() {
		coach("fay");
		Browser browser = new Browser(port);
		for (int i = 0; i < 5; i++) {
			assertThat(location(browser.signIn("fay", "wrong password " + i))).endsWith("/login?error");
		}
		// now even the right password is refused, with a message that does not say whether fay exists
		assertThat(location(browser.signIn("fay", PASSWORD))).endsWith("/login?locked");
		assertThat(browser.get("/login?locked").body()).contains("Too many failed sign-ins for this username");
		assertThat(basic("fay", PASSWORD).getForEntity("/api/participants", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);

		clock.advance(Duration.ofMinutes(14));
		assertThat(location(browser.signIn("fay", PASSWORD))).endsWith("/login?locked");

		clock.advance(Duration.ofMinutes(1));
		assertThat(location(browser.signIn("fay", PASSWORD))).doesNotContain("/login");
	}

	@Test
	void httpBasicCountsTowardsTheSameLockout() {
		coach("gus");
		for (int i = 0; i < 5; i++) {
			assertThat(basic("gus", "nope").getForEntity("/api/participants", String.class).getStatusCode())
				.isEqualTo(HttpStatus.UNAUTHORIZED);
		}
		assertThat(basic("gus", PASSWORD).getForEntity("/api/participants", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(location(new Browser(port).signIn("gus", PASSWORD))).endsWith("/login?locked");

		clock.advance(Duration.ofMinutes(15));
		assertThat(basic("gus", PASSWORD).getForEntity("/api/participants", String.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
	}

	@Test
	void simultaneousWrongPasswordsAllCountAndLockTheUsername() throws Exception {
		coach("lock.zed");
		// 21 at once, each on its own connection (a pooled client would send five at a time), and not a
		// multiple of five: a count that lost failures, or restarted at each lock, would end unlocked
		int attempts = 21;
		ExecutorService pool = Executors.newFixedThreadPool(attempts);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < attempts; i++) {
				String guess = "wrong guess " + i;
				answers.add(pool.submit(() -> {
					HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/participants"))
						.header("Authorization", "Basic " + Base64.getEncoder()
							.encodeToString(("lock.zed:" + guess).getBytes(StandardCharsets.UTF_8)))
						.build();
					HttpClient client = HttpClient.newHttpClient();
					start.await();
					return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
				}));
			}
			start.countDown();
			for (Future<Integer> answer : answers) {
				assertThat(answer.get(120, TimeUnit.SECONDS)).isEqualTo(401);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(basic("lock.zed", PASSWORD).getForEntity("/api/participants", String.class).getStatusCode())
			.as("every failure counted: the right password is refused while locked").isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(location(new Browser(port).signIn("lock.zed", PASSWORD))).endsWith("/login?locked");
	}

	@Test
	void failuresSpreadOverMoreThanFifteenMinutesDoNotLock() {
		coach("hal");
		Browser browser = new Browser(port);
		for (int i = 0; i < 4; i++) {
			browser.signIn("hal", "wrong");
		}
		clock.advance(Duration.ofMinutes(16));
		browser.signIn("hal", "wrong");
		assertThat(location(browser.signIn("hal", PASSWORD))).doesNotContain("/login");
	}

	@Test
	void anUnknownUsernameLooksLikeAWrongPasswordAndLocksTheSameWay() {
		Browser browser = new Browser(port);
		for (int i = 0; i < 5; i++) {
			assertThat(location(browser.signIn("nobody-by-this-name", "whatever"))).endsWith("/login?error");
		}
		assertThat(location(browser.signIn("nobody-by-this-name", "whatever"))).endsWith("/login?locked");
	}

	@Test
	void everySignInAttemptIsAuditedForSupervisors() {
		coach("ida");
		Browser browser = new Browser(port);
		browser.signIn("ida", "wrong");
		clock.advance(Duration.ofSeconds(1));
		browser.signIn("ida", PASSWORD);
		clock.advance(Duration.ofSeconds(1));
		basic("ida", PASSWORD).getForEntity("/api/participants", String.class);

		JsonNode audit = basic("coach", "sim-pass-2030").getForObject("/api/sign-ins?username=ida", JsonNode.class);
		assertThat(audit).hasSize(3);
		assertThat(audit.findValuesAsString("outcome")).containsExactly("SUCCESS", "SUCCESS", "FAILURE");
		assertThat(audit.findValuesAsString("method")).containsExactly("BASIC", "PASSWORD", "PASSWORD");
		assertThat(audit.findValuesAsString("address")).containsOnly("127.0.0.0");
		assertThat(audit.findValuesAsString("at")).containsExactly(START.plusSeconds(2).toString(),
				START.plusSeconds(1).toString(), START.toString());
		assertThat(basic("ida", PASSWORD).getForEntity("/api/sign-ins", String.class).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void addressesAreTruncated() {
		assertThat(SignInAudit.truncate("203.0.113.57")).isEqualTo("203.0.113.0");
		assertThat(SignInAudit.truncate("2001:db8:85a3:8d3:1319:8a2e:370:7348")).isEqualTo("2001:db8:85a3::");
		assertThat(SignInAudit.truncate("0:0:0:0:0:0:0:1")).isEqualTo("0:0:0::");
	}

	// --- passkeys

	@Test
	void anyoneMayAskForPasskeySignInOptionsForThisSite() throws Exception {
		Browser browser = new Browser(port);
		HttpResponse<String> options = postJson(browser, "/login", "/webauthn/authenticate/options");
		assertThat(options.statusCode()).isEqualTo(200);
		JsonNode body = json.readTree(options.body());
		assertThat(body.get("rpId").asText()).isEqualTo("localhost");
		assertThat(body.get("challenge").asText()).isNotBlank();
	}

	@Test
	void aSignedInCoachGetsRegistrationOptionsAndIsKeptAsAPasskeyUser() throws Exception {
		coach("jo");
		Browser browser = new Browser(port);
		browser.signIn("jo", PASSWORD);
		HttpResponse<String> options = postJson(browser, "/passkeys", "/webauthn/register/options");
		assertThat(options.statusCode()).isEqualTo(200);
		JsonNode body = json.readTree(options.body());
		assertThat(body.at("/rp/id").asText()).isEqualTo("localhost");
		assertThat(body.at("/user/name").asText()).isEqualTo("jo");

		PublicKeyCredentialUserEntity user = passkeys.findByUsername("jo");
		assertThat(user).isNotNull();
		assertThat(user.getId().toBase64UrlString()).isEqualTo(body.at("/user/id").asText());
	}

	@Test
	void registrationOptionsNeedASignedInCoach() {
		Browser browser = new Browser(port);
		HttpResponse<String> options = postJson(browser, "/login", "/webauthn/register/options");
		// Spring Security's options filter answers 400 when nobody is signed in
		assertThat(options.statusCode()).isBetween(400, 403);
		assertThat(options.body()).doesNotContain("challenge");
	}

	@Test
	void passkeysAreStoredAndReadBackWhole() {
		Bytes userId = Bytes.random();
		Bytes credentialId = Bytes.random();
		CredentialRecord record = ImmutableCredentialRecord.builder()
			.credentialType(PublicKeyCredentialType.PUBLIC_KEY)
			.credentialId(credentialId)
			.userEntityUserId(userId)
			.publicKey(new ImmutablePublicKeyCose(new byte[] { 1, 2, 3, 4 }))
			.signatureCount(7)
			.uvInitialized(true)
			.transports(Set.of(AuthenticatorTransport.INTERNAL, AuthenticatorTransport.HYBRID))
			.backupEligible(true)
			.backupState(false)
			.attestationObject(new Bytes(new byte[] { 9 }))
			.attestationClientDataJSON(new Bytes(new byte[] { 8 }))
			.label("Work phone")
			.created(START)
			.lastUsed(START.plusSeconds(60))
			.build();
		passkeys.save(record);

		CredentialRecord read = passkeys.findByCredentialId(credentialId);
		assertThat(read).usingRecursiveComparison().isEqualTo(record);
		assertThat(passkeys.findByUserId(userId)).hasSize(1);

		passkeys.delete(credentialId);
		assertThat(passkeys.findByCredentialId(credentialId)).isNull();
	}

	@Test
	void thePasskeyPageListsTheCoachsPasskeysAndNeedsSignIn() {
		coach("kim");
		Browser browser = new Browser(port);
		assertThat(location(browser.get("/passkeys"))).endsWith("/login");

		browser.signIn("kim", PASSWORD);
		postJson(browser, "/passkeys", "/webauthn/register/options");
		Bytes userId = passkeys.findByUsername("kim").getId();
		passkeys.save(ImmutableCredentialRecord.builder()
			.credentialType(PublicKeyCredentialType.PUBLIC_KEY)
			.credentialId(Bytes.random())
			.userEntityUserId(userId)
			.publicKey(new ImmutablePublicKeyCose(new byte[] { 1 }))
			.label("Kim's laptop")
			.created(START)
			.lastUsed(START)
			.build());

		HttpResponse<String> page = browser.get("/passkeys");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Kim&#39;s laptop", "<h1>Your passkeys</h1>", "/js/passkeys.js")
			.doesNotContain("<style", "style=\"", "onclick");
	}

	@Test
	void aPasskeyThatIsNotRecognisedIsRefusedAndAudited() {
		Browser browser = new Browser(port);
		HttpResponse<String> refused = postJson(browser, "/login", "/login/webauthn",
				"{\"id\":\"AAAA\",\"rawId\":\"AAAA\",\"response\":{\"authenticatorData\":\"AAAA\",\"clientDataJSON\":\"AAAA\",\"signature\":\"AAAA\"},\"credType\":\"public-key\",\"clientExtensionResults\":{}}");
		assertThat(refused.statusCode()).isEqualTo(401);

		JsonNode audit = basic("coach", "sim-pass-2030").getForObject("/api/sign-ins?username=(passkey)", JsonNode.class);
		assertThat(audit.findValuesAsString("method")).contains("PASSKEY");
		assertThat(audit.findValuesAsString("outcome")).contains("FAILURE");
	}

	// --- the rule the console's pages use

	@Test
	void theCaseloadHidesAnotherCoachsParticipantFromACoachButNotFromASupervisor() {
		ParticipantProfile bens = participants.enrol(
				new EnrolParticipant("Lu", "+1 202 555 0786", "America/New_York", "10:19", null), "ben-pages");
		Authentication ana = who("ana-pages", Role.COACH);
		Authentication ben = who("ben-pages", Role.COACH);
		Authentication supervisor = who("sue", Role.SUPERVISOR);

		assertThatThrownBy(() -> caseload.require(bens.id(), ana)).isInstanceOf(ParticipantNotFound.class);
		assertThat(caseload.require(bens.id(), ben).id()).isEqualTo(bens.id());
		assertThat(caseload.require(bens.id().value(), supervisor).id()).isEqualTo(bens.id());
		assertThat(caseload.visibleTo(ana)).extracting(ParticipantProfile::id).doesNotContain(bens.id());
		assertThat(caseload.visibleTo(ben)).extracting(ParticipantProfile::id).containsExactly(bens.id());
		assertThat(caseload.visibleTo(supervisor)).extracting(ParticipantProfile::id).contains(bens.id());
	}

	// --- helpers

	private void coach(String username) {
		accounts.create(new CoachAccounts.NewCoach(username, PASSWORD, null, "COACH"));
	}

	private TestRestTemplate basic(String username, String password) {
		return http.withBasicAuth(username, password);
	}

	private static Authentication who(String name, Role role) {
		return UsernamePasswordAuthenticationToken.authenticated(name, null, List.of(new SimpleGrantedAuthority(role.authority())));
	}

	private static String location(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(302);
		return response.headers().firstValue("Location").orElseThrow();
	}

	private HttpResponse<String> postJson(Browser browser, String tokenFrom, String path) {
		return postJson(browser, tokenFrom, path, null);
	}

	/** A same-origin fetch() as passkeys.js makes it: JSON, with the CSRF header from the page. */
	private HttpResponse<String> postJson(Browser browser, String tokenFrom, String path, String body) {
		HttpResponse<String> page = browser.get(tokenFrom);
		String token = page.statusCode() == 200 ? Browser.csrfToken(page.body()) : "none";
		return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.header("X-CSRF-TOKEN", token)
			.POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
			.build());
	}
}
