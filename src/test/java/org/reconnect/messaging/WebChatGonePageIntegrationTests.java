package org.reconnect.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.reconnect.LoopTestSupport;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** A chat link that is not active says so in the browser's language, as far as we speak it. */
class WebChatGonePageIntegrationTests extends LoopTestSupport {

	@Test
	void theLinkNotActivePageSpeaksTheBrowsersLanguage() {
		ResponseEntity<String> spanish = gone("es-MX,es;q=0.9,en;q=0.5");
		assertThat(spanish.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(spanish.getBody()).contains("<html lang=\"es\"", "<title>Enlace no activo</title>",
				"Este enlace de chat no está activo", "Pide a tu coach uno nuevo.");

		assertThat(gone("fr-FR,es;q=0.8").getBody()).as("French first, which we do not have: the next, Spanish")
			.contains("<html lang=\"es\"", "Este enlace de chat no está activo");
		assertThat(gone("fr-FR").getBody()).as("nothing we speak: the base texts")
			.contains("<html lang=\"en\"", "This chat link is not active", "Ask your coach for a new one.");
		assertThat(gone("en-GB,es;q=0.5").getBody()).contains("<html lang=\"en\"", "This chat link is not active");
	}

	@Test
	void aChatForANumberNobodyEnrolledSpeaksTheBrowsersLanguageNotEnglishByDefault() {
		String token = coach().postForEntity("/api/web-chat/links", java.util.Map.of("phone", "+16465550197"),
				tools.jackson.databind.JsonNode.class).getBody().get("token").asText();
		ResponseEntity<String> page = open("/chat/" + token, "es-ES,es;q=0.9");
		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(page.getBody()).contains("<html lang=\"es\"", "<title>Tu chat de check-in</title>");
		assertThat(open("/chat/" + token, "de-DE").getBody()).contains("<html lang=\"en\"", "<title>Your check-in chat</title>");
	}

	private ResponseEntity<String> gone(String acceptLanguage) {
		return open("/chat/no-such-link", acceptLanguage);
	}

	private ResponseEntity<String> open(String path, String acceptLanguage) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
		headers.set(HttpHeaders.ACCEPT, "text/html");
		return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
	}
}
