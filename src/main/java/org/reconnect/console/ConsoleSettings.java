package org.reconnect.console;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The first coach account, created on first start when there is none.
 *
 * @param initialCoach username, password (generated and printed once when empty) and an optional
 * mobile number for crisis notices
 */
@Validated
@ConfigurationProperties("reconnect.console")
record ConsoleSettings(@DefaultValue InitialCoach initialCoach) {

	record InitialCoach(@DefaultValue("coach") String username, String password, String phone) {
	}
}
