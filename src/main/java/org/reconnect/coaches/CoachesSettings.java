package org.reconnect.coaches;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;

/**
 * The coaches' accounts. Bound under {@code reconnect.console}, where these keys have always been
 * (sign-in itself: the console's settings, under the same prefix).
 *
 * @param initialCoach username, password (generated and printed once when empty), an optional
 * mobile number for crisis notices, e-mail and the name participants read for them; created on
 * first start when there is no account
 * @param passwordMinLength the shortest password anywhere (accounts, changes, the first coach); 12 at least
 * @param mail e-mail to staff (sent only when an SMTP server is set up, {@code spring.mail.host})
 */
@Validated
@ConfigurationProperties("reconnect.console")
record CoachesSettings(@DefaultValue InitialCoach initialCoach, @DefaultValue("12") @Min(12) int passwordMinLength,
		@DefaultValue Mail mail) {

	record InitialCoach(@DefaultValue("coach") String username, String password, String phone, String email,
			String displayName) {
	}

	/**
	 * @param from the sender of e-mails to staff; blank (an empty variable) means reconnect@localhost
	 * @param consoleUrl where staff open the console: e-mails hold only a link to it, no details;
	 * blank means http://localhost:8080
	 */
	record Mail(@DefaultValue(LOCAL_SENDER) String from, @DefaultValue(LOCAL_CONSOLE) String consoleUrl) {

		private static final String LOCAL_SENDER = "reconnect@localhost";

		private static final String LOCAL_CONSOLE = "http://localhost:8080";

		String sender() {
			return from == null || from.isBlank() ? LOCAL_SENDER : from.trim();
		}

		/** A link to a place in the console, e.g. /alerts#notice-... */
		String link(String path) {
			String base = consoleUrl == null || consoleUrl.isBlank() ? LOCAL_CONSOLE : consoleUrl.trim();
			return base.replaceAll("/+$", "") + path;
		}
	}
}
