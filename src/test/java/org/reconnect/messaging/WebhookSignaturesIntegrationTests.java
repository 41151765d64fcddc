package org.reconnect.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.reconnect.LoopTestSupport;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Webhooks signed exactly as Twilio signs them, through the running server: the full URL with its
 * query string plus the POST body's parameters (never the query's a second time), and for a JSON
 * body the URL with its {@code bodySHA256}. Signed by {@link TwilioTestSigner}, written apart from
 * the SDK the service uses.
 */
class WebhookSignaturesIntegrationTests extends LoopTestSupport {

	private static final String QUERY = "?foo=1&bar=2";

	@Test
	void acceptsAFormWebhookWhoseUrlHasAQueryString() {
		String from = "+13475550121";
		Map<String, String> params = smsParams(from, "HELP");

		ResponseEntity<String> response = postForm(WEBHOOK + QUERY, params,
				TwilioTestSigner.sign(TOKEN, PUBLIC_URL + WEBHOOK + QUERY, params));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(lastSentTo(from)).as("the HELP was processed").contains("Reconnect");
	}

	@Test
	void refusesAQueryStringSignedAsIfItsParametersWereInTheBody() {
		String from = "+13475550122";
		Map<String, String> params = smsParams(from, "HELP");
		Map<String, String> folded = new LinkedHashMap<>(params);
		folded.put("foo", "1");
		folded.put("bar", "2");

		ResponseEntity<String> response = postForm(WEBHOOK + QUERY, params,
				TwilioTestSigner.sign(TOKEN, PUBLIC_URL + WEBHOOK + QUERY, folded));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(sentTo(from)).isEmpty();
	}

	@Test
	void acceptsAJsonWebhookSignedWithItsBodyHash() throws Exception {
		String from = "+13475550123";
		String body = "{\"MessageSid\":\"SM" + UUID.randomUUID().toString().replace("-", "") + "\",\"From\":\"" + from
				+ "\",\"To\":\"" + FROM + "\",\"Body\":\"HELP\"}";
		String url = WEBHOOK + "?bodySHA256=" + sha256(body);

		ResponseEntity<String> response = postJson(url, body, TwilioTestSigner.sign(TOKEN, PUBLIC_URL + url, Map.of()));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(lastSentTo(from)).contains("Reconnect");
	}

	@Test
	void refusesAJsonBodyThatIsNotTheOneWhoseHashWasSigned() throws Exception {
		String from = "+13475550124";
		String signed = "{\"MessageSid\":\"SM" + UUID.randomUUID().toString().replace("-", "") + "\",\"From\":\"" + from
				+ "\",\"Body\":\"HELP\"}";
		String url = WEBHOOK + "?bodySHA256=" + sha256(signed);

		ResponseEntity<String> response = postJson(url, signed.replace("HELP", "STOP"),
				TwilioTestSigner.sign(TOKEN, PUBLIC_URL + url, Map.of()));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(sentTo(from)).isEmpty();
	}

	@Test
	void acceptsAStatusCallbackWhoseUrlHasAQueryString() {
		Map<String, String> params = Map.of("MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""),
				"MessageStatus", "delivered", "AccountSid", SID);
		String path = TwilioChannel.STATUS_PATH + QUERY;

		ResponseEntity<String> response = postForm(path, params, TwilioTestSigner.sign(TOKEN, PUBLIC_URL + path, params));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
	}

	private ResponseEntity<String> postForm(String path, Map<String, String> params, String signature) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		headers.set("X-Twilio-Signature", signature);
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		params.forEach(form::add);
		return http.postForEntity(path, new HttpEntity<>(form, headers), String.class);
	}

	private ResponseEntity<String> postJson(String path, String body, String signature) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.set("X-Twilio-Signature", signature);
		return http.postForEntity(path, new HttpEntity<>(body, headers), String.class);
	}

	private static String sha256(String body) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
	}
}
