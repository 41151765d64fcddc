package org.reconnect.escalation;

import java.util.Locale;

/**
 * What a crisis message calls for, named by each phrase family ({@code response:}); each has its
 * own resource text. When families of several kinds match, the most urgent reply goes.
 */
enum CrisisResponse {

	/** Thoughts of suicide or self-harm, hopelessness, goodbyes: the crisis line, and 911 in danger. */
	CRISIS,
	/** Danger from someone else: 911 first. */
	DANGER,
	/** An overdose or someone not breathing, theirs or another's: 911 now, naloxone, stay with them. */
	OVERDOSE;

	/** The name used in phrase files and message keys. */
	String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	static CrisisResponse of(String key) {
		return valueOf(key.strip().toUpperCase(Locale.ROOT));
	}
}
