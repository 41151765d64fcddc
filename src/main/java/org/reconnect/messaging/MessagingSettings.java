package org.reconnect.messaging;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How messages travel.
 *
 * @param programName named in the HELP text and the STOP confirmation
 * @param helpContact how to reach a person, named in the HELP text
 * @param twilio the Twilio account; without an account SID and auth token the simulator is used
 */
@Validated
@ConfigurationProperties("reconnect.messaging")
record MessagingSettings(@DefaultValue("Reconnect") String programName,
		@DefaultValue("call or text your coach") String helpContact, @DefaultValue Twilio twilio) {

	/**
	 * @param accountSid Twilio account SID (AC...)
	 * @param authToken Twilio auth token; also the key of webhook signatures
	 * @param fromNumber the sending number in E.164, used when no messaging service is set
	 * @param messagingServiceSid a Messaging Service (MG...), preferred over the from number
	 * @param publicBaseUrl the URL Twilio calls, e.g. https://reconnect.example.org, as the signature
	 * covers it; behind a TLS proxy the app cannot see it itself
	 * @param apiBaseUrl where the REST API is reached; only tests set it (to WireMock)
	 */
	record Twilio(String accountSid, String authToken, String fromNumber, String messagingServiceSid,
			String publicBaseUrl, String apiBaseUrl) {

		boolean configured() {
			return accountSid != null && !accountSid.isBlank() && authToken != null && !authToken.isBlank();
		}
	}
}
