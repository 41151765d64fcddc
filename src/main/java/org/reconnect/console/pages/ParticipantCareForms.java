package org.reconnect.console.pages;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.reconnect.consent.AlertKind;
import org.reconnect.consent.AllyAlreadyNamed;
import org.reconnect.consent.AllyQuestionOpen;
import org.reconnect.consent.AllyView;
import org.reconnect.consent.ConsentService;
import org.reconnect.consent.ProgressNotAskable;
import org.reconnect.escalation.Audience;
import org.reconnect.escalation.EscalationService;
import org.reconnect.escalation.LadderStep;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantService;
import org.reconnect.participants.ResponsivenessSettings;
import org.reconnect.system.InvalidInput;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The participant page's care forms: invite and revoke allies, ask one for good news too, the escalation ladder, and how
 * their silence is read. Each calls the service the API calls, with its checks: a refusal comes
 * back to the page next to the form, in the API's words, and nothing is changed.
 */
@Controller
class ParticipantCareForms {

	private final CoachScope scope;
	private final ConsentService consent;
	private final EscalationService escalation;
	private final ParticipantService participants;
	private final MessageSource texts;
	private final ConsoleTimes times;

	ParticipantCareForms(CoachScope scope, ConsentService consent, EscalationService escalation,
			ParticipantService participants, MessageSource texts, ConsoleTimes times) {
		this.times = times;
		this.scope = scope;
		this.consent = consent;
		this.escalation = escalation;
		this.participants = participants;
		this.texts = texts;
	}

	/** The invite form; kinds as ticked boxes (none ticked: the default kinds, as in the API). */
	record AllyForm(String name, String phone, String language, List<AlertKind> kinds, String why) {
	}

	@PostMapping("/participants/{id}/allies")
	String invite(@PathVariable String id, @ModelAttribute AllyForm form, Authentication coach,
			RedirectAttributes redirect, Locale locale) {
		ParticipantProfile profile = scope.owned(id, coach);
		try {
			AllyView ally = consent.invite(profile.id(), form.name(), form.phone(), null, null,
					form.kinds() == null ? null : Set.copyOf(form.kinds()),
					form.language() == null || form.language().isBlank() ? null : form.language(),
					form.why() == null || form.why().isBlank() ? texts.getMessage("participant.allies.why-default", null, locale)
							: form.why(),
					"coach:" + coach.getName(), "coach:" + coach.getName());
			redirect.addFlashAttribute("done", texts.getMessage("participant.allies.invited", new Object[] { ally.name() }, locale));
		}
		catch (InvalidInput invalid) {
			redirect.addFlashAttribute("allyErrors", errors(invalid));
			Map<String, String> values = new LinkedHashMap<>();
			values.put("name", form.name());
			values.put("phone", form.phone());
			values.put("why", form.why());
			redirect.addFlashAttribute("allyValues", values);
		}
		catch (AllyAlreadyNamed alreadyNamed) {
			redirect.addFlashAttribute("allyErrors", Map.of("phone", alreadyNamed.messageIn(texts, locale)));
		}
		catch (AllyQuestionOpen open) {
			redirect.addFlashAttribute("allyErrors", Map.of("phone", questionOpen(open, form.name(), locale)));
		}
		return "redirect:/participants/" + id + "#allies";
	}

	@PostMapping("/participants/{id}/allies/{allyId}/revoke")
	String revoke(@PathVariable String id, @PathVariable String allyId, Authentication coach,
			RedirectAttributes redirect, Locale locale) {
		ParticipantProfile profile = scope.owned(id, coach);
		String name = allyName(profile, allyId);
		boolean revoked = consent.revoke(profile.id(), allyId, "coach:" + coach.getName(), "coach:" + coach.getName());
		redirect.addFlashAttribute("done", texts.getMessage(revoked ? "participant.allies.revoked"
				: "participant.allies.not-revoked", new Object[] { name }, locale));
		return "redirect:/participants/" + id + "#allies";
	}

	/** Asks an ally who already gets alerts whether they want good news too; the refusal, if any, in the page's words. */
	@PostMapping("/participants/{id}/allies/{allyId}/progress")
	String askForProgress(@PathVariable String id, @PathVariable String allyId, Authentication coach,
			RedirectAttributes redirect, Locale locale) {
		ParticipantProfile profile = scope.owned(id, coach);
		String name = allyName(profile, allyId);
		try {
			boolean asked = consent.askForProgress(profile.id(), allyId, "coach:" + coach.getName(), "coach:" + coach.getName())
				.isPresent();
			redirect.addFlashAttribute(asked ? "done" : "allyProblem", texts.getMessage(asked
					? "participant.allies.progress.asked" : "participant.allies.progress.unknown", new Object[] { name }, locale));
		}
		catch (ProgressNotAskable refused) {
			redirect.addFlashAttribute("allyProblem", texts.getMessage("participant.allies.progress.refused."
					+ refused.reason(), new Object[] { name }, locale));
		}
		catch (AllyQuestionOpen open) {
			redirect.addFlashAttribute("allyProblem", questionOpen(open, name, locale));
		}
		return "redirect:/participants/" + id + "#allies";
	}

	/** The open question in the page's words, and when to try again in the coach's own time. */
	private String questionOpen(AllyQuestionOpen open, String name, Locale locale) {
		return texts.getMessage("participant.allies.question-open." + (open.question() == null ? "other" : open.question()),
				new Object[] { name, times.viewer(open.tryAfter()) }, locale);
	}

	/** The name of the participant's ally, for the page's confirmation; blank when there is no such ally. */
	private String allyName(ParticipantProfile profile, String allyId) {
		return consent.allies(profile.id()).stream().filter(a -> a.id().equals(allyId)).map(AllyView::name)
			.findFirst().orElse("");
	}

	/**
	 * The ladder as rows of the form: steps[i].name, .afterHours, .audience, .message,
	 * .repeatHours (blank: once), .remove; a row without an audience is left out (the empty row
	 * offered for a new step).
	 */
	static final class LadderForm {

		private List<LadderRow> steps = new ArrayList<>();

		public List<LadderRow> getSteps() {
			return steps;
		}

		public void setSteps(List<LadderRow> steps) {
			this.steps = steps;
		}
	}

	/** One step as the form shows it, in hours. */
	public static final class LadderRow {

		private String name;
		private String afterHours;
		private String audience;
		private String message;
		private String repeatHours;
		private boolean remove;

		public LadderRow() {
		}

		static LadderRow of(LadderStep step) {
			LadderRow row = new LadderRow();
			row.name = step.name();
			row.afterHours = hours(step.delay());
			row.audience = step.audience().name();
			row.message = step.message();
			row.repeatHours = step.repeatEvery() == null ? "" : hours(step.repeatEvery());
			return row;
		}

		static String hoursOf(Duration duration) {
			return hours(duration);
		}

		private static String hours(Duration duration) {
			return duration.toMinutes() % 60 == 0 ? String.valueOf(duration.toHours())
					: String.valueOf(duration.toMinutes() / 60.0);
		}

		public String getName() { return name; }
		public void setName(String name) { this.name = name; }
		public String getAfterHours() { return afterHours; }
		public void setAfterHours(String afterHours) { this.afterHours = afterHours; }
		public String getAudience() { return audience; }
		public void setAudience(String audience) { this.audience = audience; }
		public String getMessage() { return message; }
		public void setMessage(String message) { this.message = message; }
		public String getRepeatHours() { return repeatHours; }
		public void setRepeatHours(String repeatHours) { this.repeatHours = repeatHours; }
		public boolean isRemove() { return remove; }
		public void setRemove(boolean remove) { this.remove = remove; }
	}

	@PostMapping("/participants/{id}/ladder")
	String ladder(@PathVariable String id, @ModelAttribute LadderForm form, Authentication coach,
			RedirectAttributes redirect, Locale locale) {
		ParticipantProfile profile = scope.owned(id, coach);
		List<LadderStep> steps = new ArrayList<>();
		Map<String, String> problems = new LinkedHashMap<>();
		List<LadderRow> rows = form.getSteps() == null ? List.of() : form.getSteps();
		for (int i = 0; i < rows.size(); i++) {
			LadderRow row = rows.get(i);
			if (row == null || row.isRemove() || row.getAudience() == null || row.getAudience().isBlank()) {
				continue;
			}
			int at = steps.size();
			Duration delay = hours(row.getAfterHours(), "steps[" + at + "].delay", problems, false, locale);
			Duration repeat = hours(row.getRepeatHours(), "steps[" + at + "].repeatEvery", problems, true, locale);
			Audience audience;
			try {
				audience = Audience.valueOf(row.getAudience());
			}
			catch (IllegalArgumentException ex) {
				problems.put("steps[" + at + "].audience", texts.getMessage("problem.ladder.audience", null, locale));
				continue;
			}
			steps.add(new LadderStep(row.getName() == null || row.getName().isBlank() ? null : row.getName().trim(),
					delay == null ? Duration.ZERO : delay, audience, row.getMessage(), repeat));
		}
		if (!problems.isEmpty()) {
			redirect.addFlashAttribute("ladderErrors", labelled(problems, locale));
			return "redirect:/participants/" + id + "#ladder";
		}
		try {
			escalation.setLadder(profile.id(), steps);
			redirect.addFlashAttribute("done", texts.getMessage("participant.ladder.saved", new Object[] { steps.size() }, locale));
		}
		catch (InvalidInput invalid) {
			redirect.addFlashAttribute("ladderErrors", labelled(errors(invalid), locale));
		}
		return "redirect:/participants/" + id + "#ladder";
	}

	@PostMapping("/participants/{id}/ladder/reset")
	String resetLadder(@PathVariable String id, Authentication coach, RedirectAttributes redirect, Locale locale) {
		escalation.setLadder(scope.owned(id, coach).id(), List.of());
		redirect.addFlashAttribute("done", texts.getMessage("participant.ladder.reset-done", null, locale));
		return "redirect:/participants/" + id + "#ladder";
	}

	@PostMapping("/participants/{id}/responsiveness")
	String responsiveness(@PathVariable String id, @RequestParam(defaultValue = "") String graceHours,
			@RequestParam(defaultValue = "0") String missedToQuiet,
			@RequestParam(defaultValue = "false") boolean anyMessageCounts, Authentication coach,
			RedirectAttributes redirect, Locale locale) {
		ParticipantProfile profile = scope.owned(id, coach);
		Map<String, String> problems = new LinkedHashMap<>();
		Duration grace = hours(graceHours, "gracePeriod", problems, false, locale);
		int missed;
		try {
			missed = Integer.parseInt(missedToQuiet.trim());
		}
		catch (NumberFormatException ex) {
			missed = 0; // refused by the service's own check below, in its words
		}
		if (problems.isEmpty()) {
			try {
				participants.setResponsiveness(profile.id(), new ResponsivenessSettings(grace, missed, anyMessageCounts));
				redirect.addFlashAttribute("done", texts.getMessage("participant.responsiveness.saved", null, locale));
				return "redirect:/participants/" + id + "#responsiveness";
			}
			catch (InvalidInput invalid) {
				problems.putAll(errors(invalid));
			}
		}
		redirect.addFlashAttribute("responsivenessErrors", problems);
		return "redirect:/participants/" + id + "#responsiveness";
	}

	private static final java.util.regex.Pattern STEP_FIELD = java.util.regex.Pattern.compile("steps\\[(\\d+)]\\.(\\w+)");

	private static final Map<String, String> STEP_LABELS = Map.of("name", "participant.ladder.step-name", "delay",
			"participant.ladder.step-after", "audience", "participant.ladder.step-who", "message",
			"participant.ladder.step-message", "repeatEvery", "participant.ladder.step-repeat");

	/** The API's field names (steps[2].repeatEvery) as the form's labels ("Step 3: repeat every (hours)"). */
	private Map<String, String> labelled(Map<String, String> problems, Locale locale) {
		Map<String, String> labelled = new LinkedHashMap<>();
		problems.forEach((field, message) -> {
			java.util.regex.Matcher step = STEP_FIELD.matcher(field);
			String label = step.matches() && STEP_LABELS.containsKey(step.group(2))
					? texts.getMessage(STEP_LABELS.get(step.group(2)), new Object[] { Integer.parseInt(step.group(1)) + 1 }, locale)
					: field;
			labelled.merge(label, message, (a, b) -> a + "; " + b);
		});
		return labelled;
	}

	/** Hours as typed (1, 1.5, 48); null when blank and {@code optional}. */
	private Duration hours(String raw, String field, Map<String, String> problems, boolean optional, Locale locale) {
		String value = raw == null ? "" : raw.trim().replace(',', '.');
		if (value.isEmpty()) {
			if (!optional) {
				problems.put(field, texts.getMessage("problem.hours.required", null, locale));
			}
			return null;
		}
		try {
			return Duration.ofMinutes(Math.round(Double.parseDouble(value) * 60));
		}
		catch (NumberFormatException ex) {
			problems.put(field, texts.getMessage("problem.hours.unreadable", new Object[] { raw }, locale));
			return null;
		}
	}

	private Map<String, String> errors(InvalidInput invalid) {
		return new LinkedHashMap<>(FieldErrors.of(invalid, texts).all());
	}
}
