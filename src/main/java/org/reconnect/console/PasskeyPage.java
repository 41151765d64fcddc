package org.reconnect.console;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Where a signed-in coach adds or removes a passkey. Spring Security's own registration page has an
 * inline script, which the console's Content-Security-Policy forbids, so this page uses
 * /js/passkeys.js against the same endpoints.
 */
@Controller
class PasskeyPage {

	private final PasskeyStore passkeys;

	PasskeyPage(PasskeyStore passkeys) {
		this.passkeys = passkeys;
	}

	@GetMapping("/passkeys")
	String passkeys(Authentication coach, Model model) {
		PublicKeyCredentialUserEntity user = passkeys.findByUsername(coach.getName());
		List<CredentialRecord> credentials = user == null ? List.of() : passkeys.findByUserId(user.getId());
		model.addAttribute("passkeys", credentials.stream()
			.map(c -> new Passkey(c.getCredentialId().toBase64UrlString(), c.getLabel(), c.getCreated(), c.getLastUsed()))
			.toList());
		return "passkeys";
	}

	record Passkey(String id, String label, java.time.Instant created, java.time.Instant lastUsed) {
	}
}
