package org.reconnect.flows;

import java.util.Optional;

import org.reconnect.participants.ParticipantProfile;

/**
 * A value for a flow placeholder that another module knows, such as {@code {next_meeting}} from
 * the reminders. The flows module asks; the module that knows answers (in the participant's
 * language).
 */
public interface PlaceholderSource {

	/** The placeholder's name, without braces. */
	String placeholder();

	/** The text to put in its place; empty to use the flow module's neutral wording. */
	Optional<String> value(ParticipantProfile participant);
}
