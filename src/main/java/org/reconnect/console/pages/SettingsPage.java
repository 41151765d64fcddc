package org.reconnect.console.pages;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.reconnect.coaches.Coach;
import org.reconnect.coaches.CoachAccounts;
import org.reconnect.system.InvalidInput;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A coach's own settings ({@code /settings}): the name participants read for them (their username
 * until they give one), the zone they read times in (picked from a searchable list of places) and
 * the console's language (the browser's, or one they choose).
 */
@Controller
class SettingsPage {

	private final ConsolePreferences preferences;
	private final MessageSource texts;
	private final CoachAccounts accounts;

	SettingsPage(ConsolePreferences preferences, MessageSource texts, CoachAccounts accounts) {
		this.preferences = preferences;
		this.texts = texts;
		this.accounts = accounts;
	}

	@GetMapping("/settings")
	String show(Authentication coach, Model model) {
		ConsolePreference mine = preferences.of(coach.getName());
		String displayName = accounts.find(coach.getName()).map(Coach::displayName).orElse(null);
		fill(coach, displayName == null ? "" : displayName, mine.zone() == null ? "" : mine.zone(),
				mine.language() == null ? "" : mine.language(), FieldErrors.none(), model);
		return "settings";
	}

	/** Saves all three; an empty name clears it (participants read the username again). */
	@PostMapping("/settings")
	String save(@RequestParam(defaultValue = "") String displayName, @RequestParam(defaultValue = "") String zone,
			@RequestParam(defaultValue = "") String language, Authentication coach, Locale locale, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		FieldErrors errors = FieldErrors.none();
		String chosenZone = zone.trim();
		if (!chosenZone.isEmpty()) {
			try {
				chosenZone = ZoneId.of(chosenZone).getId();
			}
			catch (DateTimeException ex) {
				errors.add("zone", texts.getMessage("settings.error.zone", new Object[] { chosenZone }, locale));
			}
		}
		if (!language.isEmpty() && !preferences.languages().contains(language)) {
			errors.add("language", texts.getMessage("settings.error.unknown-language", new Object[] { language }, locale));
		}
		if (errors.isEmpty()) {
			try {
				// checked and saved in one step, and only once the rest is known to be fine: nothing is saved on an error
				accounts.changeDisplayName(coach.getName(), displayName.isEmpty() ? null : displayName);
			}
			catch (InvalidInput invalid) {
				FieldErrors.of(invalid, texts).all().forEach(errors::add);
			}
		}
		if (!errors.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			fill(coach, displayName, zone, language, errors, model);
			return "settings";
		}
		preferences.save(new ConsolePreference(coach.getName(), chosenZone.isEmpty() ? null : chosenZone,
				language.isEmpty() ? null : language));
		Locale now = language.isEmpty() ? locale : Locale.forLanguageTag(language);
		redirect.addFlashAttribute("done", texts.getMessage("settings.saved", null, now));
		return "redirect:/settings";
	}

	private void fill(Authentication coach, String displayName, String zone, String language, FieldErrors errors,
			Model model) {
		// the hint says what participants read now: the stored name, not one the form refused
		model.addAttribute("unnamed",
				accounts.find(coach.getName()).map(Coach::displayName).isEmpty() ? coach.getName() : null);
		model.addAttribute("displayName", displayName);
		model.addAttribute("longestDisplayName", CoachAccounts.LONGEST_DISPLAY_NAME);
		model.addAttribute("zone", zone);
		model.addAttribute("language", language);
		model.addAttribute("languages", preferences.languages());
		model.addAttribute("zones", ZoneId.getAvailableZoneIds().stream().filter(id -> id.contains("/")).sorted().toList());
		model.addAttribute("serverZone", ZoneId.systemDefault());
		model.addAttribute("errors", errors);
	}
}
