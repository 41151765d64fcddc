package org.reconnect.console;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Coaches sign in with HTTP Basic for now (the console brings sign-in pages). Twilio's webhooks
 * carry their own signature instead of a login; a web chat link's secret token is its own
 * credential, and so is a calendar feed's unguessable token; health is open for load balancers.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain security(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(auth -> auth.requestMatchers("/webhooks/**", "/chat/**", "/actuator/health/**",
				"/actuator/health", "/error", "/calendar/**")
			.permitAll()
			.anyRequest()
			.authenticated())
			.httpBasic(Customizer.withDefaults())
			.csrf(csrf -> csrf.ignoringRequestMatchers("/webhooks/**", "/api/**", "/chat/**"))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return http.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	UserDetailsService coachAccounts(Coaches coaches) {
		return username -> coaches.findById(username)
			.map(coach -> User.withUsername(coach.username())
				.password(coach.passwordHash())
				.roles(coach.role())
				.build())
			.orElseThrow(() -> new UsernameNotFoundException("no such coach"));
	}
}
