package org.reconnect.console.pages;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.reconnect.consent.AllyView;
import org.reconnect.consent.ConsentRecord;
import org.reconnect.consent.ConsentService;
import org.reconnect.console.ParticipantExport;
import org.reconnect.escalation.EscalationService;
import org.reconnect.escalation.LadderStep;
import org.reconnect.flows.ConversationView;
import org.reconnect.flows.ConversationRuntime;
import org.reconnect.messaging.Messenger;
import org.reconnect.messaging.SentMessage;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantService;
import org.reconnect.scheduling.CheckInSlots;
import org.reconnect.reminders.ReminderRequest;
import org.reconnect.reminders.ReminderService;
import org.reconnect.reminders.ReminderView;
import org.reconnect.system.InvalidInput;
import org.reconnect.system.PhoneNumbers;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;

/**
 * A participant's page: profile, check-in schedule, reminders (with a form that checks itself as
 * the coach types), escalation ladder, allies and consent, the message timeline, pause and resume,
 * export and erasure. Every action goes through the same services as the REST API.
 */
@Controller
class ParticipantPage {

	private static final int TIMELINE = 30;

	/** The reminder form's labels, to name a field in the live check's messages. */
	private static final Map<String, String> LABELS = Map.of("title", "What", "start", "First time", "rule", "Rule",
			"place", "Where", "note", "Note", "timeZone", "Time zone", "durationMinutes", "Duration");

	private final CoachScope scope;
	private final ParticipantService participants;
	private final ReminderService reminders;
	private final CheckInSlots checkIns;
	private final EscalationService escalation;
	private final ConsentService consent;
	private final ConversationRuntime conversations;
	private final Messenger messenger;
	private final PhoneNumbers phones;
	private final ParticipantExport export;
	private final CaseloadBoard board;

	ParticipantPage(CoachScope scope, ParticipantService participants, ReminderService reminders, CheckInSlots checkIns,
			EscalationService escalation, ConsentService consent, ConversationRuntime conversations,
			Messenger messenger, PhoneNumbers phones, ParticipantExport export, CaseloadBoard board) {
		this.scope = scope;
		this.participants = participants;
		this.reminders = reminders;
		this.checkIns = checkIns;
		this.escalation = escalation;
		this.consent = consent;
		this.conversations = conversations;
		this.messenger = messenger;
		this.phones = phones;
		this.export = export;
		this.board = board;
	}

	@GetMapping("/participants/{id}")
	String show(@PathVariable String id, @RequestParam(required = false) String reminder, Authentication coach,
			Model model) {
		ParticipantProfile profile = scope.owned(id, coach);
		ReminderForm form = reminder == null ? ReminderForm.empty() : ReminderForm.of(reminders.get(profile.id(), reminder));
		fill(profile, form, reminder, FieldErrors.none(), model);
		return "participant";
	}

	@PostMapping("/participants/{id}/reminders")
	String addReminder(@PathVariable String id, @ModelAttribute ReminderForm form, Authentication coach, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		ParticipantProfile profile = scope.owned(id, coach);
		try {
			ReminderView created = reminders.create(profile.id(), form.toRequest(profile.zone().getId(), null));
			redirect.addFlashAttribute("done", "Reminder added: " + created.title() + ", " + created.description() + ".");
			return "redirect:/participants/" + id + "#reminders";
		}
		catch (InvalidInput invalid) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST); // the form again, with what to change
			fill(profile, form, null, FieldErrors.of(invalid), model);
			return "participant";
		}
	}

	@PostMapping("/participants/{id}/reminders/{reminder}")
	String changeReminder(@PathVariable String id, @PathVariable String reminder, @ModelAttribute ReminderForm form,
			Authentication coach, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		ParticipantProfile profile = scope.owned(id, coach);
		ReminderView before = reminders.get(profile.id(), reminder);
		try {
			ReminderView changed = reminders.change(profile.id(), reminder,
					form.toRequest(before.timeZone(), leads(before)));
			redirect.addFlashAttribute("done", "Reminder changed: " + changed.title() + ", " + changed.description() + ".");
			return "redirect:/participants/" + id + "#reminders";
		}
		catch (InvalidInput invalid) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			fill(profile, form, reminder, FieldErrors.of(invalid), model);
			return "participant";
		}
	}

	@PostMapping("/participants/{id}/reminders/{reminder}/delete")
	String deleteReminder(@PathVariable String id, @PathVariable String reminder, Authentication coach,
			RedirectAttributes redirect) {
		ParticipantProfile profile = scope.owned(id, coach);
		reminders.delete(profile.id(), reminder);
		redirect.addFlashAttribute("done", "Reminder deleted.");
		return "redirect:/participants/" + id + "#reminders";
	}

	/** Checks the reminder form as it is typed: the errors, or the schedule in words and the next dates. */
	@HxRequest
	@PostMapping("/participants/{id}/reminders/preview")
	String previewReminder(@PathVariable String id, @ModelAttribute ReminderForm form, Authentication coach,
			Model model) {
		ParticipantProfile profile = scope.owned(id, coach);
		try {
			model.addAttribute("preview", reminders.preview(profile.id(), form.toRequest(profile.zone().getId(), null), 5));
			model.addAttribute("previewErrors", FieldErrors.none());
		}
		catch (InvalidInput invalid) {
			model.addAttribute("preview", null);
			model.addAttribute("previewErrors", FieldErrors.of(invalid));
		}
		model.addAttribute("labels", LABELS);
		return "participant :: reminder-preview";
	}

	@PostMapping("/participants/{id}/pause")
	String pause(@PathVariable String id, @RequestParam(defaultValue = "") String until, Authentication coach,
			RedirectAttributes redirect) {
		ParticipantProfile profile = scope.owned(id, coach);
		try {
			LocalDateTime local = LocalDateTime.parse(until);
			participants.pause(profile.id(), local.atZone(profile.zone()).toInstant(), "coach:" + coach.getName());
			redirect.addFlashAttribute("done", "Paused: no check-ins and no escalation until then.");
		}
		catch (DateTimeParseException ex) {
			redirect.addFlashAttribute("pauseError", "Pick the date and time check-ins should start again.");
		}
		catch (InvalidInput invalid) {
			redirect.addFlashAttribute("pauseError", invalid.problems().get(0).message());
		}
		return "redirect:/participants/" + id + "#pause";
	}

	@PostMapping("/participants/{id}/resume")
	String resume(@PathVariable String id, Authentication coach, RedirectAttributes redirect) {
		ParticipantProfile profile = scope.owned(id, coach);
		participants.resume(profile.id(), "coach:" + coach.getName());
		redirect.addFlashAttribute("done", "Resumed: check-ins start again.");
		return "redirect:/participants/" + id + "#pause";
	}

	@GetMapping("/participants/{id}/export")
	ResponseEntity<Map<String, Object>> download(@PathVariable String id, Authentication coach) {
		ParticipantProfile profile = scope.owned(id, coach);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("participant-" + id + ".json").build().toString())
			.body(export.of(profile));
	}

	@GetMapping("/participants/{id}/erase")
	String confirmErase(@PathVariable String id, Authentication coach, Model model) {
		model.addAttribute("participant", scope.owned(id, coach));
		return "erase";
	}

	@PostMapping("/participants/{id}/erase")
	String erase(@PathVariable String id, Authentication coach, RedirectAttributes redirect) {
		ParticipantProfile profile = scope.owned(id, coach);
		participants.erase(profile.id());
		redirect.addFlashAttribute("done", profile.name() + " was erased. The audit log and consent ledger keep ids only.");
		return "redirect:/";
	}

	private void fill(ParticipantProfile profile, ReminderForm form, String editing, FieldErrors errors, Model model) {
		model.addAttribute("participant", profile);
		model.addAttribute("row", board.row(profile));
		model.addAttribute("phone", phones.national("phone", profile.phone()));
		model.addAttribute("channel", messenger.onWebChat(profile.phone()) ? "Web chat" : "SMS");
		model.addAttribute("nextCheckIn", checkIns.nextCheckIn(profile.id()).orElse(null));
		List<ReminderView> list = reminders.list(profile.id());
		model.addAttribute("reminders", list);
		Map<String, Object> next = new LinkedHashMap<>();
		list.forEach(r -> next.put(r.id(), reminders.preview(profile.id(), r.id(), 3)));
		model.addAttribute("occurrences", next);
		model.addAttribute("form", form);
		model.addAttribute("editing", editing);
		model.addAttribute("errors", errors);
		model.addAttribute("repeats", ReminderForm.REPEATS);
		model.addAttribute("labels", LABELS);
		model.addAttribute("responsiveness", escalation.responsiveness(profile.id()));
		model.addAttribute("ladder", escalation.ladder(profile.id()).stream().map(LadderLine::of).toList());
		List<AllyView> allies = consent.allies(profile.id());
		model.addAttribute("allies", allies);
		model.addAttribute("organisationQuietHours", escalation.organisationQuietHours());
		Map<String, List<ConsentRecord>> history = new LinkedHashMap<>();
		consent.ledger(profile.id()).forEach(entry -> history.computeIfAbsent(entry.allyId(), k -> new ArrayList<>()).add(entry));
		model.addAttribute("consentHistory", history);
		model.addAttribute("timeline", timeline(profile));
		model.addAttribute("pauseDefault",
				board.times().inputValue(board.times().now().plus(Duration.ofDays(3)), profile.zone()));
	}

	private List<TimelineEntry> timeline(ParticipantProfile profile) {
		List<TimelineEntry> entries = new ArrayList<>();
		for (SentMessage sent : messenger.recent(profile.phone(), TIMELINE)) {
			entries.add(new TimelineEntry(sent.createdAt(), "out", "Reconnect to " + profile.firstName(), sent.body(),
					Map.of(), sent.status()));
		}
		for (ConversationView conversation : conversations.history(profile.id()).stream().limit(TIMELINE).toList()) {
			entries.add(new TimelineEntry(conversation.startedAt(), "in", conversation.flow(), null,
					conversation.answers(), conversationStatus(conversation)));
		}
		entries.sort(Comparator.comparing(TimelineEntry::at).reversed());
		return entries.stream().limit(TIMELINE).toList();
	}

	/** Its status in words; a question that never reached the participant is "not delivered", never missed. */
	static String conversationStatus(ConversationView conversation) {
		if ("UNDELIVERED".equals(conversation.status())) {
			return "not delivered";
		}
		return conversation.questionPending() ? "waiting to go out" : conversation.status();
	}

	private static List<ReminderRequest.LeadRequest> leads(ReminderView reminder) {
		return reminder.leads()
			.stream()
			.map(lead -> new ReminderRequest.LeadRequest(lead.before() == null ? null : lead.before().toString(),
					lead.daysBefore(), lead.at() == null ? null : lead.at().toString()))
			.toList();
	}

	/**
	 * One line of the timeline, newest first: a message Reconnect sent, or a conversation with the
	 * participant's answers (coaches see answers; allies never do).
	 */
	public record TimelineEntry(java.time.Instant at, String direction, String title, String text,
			Map<String, String> answers, String status) {
	}

	/** A ladder step in words: "after 2 h", "to consented allies". */
	public record LadderLine(String name, String after, String audience, String message, String repeat) {

		static LadderLine of(LadderStep step) {
			return new LadderLine(step.name(), duration(step.delay()), switch (step.audience()) {
				case PARTICIPANT -> "the participant (a gentle nudge)";
				case COACH -> "you, the coach";
				case ALLIES -> "allies who consented";
			}, step.message(), step.repeatEvery() == null ? "once" : "every " + duration(step.repeatEvery()));
		}

		static String duration(Duration duration) {
			if (duration.isZero()) {
				return "at once";
			}
			if (duration.toMinutes() % (24 * 60) == 0) {
				long days = duration.toDays();
				return days + (days == 1 ? " day" : " days");
			}
			if (duration.toMinutes() % 60 == 0) {
				return duration.toHours() + " h";
			}
			return duration.toMinutes() + " min";
		}
	}
}
