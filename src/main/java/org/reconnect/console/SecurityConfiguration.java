package org.reconnect.console;

import java.util.List;
import java.util.Map;

import org.reconnect.coaches.Coach;
import org.reconnect.coaches.CoachAccounts;
import org.reconnect.coaches.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Three surfaces, three filter chains:
 * <ul>
 * <li>the participant's side ({@code /webhooks/**}, {@code /chat/**}, {@code /calendar/**}) and the
 * OpenAPI docs: no sign-in, because Twilio's signature, a web chat link's secret or a calendar
 * feed's unguessable token is the credential;</li>
 * <li>the REST API {@code /api/**}: stateless, an API token ({@code Authorization: Bearer}) or HTTP
 * Basic, 401 as a problem detail, no CSRF (no cookies are involved);</li>
 * <li>the console pages: form login or a passkey, with a session, CSRF tokens, strict security
 * headers.</li>
 * </ul>
 * And the actuator ({@code /actuator/**}): health open to all (details to a supervisor); metrics
 * ({@code /actuator/prometheus}) to a supervisor's API token or password, or to anyone on the
 * management port, which only exists when {@code management.server.port} is set (production:
 * 8081, reached only inside the deployment's network, never through the proxy).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/** Pages use only same-origin scripts and styles: no inline script, no style attribute. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

	static final String CSP = "Content-Security-Policy";

	private static final HeaderWriter PAGES_CSP = new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY);

	/** Swagger UI's page, which springdoc serves with its own scripts and styles. */
	static final RequestMatcher SWAGGER_UI = request -> request.getRequestURI().startsWith(request.getContextPath() + "/swagger-ui");

	/**
	 * The pages' policy, with what Swagger UI needs besides: the inline style of its logo (an SVG),
	 * allowed by its hash. A later Swagger UI with another logo style only loses the logo's colours.
	 */
	static final String SWAGGER_UI_CSP = CONTENT_SECURITY_POLICY.replace("style-src 'self'",
			"style-src 'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='");

	static final String[] PUBLIC_PATHS = { "/webhooks/**", "/chat/**", "/calendar/**", "/v3/api-docs/**",
			"/v3/api-docs", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**" };

	/**
	 * What acts on everyone at once in the simulator, for supervisors only: the one demo clock (and a
	 * transcript run, which moves it and runs every conversation's timeouts), and delivery statuses,
	 * which go by message id rather than by participant.
	 */
	static final String[] SUPERVISORS_SIMULATOR = { "/api/simulator/clock/**", "/api/simulator/status",
			"/api/flows/*/transcript-runs", "/simulator/clock", "/simulator/clock/reset", "/flows/*/transcripts" };

	@Bean
	@Order(0)
	SecurityFilterChain actuator(HttpSecurity http, AuthenticationManager coachPasswords, ApiProblemResponses problems,
			ApiTokenService tokens, Environment environment) throws Exception {
		http.securityMatcher("/actuator/**")
			.addFilterBefore(BearerTokens.filter(tokens, problems), BasicAuthenticationFilter.class)
			.authorizeHttpRequests(auth -> auth.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.requestMatchers(onManagementPort(environment))
				.permitAll()
				.anyRequest()
				.hasRole(Role.SUPERVISOR.name()))
			.authenticationManager(coachPasswords)
			.httpBasic(basic -> basic.authenticationEntryPoint(problems))
			.exceptionHandling(ex -> ex.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.headers(protections(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, PAGES_CSP));
		return http.build();
	}

	/**
	 * The same protections on every response of every surface (pages, web chat, calendar feeds,
	 * Swagger UI, the API, errors): a CSP, no framing, a referrer policy, nosniff (Spring's default),
	 * and HSTS. Browsers ignore HSTS over plain HTTP (RFC 6797 8.1), so it is sent on every response;
	 * behind a TLS proxy it reaches the browser whatever the forwarded scheme.
	 */
	private static Customizer<HeadersConfigurer<HttpSecurity>> protections(ReferrerPolicy referrer, HeaderWriter csp) {
		return headers -> headers.addHeaderWriter(csp)
			.frameOptions(frame -> frame.deny())
			.referrerPolicy(policy -> policy.policy(referrer))
			.httpStrictTransportSecurity(hsts -> hsts.requestMatcher(AnyRequestMatcher.INSTANCE).includeSubDomains(true));
	}

	/** The same protections on an answer that no filter chain writes: the firewall's refusal of a path. */
	static void protect(HttpServletRequest request, HttpServletResponse response) {
		HstsHeaderWriter hsts = new HstsHeaderWriter(true);
		hsts.setRequestMatcher(AnyRequestMatcher.INSTANCE);
		List.of(PAGES_CSP, new XContentTypeOptionsHeaderWriter(), new XFrameOptionsHeaderWriter(XFrameOptionsMode.DENY),
				new ReferrerPolicyHeaderWriter(ReferrerPolicy.NO_REFERRER), hsts)
			.forEach(writer -> writer.writeHeaders(request, response));
	}

	/** Requests that came in on a separate management port; none when there is no such port. */
	static RequestMatcher onManagementPort(Environment environment) {
		Integer management = environment.getProperty("management.server.port", Integer.class);
		Integer server = environment.getProperty("server.port", Integer.class, 8080);
		if (management == null || management <= 0 || management.equals(server)) {
			return request -> false;
		}
		return request -> request.getLocalPort() == management;
	}

	@Bean
	@Order(1)
	SecurityFilterChain participantSide(HttpSecurity http) throws Exception {
		http.securityMatcher(PUBLIC_PATHS)
			.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// a chat link's or calendar feed's secret is in its URL: never sent on as a referrer
			.headers(protections(ReferrerPolicy.NO_REFERRER, (request, response) -> {
				if (!response.containsHeader(CSP)) {
					response.setHeader(CSP, SWAGGER_UI.matches(request) ? SWAGGER_UI_CSP : CONTENT_SECURITY_POLICY);
				}
			}));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain api(HttpSecurity http, AuthenticationManager coachPasswords, ApiProblemResponses problems,
			ApiTokenService tokens) throws Exception {
		http.securityMatcher("/api/**")
			.addFilterBefore(BearerTokens.filter(tokens, problems), BasicAuthenticationFilter.class)
			// accounts and tokens; and the messaging endpoints that take a message id or a phone number
			// rather than a participant, so no caseload check can apply to them
			.authorizeHttpRequests(auth -> auth.requestMatchers("/api/coaches/**", "/api/coaches", "/api/tokens/**",
					"/api/tokens", "/api/sign-ins", "/api/messages/**", "/api/web-chat/**")
				.hasRole(Role.SUPERVISOR.name())
				.requestMatchers(HttpMethod.POST, SUPERVISORS_SIMULATOR)
				.hasRole(Role.SUPERVISOR.name())
				.anyRequest()
				.authenticated())
			.authenticationManager(coachPasswords)
			.httpBasic(basic -> basic.authenticationEntryPoint(problems))
			.exceptionHandling(ex -> ex.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.headers(protections(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, PAGES_CSP));
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain pages(HttpSecurity http, AuthenticationManager coachPasswords, SignInAudit audit,
			CoachSessions sessions) throws Exception {
		http.authorizeHttpRequests(auth -> auth
			.requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/images/**", "/favicon.ico", "/error")
			.permitAll()
			.requestMatchers(HttpMethod.POST, SUPERVISORS_SIMULATOR)
			.hasRole(Role.SUPERVISOR.name())
			.anyRequest()
			.authenticated())
			.authenticationManager(coachPasswords)
			.exceptionHandling(ex -> ex.authenticationEntryPoint(signInFirst()))
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).failureHandler(signInFailures()))
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			// passkeys instead of the password, checked by PasskeyRelyingParty (the relying party and its
			// origins); registered at /passkeys (ours: the default page has inline script)
			.webAuthn(passkeys -> passkeys.disableDefaultRegistrationPage(true)
				.creationOptionsRepository(new PasskeyRegistrations()))
			.addFilterBefore(new PasskeySignInAudit(audit), LogoutFilter.class)
			// a new session id at sign-in, so a session id planted before it is worthless; and the session
			// ends when the coach is disabled or their role or password changes
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId())
				.addSessionAuthenticationStrategy(sessions.atSignIn()))
			.addFilterBefore(sessions.onEachRequest(), AnonymousAuthenticationFilter.class)
			.csrf(csrf -> csrf.csrfTokenRequestHandler(new CsrfTokens()))
			.headers(protections(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, PAGES_CSP));
		DefaultSecurityFilterChain chain = http.build();
		// Spring Security 6.5 builds its passkey sign-in filter without the sign-in session strategy, so a
		// passkey sign-in kept the session id it came with: give it the form login's (new session id, new
		// CSRF token)
		SessionAuthenticationStrategy signInSession = http.getSharedObject(SessionAuthenticationStrategy.class);
		chain.getFilters()
			.stream()
			.filter(WebAuthnAuthenticationFilter.class::isInstance)
			.forEach(filter -> ((WebAuthnAuthenticationFilter) filter).setSessionAuthenticationStrategy(signInSession));
		return chain;
	}

	/**
	 * Anonymous page requests go to the sign-in page; an htmx request (after the session ended) is
	 * told to load it as a whole page instead of swapping it into a fragment.
	 */
	private static AuthenticationEntryPoint signInFirst() {
		return DelegatingAuthenticationEntryPoint.builder().addEntryPointFor((request, response, denied) -> {
			response.setHeader("HX-Redirect", request.getContextPath() + "/login");
			response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		}, new RequestHeaderRequestMatcher("HX-Request", "true"))
			.defaultEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"))
			.build();
	}

	/** A locked username gets its own message (unknown usernames lock the same way, so it reveals nothing). */
	private static AuthenticationFailureHandler signInFailures() {
		ExceptionMappingAuthenticationFailureHandler failures = new ExceptionMappingAuthenticationFailureHandler();
		failures.setExceptionMappings(Map.of(LockedException.class.getName(), "/login?locked"));
		failures.setDefaultFailureUrl("/login?error");
		return failures;
	}

	/** Password sign-in for pages and HTTP Basic, with the lockout in front and every attempt published. */
	@Bean
	AuthenticationManager coachPasswords(UserDetailsService coachSignIns, PasswordEncoder encoder,
			AuthenticationEventPublisher events, SignInThrottle throttle) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(coachSignIns);
		passwords.setPasswordEncoder(encoder);
		ProviderManager manager = new ProviderManager(List.of(new ThrottledPasswords(passwords, throttle)));
		manager.setAuthenticationEventPublisher(events);
		return manager;
	}

	/** bcrypt by default, behind the delegating encoder so the scheme can change without a reset. */
	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/** Enabled accounts only: a disabled one looks like a wrong password (and has no passkey sign-in). */
	@Bean
	UserDetailsService coachSignIns(CoachAccounts coaches) {
		return username -> coaches.find(username)
			.filter(Coach::enabled)
			.map(coach -> User.withUsername(coach.username())
				.password(coach.passwordHash())
				.roles(coach.role())
				.build())
			.orElseThrow(() -> new UsernameNotFoundException("no such coach"));
	}
}
