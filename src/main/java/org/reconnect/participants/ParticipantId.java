package org.reconnect.participants;

/** Identifies a participant across modules. */
public record ParticipantId(String value) {

	@Override
	public String toString() {
		return value;
	}
}
