package org.reconnect.console;

import java.io.IOException;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Audits passkey sign-ins. Spring Security's passkey filter authenticates through its own
 * authentication manager, which publishes no events, so this filter wraps it and records the outcome.
 */
class PasskeySignInAudit extends OncePerRequestFilter {

	private final SignInAudit audit;

	PasskeySignInAudit(SignInAudit audit) {
		this.audit = audit;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !("POST".equals(request.getMethod()) && request.getRequestURI().endsWith("/login/webauthn"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		finally {
			Authentication who = SecurityContextHolder.getContext().getAuthentication();
			boolean success = response.getStatus() < 400 && who != null && who.isAuthenticated()
					&& !"anonymousUser".equals(who.getName());
			audit.record(success ? who.getName() : "(passkey)", success ? "SUCCESS" : "FAILURE");
		}
	}
}
