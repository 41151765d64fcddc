package org.reconnect.console.pages;

import java.util.Locale;

import org.reconnect.console.Reassignments;
import org.reconnect.system.InvalidInput;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A supervisor moves a coach's whole caseload to another coach (cover while one is away) and back,
 * through {@link Reassignments} as POST /api/caseload-moves does. Other coaches get 403.
 */
@Controller
class CaseloadCoverPage {

	private final CoachScope scope;
	private final Reassignments reassignments;
	private final MessageSource texts;

	CaseloadCoverPage(CoachScope scope, Reassignments reassignments, MessageSource texts) {
		this.scope = scope;
		this.reassignments = reassignments;
		this.texts = texts;
	}

	@GetMapping("/caseload/cover")
	String form(Authentication coach, Model model) {
		if (!scope.isSupervisor(coach)) {
			throw new AccessDeniedException("Only a supervisor can move a caseload");
		}
		model.addAttribute("coaches", reassignments.enabledCoaches());
		return "caseload-cover";
	}

	@PostMapping("/caseload/cover")
	String cover(@RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
			Authentication coach, RedirectAttributes redirect, Locale locale) {
		try {
			int moved = reassignments.reassignCaseload(from, to, coach).size();
			redirect.addFlashAttribute("done", texts.getMessage("participant.cover.done", new Object[] { moved, from, to }, locale));
		}
		catch (InvalidInput invalid) {
			redirect.addFlashAttribute("coverError", invalid.problems().get(0).field() + " "
					+ invalid.problems().get(0).messageIn(texts, locale));
		}
		return "redirect:/caseload/cover";
	}
}
