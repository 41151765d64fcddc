package org.reconnect.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.reconnect.Chromium;
import org.reconnect.LoopTestSupport;
import org.reconnect.participants.ParticipantId;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.JsonNode;

/**
 * A web chat conversation end to end in a real headless chromium (Debian's chromium and
 * chromium-driver, which .ci/run installs): the link, the check-in arriving over Server-Sent
 * Events, the answers typed into the page going through the same flow as SMS, and revocation.
 */
class WebChatBrowserTests extends LoopTestSupport {

	private WebDriver browser;

	@BeforeEach
	void openBrowser() {
		browser = Chromium.driver(Chromium.options());
	}

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void thePageIsInTheParticipantsLanguage() {
		String phone = "+12025550362";
		String id = enrol("Ana Ríos", phone, "America/New_York", "11:51");
		assertThat(coach().exchange("/api/participants/" + id + "/language", org.springframework.http.HttpMethod.PUT,
				new org.springframework.http.HttpEntity<>(Map.of("language", "es")), JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		String token = coach().postForEntity("/api/web-chat/links", Map.of("phone", phone), JsonNode.class)
			.getBody()
			.get("token")
			.asText();

		browser.get(http.getRootUri() + "/chat/" + token);
		assertThat(browser.getTitle()).isEqualTo("Tu chat de check-in");
		assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("es");
		assertThat(browser.findElement(By.cssSelector("button[type=submit]")).getText()).isEqualTo("Enviar");
		waitFor(() -> browser.findElement(By.id("status")).getText().equals("Conectado. Los mensajes aparecen aquí."));
	}

	@Test
	void aCheckInRunsInTheWebChatAndTheLinkCanBeRevoked() {
		String phone = "+12025550361";
		String id = enrol("Mo Tanaka", phone, "America/New_York", "11:50");
		ResponseEntity<JsonNode> created = coach().postForEntity("/api/web-chat/links", Map.of("phone", phone),
				JsonNode.class);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String token = created.getBody().get("token").asText();
		assertThat(created.getBody().get("url").asText()).endsWith("/chat/" + token);
		assertThat(http.getForEntity("/chat/not-a-token", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

		browser.get(http.getRootUri() + "/chat/" + token);
		assertThat(browser.getTitle()).isEqualTo("Your check-in chat");
		waitFor(() -> browser.findElement(By.id("status")).getText().startsWith("Connected"));

		assertThat(coach().postForEntity("/api/participants/" + id + "/check-ins", null, JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.CREATED);
		waitFor(() -> lines().contains("Hi Mo, it's check-in time. How are you feeling today, from 1 (low) to 5 (great)?"));

		say("4");
		waitFor(() -> lines().contains("Thank you. Any cravings today? (yes/no)"));
		say("no");
		waitFor(() -> lines().contains("Who did you connect with today? A call, a text or a meeting all count."));
		assertThat(conversations.open(new ParticipantId(id)).orElseThrow().replies()).isEqualTo(2);
		assertThat(sentTo(phone)).as("nothing went by SMS").isEmpty();

		// Reloading shows the conversation so far, from the message record.
		browser.navigate().refresh();
		waitFor(() -> lines().size() == 3);

		assertThat(coach().exchange("/api/web-chat/links/" + token, HttpMethod.DELETE, null, Void.class).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(http.getForEntity("/chat/" + token, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		sms(phone, "my friend Ana");
		assertThat(lastSentTo(phone)).as("after revocation, back to SMS")
			.isEqualTo("Thank you, Mo. Glad you reached out today. Talk tomorrow.");
	}

	private void say(String text) {
		WebElement input = browser.findElement(By.id("message"));
		input.sendKeys(text);
		browser.findElement(By.cssSelector("button[type=submit]")).click();
	}

	private List<String> lines() {
		return browser.findElements(By.cssSelector("#log li.them")).stream().map(WebElement::getText).toList();
	}

	private void waitFor(java.util.function.BooleanSupplier condition) {
		new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> condition.getAsBoolean());
	}
}
