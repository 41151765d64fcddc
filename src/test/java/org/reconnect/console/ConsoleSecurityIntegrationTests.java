package org.reconnect.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.reconnect.SimulatorAppTestBase;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The console's sign-in, session and browser protections, from the outside. */
class ConsoleSecurityIntegrationTests extends SimulatorAppTestBase {

	@LocalServerPort
	int port;

	@Test
	void anonymousPageRequestGoesToTheSignInPage() {
		HttpResponse<String> response = new Browser(port).get("/");
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
	}

	@Test
	void anHtmxRequestWithoutASessionIsToldToLoadTheSignInPage() {
		Browser browser = new Browser(port);
		HttpResponse<String> response = browser.send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://localhost:" + port + "/caseload"))
			.header("HX-Request", "true")
			.build());
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("HX-Redirect")).hasValue("/login");
	}

	@Test
	void anonymousApiRequestGetsAProblemNotARedirect() {
		HttpResponse<String> response = new Browser(port).get("/api/participants");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"status\":401", "Bearer");
	}

	@Test
	void signInChangesTheSessionIdAndLandsOnTheConsole() {
		Browser browser = new Browser(port);
		browser.get("/login");
		String before = browser.sessionId();
		assertThat(before).as("the sign-in page starts a session for its CSRF token").isNotNull();

		HttpResponse<String> signedIn = browser.signIn("coach", "sim-pass-2030");

		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/"));
		assertThat(browser.sessionId()).isNotNull().isNotEqualTo(before);
		assertThat(signedIn.headers().allValues("Set-Cookie"))
			.anySatisfy(c -> assertThat(c).startsWith("SESSION=").contains("HttpOnly", "SameSite=Lax"));
		assertThat(browser.get("/").statusCode()).isEqualTo(200);
	}

	@Test
	void aFormPostWithoutTheCsrfTokenIsRefused() {
		Browser browser = new Browser(port);
		browser.get("/login");
		HttpResponse<String> response = browser.postForm("/login", Map.of("username", "coach", "password", "sim-pass-2030"));
		assertThat(response.statusCode()).isEqualTo(403);
	}

	@Test
	void signOutEndsTheSession() {
		Browser browser = new Browser(port);
		browser.signIn("coach", "sim-pass-2030");
		HttpResponse<String> out = browser.submit("/login", "/logout", Map.of());
		assertThat(out.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?logout"));
		assertThat(browser.get("/").statusCode()).isEqualTo(302);
	}

	@Test
	void pagesCarryTheSecurityHeaders() {
		HttpResponse<String> page = new Browser(port).get("/login");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Security-Policy"))
			.hasValue(SecurityConfiguration.CONTENT_SECURITY_POLICY);
		assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
		assertThat(page.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
				h -> assertThat(h).contains("max-age="));
		assertThat(page.body()).contains("<html lang=\"en\"", "<label for=\"username\">", "<label for=\"password\">")
			.doesNotContain("<style", "style=", "onclick=");
	}
}
