package org.reconnect.participants;

/**
 * The name a participant or an ally reads for a coach: the one the coach gave ("Dana R."), else
 * their username. The coaches module answers (it keeps the accounts); participants, flows and the
 * console ask, so every text that names the coach names them the same way.
 */
@FunctionalInterface
public interface CoachNames {

	/** For the coach with this username; the username itself when they gave no name or have no account. */
	String nameParticipantsRead(String coach);
}
