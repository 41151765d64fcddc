package org.reconnect.console;

import java.io.IOException;
import java.util.Locale;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

import tools.jackson.databind.json.JsonMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The API's 401 and 403 as RFC 9457 problem details (never a redirect to the sign-in page): API
 * clients read JSON. The detail does not say whether a username or token exists. A request the
 * security firewall refuses before it reaches the API (an encoded slash, percent sign, line break
 * or NUL in the path) gets a 400 problem saying so, rather than a bare error page.
 */
@Component
class ApiProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

	private final JsonMapper json;
	private final MessageSource texts;
	/** Lazily: the console's resolver (the coach's choice, else Accept-Language) is a web bean. */
	private final ObjectProvider<LocaleResolver> locales;

	ApiProblemResponses(JsonMapper json, MessageSource texts, ObjectProvider<LocaleResolver> locales) {
		this.json = json;
		this.texts = texts;
		this.locales = locales;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer, Basic realm=\"Reconnect API\"");
		write(request, response, HttpStatus.UNAUTHORIZED, "sign-in-required");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		write(request, response, HttpStatus.FORBIDDEN, "not-allowed");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException ex)
			throws IOException {
		SecurityConfiguration.protect(request, response);
		write(request, response, HttpStatus.BAD_REQUEST, "address-not-accepted");
	}

	/** Title and detail from messages/problems*.properties, in the reader's language. */
	private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String name)
			throws IOException {
		LocaleResolver resolver = locales.getIfAvailable();
		Locale locale = resolver == null ? Locale.ROOT : resolver.resolveLocale(request);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				texts.getMessage("problem.detail." + name, null, locale));
		problem.setTitle(texts.getMessage("problem.title." + name, null, locale));
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), problem);
	}
}
