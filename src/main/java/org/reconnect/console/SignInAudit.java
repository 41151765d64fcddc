package org.reconnect.console;

import java.time.Clock;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Records every sign-in attempt: password ones from Spring Security's authentication events,
 * passkey ones from {@link PasskeySignInAudit}. API tokens are not sign-ins and are not recorded.
 */
@Component
class SignInAudit {

	private final SignIns signIns;
	private final Clock clock;

	SignInAudit(SignIns signIns, Clock clock) {
		this.signIns = signIns;
		this.clock = clock;
	}

	@EventListener
	void on(AuthenticationSuccessEvent success) {
		record(success.getAuthentication().getName(), "SUCCESS");
	}

	@EventListener
	void on(AbstractAuthenticationFailureEvent failure) {
		record(failure.getAuthentication().getName(),
				failure instanceof AuthenticationFailureLockedEvent ? "LOCKED" : "FAILURE");
	}

	void record(String username, String outcome) {
		HttpServletRequest request = currentRequest();
		String method = request == null ? "PASSWORD"
				: request.getRequestURI().endsWith("/login/webauthn") ? "PASSKEY"
						: request.getRequestURI().endsWith("/login") ? "PASSWORD" : "BASIC";
		signIns.save(new SignIn(UUID.randomUUID().toString(), username, clock.instant(), method, outcome,
				truncate(request == null ? null : request.getRemoteAddr())));
	}

	/** 203.0.113.57 → 203.0.113.0; 2001:db8:85a3:8d3:1319:8a2e:370:7348 → 2001:db8:85a3::. */
	static String truncate(String address) {
		if (address == null || address.isBlank()) {
			return null;
		}
		if (address.contains(":")) {
			String[] groups = address.split(":");
			StringBuilder prefix = new StringBuilder();
			for (int i = 0; i < Math.min(3, groups.length) && !groups[i].isEmpty(); i++) {
				prefix.append(groups[i]).append(':');
			}
			return prefix + ":";
		}
		int lastDot = address.lastIndexOf('.');
		return lastDot < 0 ? null : address.substring(0, lastDot) + ".0";
	}

	private static HttpServletRequest currentRequest() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				? attributes.getRequest() : null;
	}
}
