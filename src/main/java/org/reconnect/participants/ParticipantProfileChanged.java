package org.reconnect.participants;

import java.util.Set;

/**
 * A coach changed the participant's profile; {@code fields} names what changed (as the request
 * names it, e.g. timeZone, checkInTime), never the values; {@code by} is "coach:<name>".
 */
public record ParticipantProfileChanged(ParticipantId participant, Set<String> fields, String by) {

	/** Whether the daily check-in moved: its local time or the zone it is read in. */
	public boolean checkInMoved() {
		return fields.contains("timeZone") || fields.contains("checkInTime");
	}
}
