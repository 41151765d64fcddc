package org.reconnect.messaging;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What messaging needs to know about whoever owns a phone number, answered by the modules that
 * know people (participants): their zone for quiet hours, and their own quiet hours and daily cap
 * when they differ from the defaults. Messaging knows phones, not people.
 */
public interface RecipientPolicy {

	/** Empty when this implementation does not know the number. */
	Optional<Recipient> recipient(String phone);

	/**
	 * {@link #recipient} for several numbers (a batch of messages); numbers not known are left
	 * out. Override to answer in one lookup.
	 */
	default Map<String, Recipient> recipients(Collection<String> phones) {
		Map<String, Recipient> known = new HashMap<>();
		phones.forEach(phone -> recipient(phone).ifPresent(recipient -> known.put(phone, recipient)));
		return known;
	}

	/**
	 * @param quietFrom start of quiet hours, or null for the configured default
	 * @param quietUntil end of quiet hours, or null for the configured default
	 * @param dailyCap scheduled messages per local day, or null for the configured default
	 */
	record Recipient(ZoneId zone, LocalTime quietFrom, LocalTime quietUntil, Integer dailyCap) {

		public static Recipient inZone(ZoneId zone) {
			return new Recipient(zone, null, null, null);
		}
	}
}
