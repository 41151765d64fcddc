package org.reconnect.console;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.reconnect.Chromium;
import org.reconnect.SimulatorAppTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * The same security headers (CSP, Referrer-Policy, HSTS, no framing, nosniff) on every surface the
 * service serves: console pages and their errors, the web chat page, calendar feeds, Swagger UI and
 * the OpenAPI description, the API and its errors, webhooks, the actuator, and the refusals that
 * happen before any of the application runs. And the pages with their CSP still work in a browser.
 */
class SecurityHeadersIntegrationTests extends SimulatorAppTestBase {

	static final String PARTICIPANT = "+12025550893";

	@LocalServerPort
	int port;

	@Autowired
	TestRestTemplate http;

	@Test
	void everySurfaceCarriesTheSecurityHeaders() {
		Browser anonymous = new Browser(port);
		Browser coach = new Browser(port);
		coach.signIn("coach", "sim-pass-2030");
		String id = participant();
		String feed = path(supervisor().postForObject("/api/participants/" + id + "/calendar-feed", null, JsonNode.class)
			.get("url").asText());
		String chat = path(supervisor().postForObject("/api/web-chat/links", Map.of("phone", PARTICIPANT), JsonNode.class)
			.get("url").asText());

		Map<String, HttpResponse<String>> surfaces = new LinkedHashMap<>();
		surfaces.put("sign-in page", anonymous.get("/login"));
		surfaces.put("console page", coach.get("/"));
		surfaces.put("console 404 page", coach.get("/participants/no-such-id"));
		surfaces.put("web chat page", anonymous.get(chat));
		surfaces.put("inactive web chat link", anonymous.get("/chat/not-a-token"));
		surfaces.put("calendar feed", anonymous.get(feed));
		surfaces.put("unknown calendar feed", anonymous.get("/calendar/not-a-token.ics"));
		surfaces.put("Swagger UI", anonymous.get("/swagger-ui/index.html"));
		surfaces.put("OpenAPI description", anonymous.get("/v3/api-docs"));
		surfaces.put("API", withBasic(coach, "/api/participants"));
		surfaces.put("API 401", anonymous.get("/api/participants"));
		surfaces.put("API 404", withBasic(coach, "/api/participants/no-such-id"));
		surfaces.put("webhook", anonymous.get("/webhooks/twilio/sms"));
		surfaces.put("actuator", anonymous.get("/actuator/health"));
		surfaces.put("error page", anonymous.get("/error"));
		surfaces.put("firewall refusal", anonymous.get("/api/participants/a;b"));
		surfaces.put("Tomcat's own refusal", anonymous.get("/api/participants/%00"));

		surfaces.forEach((surface, response) -> {
			assertThat(response.headers().firstValue("Content-Security-Policy")).as(surface)
				.hasValueSatisfying(csp -> assertThat(csp).contains("default-src", "frame-ancestors 'none'"));
			assertThat(response.headers().firstValue("Referrer-Policy")).as(surface)
				.hasValueSatisfying(policy -> assertThat(policy).isIn("no-referrer", "strict-origin-when-cross-origin"));
			assertThat(response.headers().firstValue("Strict-Transport-Security")).as(surface)
				.hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age="));
			assertThat(response.headers().firstValue("X-Frame-Options")).as(surface).hasValue("DENY");
			assertThat(response.headers().firstValue("X-Content-Type-Options")).as(surface).hasValue("nosniff");
		});
		assertThat(surfaces.get("web chat page").statusCode()).isEqualTo(200);
		assertThat(surfaces.get("calendar feed").statusCode()).isEqualTo(200);
		assertThat(surfaces.get("Swagger UI").statusCode()).isEqualTo(200);
		// the secrets in a chat link's or a feed's URL are never sent on as a referrer
		assertThat(surfaces.get("web chat page").headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
		assertThat(surfaces.get("calendar feed").headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
		// the pages' own policy, strict: no inline script or style anywhere but Swagger UI's logo (by its hash)
		for (String page : List.of("sign-in page", "console page", "web chat page", "API")) {
			assertThat(surfaces.get(page).headers().firstValue("Content-Security-Policy")).as(page)
				.hasValue(SecurityConfiguration.CONTENT_SECURITY_POLICY);
		}
		assertThat(surfaces.get("Swagger UI").headers().firstValue("Content-Security-Policy"))
			.hasValue(SecurityConfiguration.SWAGGER_UI_CSP);
		assertThat(SecurityConfiguration.SWAGGER_UI_CSP).doesNotContain("unsafe");
		assertThat(surfaces.get("web chat page").body()).doesNotContain("<style", "style=", "<script>");
	}

	@Test
	void theWebChatAndSwaggerUiWorkUnderTheirPolicyInABrowser() {
		participant();
		String chat = supervisor().postForObject("/api/web-chat/links", Map.of("phone", PARTICIPANT), JsonNode.class)
			.get("url").asText();
		WebDriver browser = chromium();
		try {
			browser.get("http://localhost:" + port + path(chat));
			new WebDriverWait(browser, Duration.ofSeconds(20))
				.until(page -> page.findElement(By.id("status")).getText().startsWith("Connected"));
			browser.get("http://localhost:" + port + "/swagger-ui/index.html");
			new WebDriverWait(browser, Duration.ofSeconds(30))
				.until(page -> !page.findElements(By.cssSelector(".opblock-tag")).isEmpty());
			List<String> violations = browser.manage()
				.logs()
				.get(LogType.BROWSER)
				.getAll()
				.stream()
				.map(LogEntry::getMessage)
				.filter(message -> message.contains("Content Security Policy"))
				.toList();
			assertThat(violations).isEmpty();
		}
		finally {
			browser.quit();
		}
	}

	// --- helpers

	private String participant() {
		JsonNode everyone = supervisor().getForObject("/api/participants", JsonNode.class);
		for (JsonNode participant : everyone) {
			if (participant.get("phone").asText().equals(PARTICIPANT)) {
				return participant.get("id").asText();
			}
		}
		return supervisor().postForObject("/api/participants", Map.of("name", "Hedy Lamarr", "phone", PARTICIPANT,
				"timeZone", "America/New_York", "checkInTime", "09:00"), JsonNode.class).get("id").asText();
	}

	private TestRestTemplate supervisor() {
		return http.withBasicAuth("coach", "sim-pass-2030");
	}

	private static String path(String url) {
		return URI.create(url).getRawPath();
	}

	private HttpResponse<String> withBasic(Browser browser, String path) {
		return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("coach:sim-pass-2030".getBytes(UTF_8)))
			.build());
	}

	private static WebDriver chromium() {
		ChromeOptions options = Chromium.options();
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		return Chromium.driver(options);
	}
}
