package org.reconnect.console.pages;

import java.util.Locale;
import java.util.Map;

import org.reconnect.console.CoachMessages;
import org.reconnect.console.ParticipantOptedOut;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.system.InvalidInput;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The coach writes to the participant from their page, through {@link CoachMessages} as the API does. */
@Controller
class CoachMessageForm {

	private final CoachScope scope;
	private final CoachMessages messages;
	private final MessageSource texts;

	CoachMessageForm(CoachScope scope, CoachMessages messages, MessageSource texts) {
		this.scope = scope;
		this.messages = messages;
		this.texts = texts;
	}

	@PostMapping("/participants/{id}/messages")
	String write(@PathVariable String id, @RequestParam(defaultValue = "") String text,
			@RequestParam(defaultValue = "false") boolean urgent, Authentication coach, RedirectAttributes redirect,
			Locale locale) {
		ParticipantProfile profile = scope.owned(id, coach);
		try {
			CoachMessages.ThreadMessage sent = messages.send(profile, text, urgent, coach.getName());
			redirect.addFlashAttribute("done", texts.getMessage("QUEUED".equals(sent.status())
					? "participant.write.queued" : "participant.write.sent", new Object[] { profile.firstName() }, locale));
		}
		catch (InvalidInput invalid) {
			redirect.addFlashAttribute("messageErrors", Map.of("text", invalid.problems().get(0).messageIn(texts, locale)));
			redirect.addFlashAttribute("messageDraft", text);
		}
		catch (ParticipantOptedOut optedOut) {
			redirect.addFlashAttribute("messageErrors", Map.of("text",
					texts.getMessage("participant.write.opted-out", new Object[] { profile.firstName() }, locale)));
		}
		return "redirect:/participants/" + id + "#write";
	}
}
