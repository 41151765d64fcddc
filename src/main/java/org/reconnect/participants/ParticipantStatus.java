package org.reconnect.participants;

/** Whether Reconnect may write to a participant. */
public enum ParticipantStatus {
	ACTIVE, PAUSED, OPTED_OUT
}
