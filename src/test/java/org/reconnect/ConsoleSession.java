package org.reconnect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser as far as the console sees one: its session cookie, forms posted with the CSRF token a
 * page carries, redirects not followed.
 */
public final class ConsoleSession {

	private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

	private final String base;

	/** The browser's Accept-Language; null sends none. */
	private final String language;

	private final HttpClient browser = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	public ConsoleSession(int port) {
		this(port, null);
	}

	/** A browser that asks for pages in {@code language} first (its Accept-Language), e.g. "es". */
	public ConsoleSession(int port, String language) {
		this.base = "http://localhost:" + port;
		this.language = language;
	}

	/** Signs in with the form; the answer is the redirect the form login gives. */
	public HttpResponse<String> signIn(String username, String password) {
		return post("/login", token("/login"), Map.of("username", username, "password", password));
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
	}

	/** The CSRF token of the page at {@code page}. */
	public String token(String page) {
		String html = get(page).body();
		Matcher meta = CSRF_META.matcher(html);
		assertThat(meta.find()).as("a CSRF token in " + page).isTrue();
		return meta.group(1);
	}

	/** Posts the form with the token of the page it is on. */
	public HttpResponse<String> submit(String page, String path, Map<String, String> fields) {
		return post(path, token(page), fields);
	}

	/** Posts the form with exactly this CSRF token. */
	public HttpResponse<String> post(String path, String csrf, Map<String, String> fields) {
		Map<String, String> form = new LinkedHashMap<>(fields);
		form.put("_csrf", csrf);
		String body = form.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	private HttpResponse<String> send(HttpRequest request) {
		if (language != null) {
			request = HttpRequest.newBuilder(request, (name, value) -> true).header("Accept-Language", language).build();
		}
		try {
			return browser.send(request, HttpResponse.BodyHandlers.ofString());
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
