package org.reconnect.messaging;

/** Tells messaging who sent a message; the participants module answers, as messaging cannot know people. */
public interface SenderLookup {

	/** @return the participant with this number, or {@link Sender.Unknown} */
	Sender identify(String phone);
}
