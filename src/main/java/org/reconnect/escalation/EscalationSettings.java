package org.reconnect.escalation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param crisisResources the text sent at once to anyone who writes in crisis; name the local
 * crisis line
 */
@Validated
@ConfigurationProperties("reconnect.escalation")
record EscalationSettings(@DefaultValue("You're not alone, and you matter. If you might act on these thoughts, "
		+ "call or text 988 (Suicide & Crisis Lifeline) now, or 911 if you're in danger. I've let your coach know.")
String crisisResources) {
}
