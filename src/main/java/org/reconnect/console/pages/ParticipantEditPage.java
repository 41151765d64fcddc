package org.reconnect.console.pages;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.reconnect.console.Reassignments;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantService;
import org.reconnect.participants.ProfileEdit;
import org.reconnect.system.InvalidInput;
import org.reconnect.system.PhoneNumbers;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Change a participant after enrolment, in one form: name, phone, language, time zone (picked
 * from a list of places), check-in time, channel and quiet hours; the same service and checks as
 * PATCH /api/participants/{id}. A supervisor also moves the participant to another coach here.
 */
@Controller
class ParticipantEditPage {

	private static final List<String> CHANNELS = List.of("SMS", "WHATSAPP", "WEB");

	private final CoachScope scope;
	private final ParticipantService participants;
	private final Reassignments reassignments;
	private final ZoneChoices zones;
	private final PhoneNumbers phones;
	private final MessageSource texts;

	ParticipantEditPage(CoachScope scope, ParticipantService participants, Reassignments reassignments,
			ZoneChoices zones, PhoneNumbers phones, MessageSource texts) {
		this.scope = scope;
		this.participants = participants;
		this.reassignments = reassignments;
		this.zones = zones;
		this.phones = phones;
		this.texts = texts;
	}

	@GetMapping("/participants/{id}/edit")
	String form(@PathVariable String id, Authentication coach, Model model) {
		ParticipantProfile profile = scope.owned(id, coach);
		return show(profile, formOf(profile), FieldErrors.none(), coach, model);
	}

	@PostMapping("/participants/{id}/edit")
	String edit(@PathVariable String id, @ModelAttribute ProfileEdit form, Authentication coach, Model model,
			RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
		ParticipantProfile profile = scope.owned(id, coach);
		try {
			ParticipantProfile changed = participants.edit(profile.id(), form, "coach:" + coach.getName());
			redirect.addFlashAttribute("done", texts.getMessage("participant.edit.done",
					new Object[] { changed.name(), changed.checkInTime().toString(), zones.label(changed.zone()) }, locale));
			return "redirect:/participants/" + id;
		}
		catch (InvalidInput invalid) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST); // the form again, with what to change
			return show(profile, form, FieldErrors.of(invalid, texts), coach, model);
		}
	}

	/** A supervisor moves the participant to another coach; anyone else gets 403 from {@link Reassignments}. */
	@PostMapping("/participants/{id}/coach")
	String reassign(@PathVariable String id, @RequestParam(defaultValue = "") String coach, Authentication who,
			RedirectAttributes redirect, Locale locale) {
		try {
			ParticipantProfile moved = reassignments.reassign(id, coach, who);
			redirect.addFlashAttribute("done",
					texts.getMessage("participant.coach.done", new Object[] { moved.name(), moved.coach() }, locale));
		}
		catch (InvalidInput invalid) {
			redirect.addFlashAttribute("coachError", invalid.problems().get(0).messageIn(texts, locale));
		}
		return "redirect:/participants/" + id;
	}

	private String show(ParticipantProfile profile, ProfileEdit form, FieldErrors errors, Authentication coach,
			Model model) {
		model.addAttribute("participant", profile);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("zones", zones.all());
		model.addAttribute("languages", participants.languages());
		model.addAttribute("channels", CHANNELS);
		model.addAttribute("defaultQuietHours", participants.defaultQuietHours());
		model.addAttribute("supervisor", scope.isSupervisor(coach));
		return "participant-edit";
	}

	private ProfileEdit formOf(ParticipantProfile profile) {
		var quiet = participants.quietHoursOf(profile);
		return new ProfileEdit(profile.name(), phones.national("phone", profile.phone()), profile.zone().getId(),
				profile.checkInTime().toString(), profile.language(), profile.channel().name(), profile.smsFallback(),
				quiet.start().toString(), quiet.end().toString());
	}
}
