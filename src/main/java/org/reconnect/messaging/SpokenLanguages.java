package org.reconnect.messaging;

import java.util.Locale;
import java.util.Optional;

/**
 * The language a number that is not a participant's reads (an ally's), answered by the module
 * that keeps their record, so a keyword reply from messaging comes in it.
 */
public interface SpokenLanguages {

	/** Empty when this implementation does not know the number or its language. */
	Optional<Locale> of(String phone);
}
