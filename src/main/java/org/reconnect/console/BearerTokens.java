package org.reconnect.console;

import java.util.List;

import org.reconnect.coaches.Coach;
import org.reconnect.coaches.Role;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;

import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code Authorization: Bearer <token>} on the API: the token stands for the coach account it was
 * issued for, with that account's role. A bad, revoked or expired token is a 401 at once.
 */
final class BearerTokens {

	private BearerTokens() {
	}

	static AuthenticationFilter filter(ApiTokenService tokens, AuthenticationEntryPoint problems) {
		AuthenticationProvider provider = new AuthenticationProvider() {

			@Override
			public Authentication authenticate(Authentication presented) {
				String secret = ((Presented) presented).secret;
				Coach coach = tokens.coachFor(secret)
					.orElseThrow(() -> new BadCredentialsException("unknown, revoked or expired API token"));
				return UsernamePasswordAuthenticationToken.authenticated(coach.username(), null,
						List.of(new SimpleGrantedAuthority(Role.valueOf(coach.role()).authority())));
			}

			@Override
			public boolean supports(Class<?> type) {
				return Presented.class.isAssignableFrom(type);
			}
		};
		AuthenticationConverter bearer = (HttpServletRequest request) -> {
			String header = request.getHeader("Authorization");
			return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
					? new Presented(header.substring(7).trim()) : null;
		};
		AuthenticationFilter filter = new AuthenticationFilter(new ProviderManager(provider), bearer);
		filter.setSuccessHandler((request, response, authentication) -> {
			// carry on to the endpoint; there is no page to go to
		});
		filter.setFailureHandler(new AuthenticationEntryPointFailureHandler(problems));
		return filter;
	}

	/** The secret as presented, before it is checked. */
	static final class Presented extends AbstractAuthenticationToken {

		private final String secret;

		Presented(String secret) {
			super(AuthorityUtils.NO_AUTHORITIES);
			this.secret = secret;
		}

		@Override
		public Object getCredentials() {
			return secret;
		}

		@Override
		public Object getPrincipal() {
			return null;
		}
	}
}
