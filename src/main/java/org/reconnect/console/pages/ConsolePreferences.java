package org.reconnect.console.pages;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.reconnect.participants.ParticipantService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The signed-in coach's console preferences (zone and language), read once per request. A coach
 * who has chosen none reads times in the server's zone and pages in their browser's language.
 */
@Component
public class ConsolePreferences {

	private static final String KEY = ConsolePreferences.class.getName();

	private final ConsolePreferenceStore store;
	private final List<String> languages;

	ConsolePreferences(ConsolePreferenceStore store, ParticipantService participants) {
		this.store = store;
		this.languages = participants.languages();
	}

	/** The languages the console speaks: those configured for participants. */
	public List<String> languages() {
		return languages;
	}

	/** The signed-in coach's preferences; empty ones outside a request or when signed out. */
	ConsolePreference current() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		Authentication coach = SecurityContextHolder.getContext().getAuthentication();
		if (coach == null || !coach.isAuthenticated()) {
			return new ConsolePreference(null, null, null);
		}
		if (request != null && request.getAttribute(KEY, RequestAttributes.SCOPE_REQUEST) instanceof ConsolePreference known
				&& coach.getName().equals(known.username())) {
			return known;
		}
		ConsolePreference found = of(coach.getName());
		if (request != null) {
			request.setAttribute(KEY, found, RequestAttributes.SCOPE_REQUEST);
		}
		return found;
	}

	ConsolePreference of(String username) {
		return store.findById(username).orElse(new ConsolePreference(username, null, null));
	}

	/** The zone the signed-in coach reads times in. */
	ZoneId zone() {
		String zone = current().zone();
		try {
			return zone == null ? ZoneId.systemDefault() : ZoneId.of(zone);
		}
		catch (DateTimeException ex) {
			return ZoneId.systemDefault();
		}
	}

	/** The language the signed-in coach chose, if any. */
	Optional<Locale> language() {
		String language = current().language();
		return language == null || !languages.contains(language) ? Optional.empty()
				: Optional.of(Locale.forLanguageTag(language));
	}

	void save(ConsolePreference preference) {
		store.save(preference);
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			request.removeAttribute(KEY, RequestAttributes.SCOPE_REQUEST);
		}
	}
}
