package org.reconnect.participants;

import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a participant across modules. */
public record ParticipantId(@JsonValue String value) {

	@Override
	public String toString() {
		return value;
	}
}
