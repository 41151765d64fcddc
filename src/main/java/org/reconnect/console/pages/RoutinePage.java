package org.reconnect.console.pages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.reconnect.participants.ParticipantProfile;
import org.reconnect.routines.RoutineRequest;
import org.reconnect.routines.RoutineService;
import org.reconnect.routines.RoutineView;
import org.reconnect.system.InvalidInput;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The routines on a participant's page: put a flow on chosen weekdays at a time of theirs, change
 * the days or the time, turn one off or on, take it away. Each goes through the service the API
 * calls, with its checks: a refusal comes back next to the form, in the API's words, and nothing
 * is changed.
 */
@Controller
class RoutinePage {

	/** A plain weekly rule, whose days the form can show as ticked boxes. */
	private static final Pattern WEEKLY = Pattern.compile("FREQ=WEEKLY;BYDAY=((?:MO|TU|WE|TH|FR|SA|SU)(?:,(?:MO|TU|WE|TH|FR|SA|SU))*)");

	private final CoachScope scope;
	private final RoutineService routines;
	private final MessageSource texts;

	RoutinePage(CoachScope scope, RoutineService routines, MessageSource texts) {
		this.scope = scope;
		this.routines = routines;
		this.texts = texts;
	}

	/**
	 * The form: the flow, the weekdays ticked, the time, whether it is on; {@code rule} keeps a
	 * routine's rule that is not a plain weekly one (set through the API) when no day is ticked.
	 */
	record RoutineForm(String flow, List<String> days, String time, String on, String rule) {

		RoutineRequest request() {
			List<String> ticked = days == null ? List.of()
					: ReminderForm.WEEKDAYS.stream().filter(days::contains).toList();
			String chosen;
			if (!ticked.isEmpty()) {
				chosen = "FREQ=WEEKLY;BYDAY=" + String.join(",", ticked);
			}
			else if (rule != null && !rule.isBlank() && !WEEKLY.matcher(rule).matches()) {
				chosen = rule;
			}
			else {
				throw InvalidInput.of("days", "repeat.error.days");
			}
			return new RoutineRequest(chosen, time, on != null);
		}
	}

	/** The weekdays of a plain weekly rule, for the form's ticked boxes; empty for any other rule. */
	static List<String> days(RoutineView routine) {
		Matcher weekly = WEEKLY.matcher(routine.rule());
		return weekly.matches() ? List.of(weekly.group(1).split(",")) : List.of();
	}

	@PostMapping("/participants/{id}/routines")
	String set(@PathVariable String id, @ModelAttribute RoutineForm form, Authentication coach,
			RedirectAttributes redirect, Locale locale) {
		ParticipantProfile profile = scope.owned(id, coach);
		String flow = form.flow() == null ? "" : form.flow();
		try {
			RoutineView set = routines.set(profile.id(), flow, form.request(), "coach:" + coach.getName());
			redirect.addFlashAttribute("done", texts.getMessage("routine.saved",
					new Object[] { flowWords(flow, locale), set.description() }, locale));
		}
		catch (InvalidInput invalid) {
			Map<String, String> errors = new LinkedHashMap<>();
			invalid.problems().forEach(problem -> errors.merge(problem.field(), problem.messageIn(texts, locale), (a, b) -> a + "; " + b));
			redirect.addFlashAttribute("routineErrors", errors);
			redirect.addFlashAttribute("routineFlow", flow);
		}
		return "redirect:/participants/" + id + "#routines";
	}

	@PostMapping("/participants/{id}/routines/{flow}/delete")
	String delete(@PathVariable String id, @PathVariable String flow, Authentication coach, RedirectAttributes redirect,
			Locale locale) {
		ParticipantProfile profile = scope.owned(id, coach);
		routines.delete(profile.id(), flow);
		redirect.addFlashAttribute("done", texts.getMessage("routine.deleted", new Object[] { flowWords(flow, locale) }, locale));
		return "redirect:/participants/" + id + "#routines";
	}

	private String flowWords(String flow, Locale locale) {
		return texts.getMessage("routine.flow." + flow, null, flow, locale);
	}
}
