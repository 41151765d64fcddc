package org.reconnect.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The signature test vectors of twilio-java's own RequestValidatorTest, run through our wrapper,
 * ports and JSON bodies included.
 */
class TwilioSignaturesTests {

	private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
	private static final Map<String, String> PARAMS = Map.of("Digits", "1234", "CallSid", "CA1234567890ABCDE", "To",
			"+18005551212", "Caller", "+14158675309", "From", "+14158675309");
	private static final String SIGNATURE = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";
	private static final String BODY = "{\"property\": \"value\", \"boolean\": true}";
	private static final String BODY_HASH = "0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620";

	private final TwilioSignatures signatures = new TwilioSignatures("12345", null);

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

	@Test
	void ourTestSignerAgreesWithTheSdk() {
		assertThat(TwilioTestSigner.sign("12345", URL, PARAMS)).isEqualTo(SIGNATURE);
	}
}
