package org.reconnect.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * The signature test vectors of twilio-java's own RequestValidatorTest and of Twilio's "Webhooks
 * security" documentation, run through our wrapper, ports and JSON bodies included; and the
 * parameters taken from a request as the servlet gives them (query and body merged).
 */
class TwilioSignaturesTests {

	private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
	private static final Map<String, String> PARAMS = Map.of("Digits", "1234", "CallSid", "CA1234567890ABCDE", "To",
			"+18005551212", "Caller", "+14158675309", "From", "+14158675309");
	private static final String SIGNATURE = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";
	private static final String BODY = "{\"property\": \"value\", \"boolean\": true}";
	private static final String BODY_HASH = "0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620";

	private final TwilioSignatures signatures = new TwilioSignatures("12345", null);

	private final TwilioSignatures behindProxy = new TwilioSignatures("12345", "https://mycompany.com/");

	@Test
	void acceptsTheKnownSignature() {
		assertThat(signatures.validForm(URL, PARAMS, SIGNATURE)).isTrue();
	}

	@Test
	void refusesAWrongOrMissingSignature() {
		assertThat(signatures.validForm(URL, PARAMS, "NOTRSOYDt4T1cUTdK1PDd93/VVr8B8=")).isFalse();
		assertThat(signatures.validForm(URL, PARAMS, null)).isFalse();
		assertThat(signatures.validForm(URL, PARAMS, "")).isFalse();
	}

	@Test
	void refusesWhenAParameterWasChanged() {
		Map<String, String> changed = new java.util.HashMap<>(PARAMS);
		changed.put("Digits", "1235");
		assertThat(signatures.validForm(URL, changed, SIGNATURE)).isFalse();
	}

	@Test
	void acceptsSignaturesWithAndWithoutThePort() {
		assertThat(signatures.validForm(URL.replace(".com", ".com:1234"), PARAMS, SIGNATURE)).isTrue();
		assertThat(signatures.validForm(URL.replace(".com", ".com:1234").replace("https", "http"), PARAMS,
				"Zmvh+3yNM1Phv2jhDCwEM3q5ebU=")).isTrue();
		assertThat(signatures.validForm(URL, PARAMS, "kvajT1Ptam85bY51eRf/AJRuM3w=")).isTrue();
		assertThat(signatures.validForm(URL.replace("https", "http"), PARAMS, "0ZXoZLH/DfblKGATFgpif+LLRf4=")).isTrue();
	}

	@Test
	void acceptsJsonBodiesByTheirHash() {
		assertThat(signatures.validJson(URL + "&bodySHA256=" + BODY_HASH, BODY, "a9nBmqA0ju/hNViExpshrM61xv4=")).isTrue();
		assertThat(signatures.validJson("https://mycompany.com/myapp.php?bodySHA256=" + BODY_HASH, BODY,
				"y77kIzt2vzLz71DgmJGsen2scGs=")).isTrue();
	}

	@Test
	void refusesAJsonBodyWithoutItsHashOrWithAnotherBody() {
		assertThat(signatures.validJson(URL, BODY, SIGNATURE)).isFalse();
		assertThat(signatures.validJson(URL + "&bodySHA256=" + BODY_HASH, BODY.replace("true", "false"),
				"a9nBmqA0ju/hNViExpshrM61xv4=")).isFalse();
	}

	/** Twilio's documented example (api-snippets, signature_validation): its URL has a query string. */
	@Test
	void acceptsTwilioDocumentedExample() {
		Map<String, String> documented = Map.of("CallSid", "CA1234567890ABCDE", "Caller", "+14158675310", "Digits",
				"1234", "From", "+14158675310", "To", "+18005551212");
		assertThat(signatures.validForm(URL, documented, "GvWf1cFY/Q7PnoempGyD5oXAezc=")).isTrue();
		assertThat(TwilioTestSigner.sign("12345", URL, documented)).isEqualTo("GvWf1cFY/Q7PnoempGyD5oXAezc=");
	}

	@Test
	void signsTheQueryAsPartOfTheUrlAndOnlyTheBodyAsParameters() {
		MockHttpServletRequest request = post("/myapp.php", "foo=1&bar=2", MediaType.APPLICATION_FORM_URLENCODED_VALUE);
		// as the servlet merges them: the query's parameters, then the body's
		request.addParameter("foo", "1");
		request.addParameter("bar", "2");
		PARAMS.forEach(request::addParameter);

		assertThat(behindProxy.verified(request, SIGNATURE)).contains(PARAMS);
	}

	@Test
	void keepsABodyParameterThatHasTheNameOfAQueryParameter() {
		MockHttpServletRequest request = post("/myapp.php", "Digits=9", MediaType.APPLICATION_FORM_URLENCODED_VALUE);
		request.addParameter("Digits", "9");
		PARAMS.forEach(request::addParameter);

		Map<String, String> signed = new java.util.HashMap<>(PARAMS);
		assertThat(behindProxy.verified(request,
				TwilioTestSigner.sign("12345", "https://mycompany.com/myapp.php?Digits=9", signed))).contains(signed);
	}

	@Test
	void verifiesAJsonBodyByTheHashInItsUrl() {
		MockHttpServletRequest request = post("/myapp.php", "bodySHA256=" + BODY_HASH, MediaType.APPLICATION_JSON_VALUE);
		request.setContent(BODY.getBytes(java.nio.charset.StandardCharsets.UTF_8));

		assertThat(behindProxy.verified(request, "y77kIzt2vzLz71DgmJGsen2scGs="))
			.contains(Map.of("property", "value", "boolean", "true"));

		MockHttpServletRequest other = post("/myapp.php", "bodySHA256=" + BODY_HASH, MediaType.APPLICATION_JSON_VALUE);
		other.setContent(BODY.replace("value", "other").getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(behindProxy.verified(other, "y77kIzt2vzLz71DgmJGsen2scGs=")).isEmpty();
	}

	/**
	 * Twilio's documented JSON example (api-snippets, signature_validation_json): the body with the
	 * hash Twilio put in its URL; signed here by our own signer, since the example's token is not given.
	 */
	@Test
	void verifiesTwilioDocumentedJsonBodyByItsPublishedHash() {
		String body = "{\"CallSid\":\"CA1234567890ABCDE\",\"Caller\":\"+12349013030\"}";
		String query = "bodySHA256=5ccde7145dfb8f56479710896586cb9d5911809d83afbe34627818790db0aec9";
		MockHttpServletRequest request = post("/myapp", query, "application/json; charset=utf-8");
		request.setContent(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		TwilioSignatures example = new TwilioSignatures("12345", "https://example.com");

		assertThat(example.verified(request, TwilioTestSigner.sign("12345", "https://example.com/myapp?" + query, Map.of())))
			.contains(Map.of("CallSid", "CA1234567890ABCDE", "Caller", "+12349013030"));
	}

	private static MockHttpServletRequest post(String path, String query, String contentType) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
		request.setQueryString(query);
		request.setContentType(contentType);
		return request;
	}

	@Test
	void ourTestSignerAgreesWithTheSdk() {
		assertThat(TwilioTestSigner.sign("12345", URL, PARAMS)).isEqualTo(SIGNATURE);
	}
}
