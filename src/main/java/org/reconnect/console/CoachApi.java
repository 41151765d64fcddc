package org.reconnect.console;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.reconnect.coaches.CoachAccounts;
import org.reconnect.system.CleanText;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * The supervisor's API (the filter chain admits only SUPERVISOR here): coach accounts, API tokens
 * and the sign-in audit.
 */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
class CoachApi {

	private final CoachAccounts accounts;
	private final ApiTokenService tokens;
	private final SignIns signIns;

	CoachApi(CoachAccounts accounts, ApiTokenService tokens, SignIns signIns) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.signIns = signIns;
	}

	@Operation(summary = "Create a coach or supervisor account (supervisors only)",
			description = "Username, password (checked against the password policy), role COACH or SUPERVISOR, and how "
					+ "to reach them: phone, e-mail, time zone and quiet hours; optionally displayName, the name participants "
					+ "read for them (e.g. \"Dana R.\"; their username when absent, and they can set it on their Settings "
					+ "page). The new account at its URL.")
	@ApiResponse(responseCode = "201", description = "Created: the account, at /api/coaches/{username}")
	@ApiResponse(responseCode = "409", description = "The username is taken")
	@PostMapping("/coaches")
	ResponseEntity<CoachAccounts.CoachView> create(@Valid @RequestBody CoachAccounts.NewCoach request) {
		CoachAccounts.CoachView created = accounts.create(request);
		return ResponseEntity.created(URI.create("/api/coaches/" + created.username())).body(created);
	}

	@Operation(summary = "List the staff accounts (supervisors only)",
			description = "Every coach and supervisor with their role, contact details, time zone and quiet hours, and "
					+ "whether the account is enabled; never a password.")
	@GetMapping("/coaches")
	List<CoachAccounts.CoachView> coaches() {
		return accounts.all();
	}

	/** How the coach is reached (phone, e-mail) and when not (time zone, quiet hours): all replaced. */
	@PutMapping("/coaches/{username}/contact")
	CoachAccounts.CoachView changeContact(@PathVariable String username,
			@Valid @RequestBody CoachAccounts.CoachContact request) {
		return accounts.changeContact(username, request);
	}

	/** The coach can no longer sign in, and their API tokens stop working; their participants stay. */
	@PostMapping("/coaches/{username}/disable")
	CoachAccounts.CoachView disable(@PathVariable String username, Authentication supervisor) {
		return accounts.disable(username, supervisor.getName());
	}

	/** A new role; the coach's console sessions end and their API tokens are revoked. */
	@PutMapping("/coaches/{username}/role")
	CoachAccounts.CoachView changeRole(@PathVariable String username, @RequestBody RoleChange request,
			Authentication supervisor) {
		return accounts.changeRole(username, request == null ? null : request.role(), supervisor.getName());
	}

	/** A new password (a reset); the coach's console sessions end and their API tokens are revoked. */
	@PutMapping("/coaches/{username}/password")
	CoachAccounts.CoachView changePassword(@PathVariable String username, @RequestBody PasswordChange request) {
		return accounts.changePassword(username, request == null ? null : request.password());
	}

	/** Issues a token; the secret is in this answer only. */
	@ApiResponse(responseCode = "201", description = "Issued: the token's secret is shown this once")
	@PostMapping("/tokens")
	ResponseEntity<IssuedToken> issue(@Valid @RequestBody NewToken request, Authentication supervisor) {
		ApiTokenService.Issued issued = tokens.issue(request.coach(), request.name(), request.expiresAt(),
				supervisor.getName());
		return ResponseEntity.status(HttpStatus.CREATED).body(new IssuedToken(TokenView.of(issued.token()), issued.secret()));
	}

	@Operation(summary = "List API tokens (supervisors only)",
			description = "Each token's id, name, coach, when and by whom it was issued, when it expires and whether "
					+ "it was revoked; never the secret.")
	@GetMapping("/tokens")
	List<TokenView> tokens() {
		return tokens.all().stream().map(TokenView::of).toList();
	}

	@Operation(summary = "Revoke an API token (supervisors only)",
			description = "Takes effect at once: the next request with it is answered 401.")
	@ApiResponse(responseCode = "204", description = "Revoked")
	@ApiResponse(responseCode = "404", description = "No token with this id (answered without a body)", content = @Content)
	@DeleteMapping("/tokens/{id}")
	ResponseEntity<Void> revoke(@PathVariable String id) {
		return tokens.revoke(id) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
	}

	/** Sign-in attempts, newest first: {@code ?username=sam&limit=100}. */
	@GetMapping("/sign-ins")
	List<SignIn> signIns(@RequestParam(required = false) String username, @RequestParam(defaultValue = "100") int limit) {
		if (limit < 1 || limit > 1000) {
			throw org.reconnect.system.InvalidInput.of("limit", "problem.limit");
		}
		PageRequest page = PageRequest.of(0, limit);
		return username == null || username.isBlank() ? signIns.findAllByOrderByAtDesc(page)
				: signIns.findByUsernameOrderByAtDesc(username, page);
	}

	/** @param role COACH or SUPERVISOR */
	record RoleChange(String role) {
	}

	/** @param password by the same rules as a new account's: at least 12 characters, not common */
	record PasswordChange(String password) {
	}

	/**
	 * @param coach the username the token acts as
	 * @param name what it is for, e.g. "reporting script"
	 * @param expiresAt an ISO instant, within a year
	 */
	record NewToken(@Size(max = 40) @CleanText String coach, @Size(max = 80) @CleanText String name, Instant expiresAt) {
	}

	/** A token without its secret. */
	record TokenView(String id, String name, String coach, Instant issuedAt, String issuedBy, Instant expiresAt,
			Instant revokedAt) {

		static TokenView of(ApiToken token) {
			return new TokenView(token.id(), token.name(), token.coach(), token.issuedAt(), token.issuedBy(),
					token.expiresAt(), token.revokedAt());
		}
	}

	/** @param secret send it as {@code Authorization: Bearer <secret>}; it is not shown again */
	record IssuedToken(TokenView token, String secret) {
	}
}
