package org.reconnect.console;

import java.io.IOException;

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

	ApiProblemResponses(JsonMapper json) {
		this.json = json;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer, Basic realm=\"Reconnect API\"");
		write(response, HttpStatus.UNAUTHORIZED, "Sign-in required",
				"Send an API token as 'Authorization: Bearer <token>' (a supervisor issues them at POST /api/tokens), "
						+ "or a coach's username and password by HTTP Basic. A token that is unknown, revoked or expired, "
						+ "or a username and password that are not accepted, get this answer too.");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		write(response, HttpStatus.FORBIDDEN, "Not allowed", "Only a supervisor may do this.");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException ex)
			throws IOException {
		SecurityConfiguration.protect(request, response);
		write(response, HttpStatus.BAD_REQUEST, "Address not accepted",
				"The request's path holds characters that are not allowed in it (an encoded slash, backslash, "
						+ "percent sign, semicolon, line break or NUL, or '..'): send identifiers exactly as the API "
						+ "returned them.");
	}

	private void write(HttpServletResponse response, HttpStatus status, String title, String detail)
			throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), problem);
	}
}
