package org.reconnect.messaging;

import java.net.URISyntaxException;
import java.util.Map;

import com.twilio.security.RequestValidator;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Checks {@code X-Twilio-Signature} with the Twilio SDK's validator against the URL Twilio called:
 * the configured public base URL when the app sits behind a proxy, else the URL of the request.
 */
class TwilioSignatures {

	private final RequestValidator validator;
	private final String publicBaseUrl;

	TwilioSignatures(String authToken, String publicBaseUrl) {
		this.validator = new RequestValidator(authToken);
		this.publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank() ? null
				: publicBaseUrl.replaceAll("/+$", "");
	}

	String calledUrl(HttpServletRequest request) {
		String base = publicBaseUrl != null ? publicBaseUrl + request.getRequestURI()
				: request.getRequestURL().toString();
		return request.getQueryString() == null ? base : base + "?" + request.getQueryString();
	}

	/** A form-encoded callback: the signature covers the URL and the sorted parameters. */
	boolean validForm(String url, Map<String, String> params, String signature) {
		return signature != null && !signature.isBlank() && validator.validate(url, params, signature);
	}

	/** A JSON callback: the signature covers the URL, whose bodySHA256 must match the body. */
	boolean validJson(String url, String body, String signature) {
		if (signature == null || signature.isBlank()) {
			return false;
		}
		try {
			return validator.validate(url, body, signature);
		}
		catch (URISyntaxException | RuntimeException ex) {
			return false;
		}
	}
}
