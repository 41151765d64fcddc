package org.reconnect.participants;

import org.reconnect.participants.QuietHours;
import org.reconnect.system.CleanText;

import jakarta.validation.constraints.Size;

/**
 * Quiet hours as a request gives them: 24-hour HH:mm in the person's own zone; the span may cross
 * midnight. Both left out means the organisation's.
 */
public record LocalQuietHours(@Size(max = 5) @CleanText String start, @Size(max = 5) @CleanText String end) {

	/** @return null when left out */
	public static QuietHours read(String field, LocalQuietHours given) {
		return given == null ? null : QuietHours.parse(field, given.start(), given.end());
	}
}
