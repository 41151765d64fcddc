package org.reconnect.messaging;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.reconnect.system.InvalidInput;
import org.springframework.http.MediaType;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import com.twilio.security.RequestValidator;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Checks {@code X-Twilio-Signature} as Twilio computes it, with the Twilio SDK's validator: over the
 * full URL it called (query string included; the configured public base URL when the app sits
 * behind a proxy, else the URL of the request), plus, for a form, the POST body's parameters (never
 * the query's, which the URL already carries), or, for a JSON body, the URL's {@code bodySHA256},
 * which must be the body's SHA-256. The SDK also accepts the URL with and without the default port.
 */
class TwilioSignatures {

	/** Twilio's webhooks are a few KB; a body this large cannot be one. */
	static final int LONGEST_JSON_BODY = 64 * 1024;

	private static final JsonMapper JSON = JsonMapper.builder().build();

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

	/**
	 * What Twilio sent, when the signature holds: the form's POST parameters, or a JSON body's
	 * top-level fields (as text).
	 *
	 * @return empty when the signature is missing or does not match this request
	 * @throws InvalidInput when a JSON body is too large to be a Twilio webhook
	 */
	Optional<Map<String, String>> verified(HttpServletRequest request, String signature) {
		if (signature == null || signature.isBlank()) {
			return Optional.empty();
		}
		String url = calledUrl(request);
		if (isJson(request)) {
			String body = body(request);
			return validJson(url, body, signature) ? Optional.of(fields(body)) : Optional.empty();
		}
		Map<String, String> params = postParameters(request);
		return validForm(url, params, signature) ? Optional.of(params) : Optional.empty();
	}

	/** A form-encoded callback: the signature covers the URL and the sorted POST parameters. */
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

	/**
	 * The parameters of the POST body alone. The servlet merges the query string's parameters into
	 * the same map, each name's query values first (Tomcat parses the query, then the body), so
	 * those are taken off again: Twilio signs them as part of the URL, not as parameters.
	 */
	static Map<String, String> postParameters(HttpServletRequest request) {
		Map<String, Integer> inQuery = new HashMap<>();
		String query = request.getQueryString();
		if (query != null) {
			for (String pair : query.split("&")) {
				if (!pair.isEmpty()) {
					String name = pair.split("=", 2)[0];
					try {
						inQuery.merge(URLDecoder.decode(name, StandardCharsets.UTF_8), 1, Integer::sum);
					}
					catch (IllegalArgumentException malformed) {
						// the servlet skips a name it cannot decode as well
					}
				}
			}
		}
		Map<String, String> params = new LinkedHashMap<>();
		request.getParameterMap().forEach((name, values) -> {
			int fromQuery = inQuery.getOrDefault(name, 0);
			if (values.length > fromQuery) {
				params.put(name, values[fromQuery]);
			}
		});
		return params;
	}

	private static boolean isJson(HttpServletRequest request) {
		try {
			return request.getContentType() != null
					&& MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(request.getContentType()));
		}
		catch (org.springframework.http.InvalidMediaTypeException ex) {
			return false;
		}
	}

	private static String body(HttpServletRequest request) {
		try (InputStream in = request.getInputStream()) {
			byte[] bytes = in.readNBytes(LONGEST_JSON_BODY + 1);
			if (bytes.length > LONGEST_JSON_BODY) {
				throw InvalidInput.of("body", "problem.body.too-large", LONGEST_JSON_BODY / 1024);
			}
			return new String(bytes, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "";
		}
	}

	/** A JSON object's top-level fields as text; anything else has none. */
	private static Map<String, String> fields(String body) {
		Map<String, String> fields = new LinkedHashMap<>();
		try {
			JsonNode root = JSON.readTree(body);
			if (root != null && root.isObject()) {
				root.properties().forEach(field -> {
					JsonNode value = field.getValue();
					if (!value.isNull()) {
						fields.put(field.getKey(), value.isValueNode() ? value.asString() : value.toString());
					}
				});
			}
		}
		catch (JacksonException ex) {
			// signed but not JSON: no fields, so the required ones are reported missing
		}
		return fields;
	}
}
