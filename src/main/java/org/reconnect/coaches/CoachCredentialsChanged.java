package org.reconnect.coaches;

/**
 * A coach's account was disabled, or its role or password changed: whatever was issued under the
 * old credentials (the console's API tokens) no longer holds. Published before the change returns.
 *
 * @param username the account
 */
public record CoachCredentialsChanged(String username) {
}
