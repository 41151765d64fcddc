package org.reconnect.system;

import java.io.IOException;
import java.util.Locale;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.context.MessageSource;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat 11 throws when it cannot read a POSTed form (a stray {@code %}, bytes that are not UTF-8,
 * a body over the size limit), and its message quotes the parameters: a Twilio webhook's
 * {@code From} and {@code Body} would reach the error log unmasked. The form is read here, before
 * any other filter asks for a parameter, so such a request gets a problem (413 for a body over the
 * limit, 400 otherwise) and the log gets neither names nor values.
 */
@Component
// After Boot's character-encoding filter (HIGHEST_PRECEDENCE: the form must be read as UTF-8), before
// Spring Security's (-100), which reads a form's _csrf.
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class UnreadableFormBodies extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(UnreadableFormBodies.class);

	private final JsonMapper json;

	private final MessageSource texts;

	UnreadableFormBodies(JsonMapper json, MessageSource texts) {
		this.json = json;
		this.texts = texts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (postsAForm(request)) {
			try {
				request.getParameterMap();
			}
			catch (InvalidParameterException ex) {
				// the exception's message holds the parameters: only its kind is logged
				refuse(response, request.getLocale(), ex.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()
						? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST);
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private static boolean postsAForm(HttpServletRequest request) {
		String type = request.getContentType();
		return "POST".equals(request.getMethod()) && type != null
				&& (type.regionMatches(true, 0, MediaType.APPLICATION_FORM_URLENCODED_VALUE, 0,
						MediaType.APPLICATION_FORM_URLENCODED_VALUE.length())
						|| type.regionMatches(true, 0, MediaType.MULTIPART_FORM_DATA_VALUE, 0,
								MediaType.MULTIPART_FORM_DATA_VALUE.length()));
	}

	/**
	 * A problem in the reader's language as the browser asks for it (this runs before sign-in, so
	 * before a coach's own choice of language is known).
	 */
	private void refuse(HttpServletResponse response, Locale locale, HttpStatus status) throws IOException {
		log.info("Refused a POSTed form the server could not read ({})", status.value());
		boolean tooLarge = status == HttpStatus.CONTENT_TOO_LARGE;
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				texts.getMessage(tooLarge ? "problem.detail.form-too-large" : "problem.detail.form-unreadable", null, locale));
		problem.setTitle(texts.getMessage(tooLarge ? "problem.title.form-too-large" : "problem.title.unreadable-body", null,
				locale));
		response.setStatus(status.value());
		response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("Referrer-Policy", "no-referrer");
		response.setHeader("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), problem);
	}
}
