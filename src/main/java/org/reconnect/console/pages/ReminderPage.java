package org.reconnect.console.pages;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.reconnect.participants.ParticipantProfile;
import org.reconnect.reminders.ReminderService;
import org.reconnect.reminders.ReminderView;
import org.reconnect.system.InvalidInput;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The reminder form on a participant's page: add, change, delete, and preview as the coach types
 * (htmx swaps the preview in; without JavaScript the Preview button shows the whole page with it).
 * The form's choices become a start and a rule in {@link ScheduleRule}; the next dates are in the
 * participant's local time.
 */
@Controller
class ReminderPage {

	private static final int PREVIEW_COUNT = 5;

	private final CoachScope scope;
	private final ReminderService reminders;
	private final ParticipantPage page;
	private final MessageSource texts;

	ReminderPage(CoachScope scope, ReminderService reminders, ParticipantPage page, MessageSource texts) {
		this.scope = scope;
		this.reminders = reminders;
		this.page = page;
		this.texts = texts;
	}

	@PostMapping("/participants/{id}/reminders")
	String add(@PathVariable String id, @ModelAttribute("form") ReminderForm form, Authentication coach, Locale locale,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		ParticipantProfile profile = scope.owned(id, coach);
		try {
			ScheduleRule.Built built = ScheduleRule.build(form, null, texts, locale);
			ReminderView created = reminders.create(profile.id(), form.toRequest(profile.zone().getId(), built));
			redirect.addFlashAttribute("done",
					texts.getMessage("repeat.added", new Object[] { created.title(), created.description() }, locale));
			return "redirect:/participants/" + id + "#reminders";
		}
		catch (InvalidInput invalid) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST); // the form again, with what to change
			page.fill(profile, form, null, errors(invalid, locale), model);
			return "participant";
		}
	}

	@PostMapping("/participants/{id}/reminders/{reminder}")
	String change(@PathVariable String id, @PathVariable String reminder, @ModelAttribute("form") ReminderForm form,
			Authentication coach, Locale locale, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		ParticipantProfile profile = scope.owned(id, coach);
		ReminderView before = reminders.get(profile.id(), reminder);
		try {
			ScheduleRule.Built built = ScheduleRule.build(form, before.rule(), texts, locale);
			ReminderView changed = reminders.change(profile.id(), reminder, form.toRequest(before.timeZone(), built));
			redirect.addFlashAttribute("done",
					texts.getMessage("repeat.changed", new Object[] { changed.title(), changed.description() }, locale));
			return "redirect:/participants/" + id + "#reminders";
		}
		catch (InvalidInput invalid) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			page.fill(profile, form, reminder, errors(invalid, locale), model);
			return "participant";
		}
	}

	@PostMapping("/participants/{id}/reminders/{reminder}/delete")
	String delete(@PathVariable String id, @PathVariable String reminder, Authentication coach, Locale locale,
			RedirectAttributes redirect) {
		ParticipantProfile profile = scope.owned(id, coach);
		reminders.delete(profile.id(), reminder);
		redirect.addFlashAttribute("done", texts.getMessage("repeat.deleted", null, locale));
		return "redirect:/participants/" + id + "#reminders";
	}

	/**
	 * The schedule in words and its next dates, or what to change: the preview fragment for htmx,
	 * the whole page (form kept as typed) for the Preview button without JavaScript.
	 */
	@PostMapping("/participants/{id}/reminders/preview")
	String preview(@PathVariable String id, @ModelAttribute("form") ReminderForm form,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Authentication coach, Locale locale,
			Model model) {
		ParticipantProfile profile = scope.owned(id, coach);
		String editing = form.editing() == null || form.editing().isBlank() ? null : form.editing();
		String kept = editing == null ? null : reminders.get(profile.id(), editing).rule();
		FieldErrors errors = FieldErrors.none();
		try {
			ScheduleRule.Built built = ScheduleRule.build(form, kept, texts, locale);
			model.addAttribute("preview",
					reminders.preview(profile.id(), form.toRequest(profile.zone().getId(), built), PREVIEW_COUNT));
		}
		catch (InvalidInput invalid) {
			errors = errors(invalid, locale);
		}
		model.addAttribute("previewErrors", errors);
		if (htmx != null) {
			model.addAttribute("participant", profile);
			return "fragments/reminder-form :: preview";
		}
		page.fill(profile, form, editing, errors, model);
		return "participant";
	}

	/** The service's field names as the form's: start is the date, rule the repeat, leads[i] the leads. */
	private FieldErrors errors(InvalidInput invalid, Locale locale) {
		FieldErrors errors = FieldErrors.none();
		invalid.problems().forEach(problem -> errors.add(switch (problem.field()) {
			case "start" -> "date";
			case "rule" -> "repeat";
			default -> problem.field().startsWith("leads") ? "leads" : problem.field();
		}, problem.messageIn(texts, locale)));
		return errors;
	}
}
