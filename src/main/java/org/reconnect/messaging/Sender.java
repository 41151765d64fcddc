package org.reconnect.messaging;

import java.util.Locale;
import java.util.Optional;

/**
 * Who wrote an inbound message, looked up once per message ({@link SenderLookup}) and handed to
 * every step of the {@link InboundPipeline}, so no step asks again. An enrolled participant is
 * their profile; any other number is {@link Unknown}: allies and coaches are found by the steps
 * that own their records (invitations, alerts), since one number can be several of these at once.
 */
public interface Sender {

	/** The sender's number in E.164. */
	String phone();

	/** The language they read, when their record says (a participant's); empty for an unknown number. */
	default Optional<Locale> locale() {
		return Optional.empty();
	}

	/** Whether they paused their own check-ins (a participant's); a paused person's START word resumes them. */
	default boolean paused() {
		return false;
	}

	/** A number no participant has. */
	record Unknown(String phone) implements Sender {
	}
}
