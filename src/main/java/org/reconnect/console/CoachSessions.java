package org.reconnect.console;

import java.io.IOException;

import org.reconnect.coaches.Coach;
import org.reconnect.coaches.CoachAccounts;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Ends a console session once its coach is disabled or their role or password changes: the session
 * keeps the account's credentials version from its sign-in (password or passkey), and every page
 * request compares it with the account as stored. The account is read from MongoDB, not from the
 * session or this node's memory, so whichever node serves the request refuses a stale session,
 * wherever the session itself is kept.
 */
@Component
class CoachSessions {

	static final String VERSION = CoachSessions.class.getName() + ".credentialsVersion";

	private final CoachAccounts coaches;

	CoachSessions(CoachAccounts coaches) {
		this.coaches = coaches;
	}

	/** At sign-in (added to the sign-in's session strategy): remember the version signed in under. */
	SessionAuthenticationStrategy atSignIn() {
		return (authentication, request, response) -> request.getSession()
			.setAttribute(VERSION, coaches.find(authentication.getName()).map(Coach::credentialsVersion).orElse(-1));
	}

	/** On each page request, before anonymous access is decided: a stale session is signed out. */
	OncePerRequestFilter onEachRequest() {
		return new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				HttpSession session = request.getSession(false);
				Authentication who = SecurityContextHolder.getContext().getAuthentication();
				if (session != null && who != null && who.isAuthenticated()
						&& !(who instanceof AnonymousAuthenticationToken) && !current(session, who.getName())) {
					session.invalidate();
					SecurityContextHolder.clearContext();
				}
				chain.doFilter(request, response);
			}
		};
	}

	private boolean current(HttpSession session, String username) {
		Object signedInUnder;
		try {
			signedInUnder = session.getAttribute(VERSION);
		}
		catch (IllegalStateException invalidated) {
			return false;
		}
		return coaches.find(username)
			.filter(Coach::enabled)
			.filter(coach -> coach.credentialsVersion().equals(signedInUnder))
			.isPresent();
	}
}
