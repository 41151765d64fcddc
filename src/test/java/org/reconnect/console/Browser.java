package org.reconnect.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser as far as the console's security sees one: a cookie jar, no automatic redirects, forms
 * posted with the CSRF token read from the page.
 */
class Browser {

	private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

	private final String base;
	private final CookieManager cookies;
	private final HttpClient http;

	Browser(int port) {
		this(port, new CookieManager());
	}

	private Browser(int port, CookieManager cookies) {
		this.base = "http://localhost:" + port;
		this.cookies = cookies;
		this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	/** The same browser (same cookies) talking to another node, as a proxy would send it there. */
	Browser on(int otherPort) {
		return new Browser(otherPort, cookies);
	}

	HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
	}

	/** Posts a form with the CSRF token of the page at {@code tokenFrom}, as the browser would. */
	HttpResponse<String> submit(String tokenFrom, String path, Map<String, String> fields) {
		String token = csrfToken(get(tokenFrom).body());
		Map<String, String> withToken = new java.util.LinkedHashMap<>(fields);
		withToken.put("_csrf", token);
		return postForm(path, withToken);
	}

	/** Posts a form exactly as given (no token unless the fields carry one). */
	HttpResponse<String> postForm(String path, Map<String, String> fields) {
		String body = fields.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/** An API call as a script makes it: HTTP Basic, no cookies sent, no CSRF token. */
	HttpResponse<String> postWithBasicAuth(String path, String username, String password) {
		String basic = java.util.Base64.getEncoder()
			.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(base + path))
					.header("Authorization", "Basic " + basic)
					.POST(HttpRequest.BodyPublishers.noBody())
					.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	HttpResponse<String> signIn(String username, String password) {
		return submit("/login", "/login", Map.of("username", username, "password", password));
	}

	String sessionId() {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals("SESSION"))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	static String csrfToken(String page) {
		Matcher matcher = CSRF_META.matcher(page);
		if (!matcher.find()) {
			throw new AssertionError("no CSRF meta tag in the page:\n" + page);
		}
		return matcher.group(1);
	}

	HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
