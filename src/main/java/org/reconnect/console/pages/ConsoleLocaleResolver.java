package org.reconnect.console.pages;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The console's language: the one the coach chose on the settings page; else the first of the
 * browser's Accept-Language the console speaks; else the first configured language. Replaces
 * Boot's Accept-Language-only resolver (by its bean name).
 */
@Component("localeResolver")
class ConsoleLocaleResolver implements LocaleResolver {

	private final ConsolePreferences preferences;
	private final AcceptHeaderLocaleResolver browser = new AcceptHeaderLocaleResolver();

	ConsoleLocaleResolver(ConsolePreferences preferences) {
		this.preferences = preferences;
		List<Locale> spoken = preferences.languages().stream().map(Locale::forLanguageTag).toList();
		browser.setSupportedLocales(spoken);
		browser.setDefaultLocale(spoken.get(0));
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		return preferences.language().orElseGet(() -> browser.resolveLocale(request));
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		throw new UnsupportedOperationException("the console's language is chosen on the settings page");
	}
}
