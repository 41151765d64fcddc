package org.reconnect.console;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

/**
 * Spring Security's CSRF tokens for the console's forms (masked per response against BREACH), with
 * one difference: a tampered token whose unmasked bytes are not UTF-8 made Spring Security's
 * handler throw, and the form post answered 500. Such a token is simply not the session's token:
 * the post is refused with 403, as any wrong token is.
 */
final class CsrfTokens implements CsrfTokenRequestHandler {

	private final XorCsrfTokenRequestAttributeHandler masked = new XorCsrfTokenRequestAttributeHandler();

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
		masked.handle(request, response, token);
	}

	@Override
	public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
		try {
			return masked.resolveCsrfTokenValue(request, token);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}
}
