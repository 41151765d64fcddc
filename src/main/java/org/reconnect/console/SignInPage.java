package org.reconnect.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's sign-in page; Spring Security handles the POST, sign-out and the passkey ceremony. */
@Controller
class SignInPage {

	@GetMapping("/login")
	String login() {
		return "login";
	}
}
