package org.reconnect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/**
 * The welcome every enrolment sends (see participants' WelcomeIntegrationTests), for tests of
 * other things that count what a participant got after it.
 */
public final class WelcomeTexts {

	private WelcomeTexts() {
	}

	/** Whether a text is the enrolment's welcome, in English or Spanish. */
	public static boolean is(String body) {
		return body != null && (body.contains(", this is Reconnect. Your coach ")
				|| body.contains(", te escribe Reconnect. Tu coach "));
	}

	/** The texts after the welcome, which must come first (oldest first, as enrolment sent it). */
	public static List<String> after(List<String> oldestFirst) {
		assertThat(oldestFirst).as("the welcome comes first").isNotEmpty();
		assertThat(is(oldestFirst.get(0))).as("the welcome comes first: " + oldestFirst.get(0)).isTrue();
		return List.copyOf(oldestFirst.subList(1, oldestFirst.size()));
	}
}
