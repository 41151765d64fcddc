package org.reconnect.console;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/** Password sign-in behind the throttle: a locked username is refused before its password is checked. */
class ThrottledPasswords implements AuthenticationProvider {

	private final AuthenticationProvider passwords;
	private final SignInThrottle throttle;

	ThrottledPasswords(AuthenticationProvider passwords, SignInThrottle throttle) {
		this.passwords = passwords;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication attempt) throws AuthenticationException {
		String username = attempt.getName();
		if (throttle.locked(username)) {
			throw new LockedException("Too many failed sign-ins: try again later");
		}
		try {
			Authentication result = passwords.authenticate(attempt);
			throttle.succeeded(username);
			return result;
		}
		catch (AuthenticationException ex) {
			throttle.failed(username);
			throw ex;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return passwords.supports(authentication);
	}
}
