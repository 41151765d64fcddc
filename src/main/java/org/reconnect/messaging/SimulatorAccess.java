package org.reconnect.messaging;

import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.Authentication;

/**
 * Which phone numbers a signed-in coach may read and write as in the phone simulator's API. The
 * console answers by its caseload rule; messaging knows numbers, not caseloads.
 */
public interface SimulatorAccess {

	/** Whether {@code who} may read what was sent to this number (E.164) and write in as it. */
	boolean mayUse(String number, Authentication who);

	/** The numbers {@code who} may read; empty when they may read every number (a supervisor). */
	Optional<Set<String>> numbersOf(Authentication who);
}
