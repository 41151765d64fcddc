package org.reconnect.console.pages;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.reconnect.consent.AllyView;
import org.reconnect.consent.ConsentRecord;
import org.reconnect.consent.ConsentService;
import org.reconnect.console.CoachMessages;
import org.reconnect.console.ParticipantExport;
import org.reconnect.console.Reassignments;
import org.reconnect.consent.AlertKind;
import org.reconnect.escalation.Audience;
import org.reconnect.escalation.EscalationService;
import org.reconnect.escalation.LadderStep;
import org.reconnect.flows.ConversationView;
import org.reconnect.flows.ConversationRuntime;
import org.reconnect.messaging.Messenger;
import org.reconnect.messaging.Purpose;
import org.reconnect.messaging.SentMessage;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantService;
import org.reconnect.scheduling.CheckInSlots;
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
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A participant's page: profile, check-in schedule, reminders (with a form that checks itself as
 * the coach types), escalation ladder, allies and consent, the message timeline, pause and resume,
 * export and erasure. Every action goes through the same services as the REST API.
 */
@Controller
class ParticipantPage {

	private static final int TIMELINE = 30;

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
	private final CoachMessages coachMessages;
	private final Reassignments reassignments;
	private final ZoneChoices zones;
	private final org.springframework.context.MessageSource texts;
	private final org.reconnect.routines.RoutineService routines;

	ParticipantPage(CoachScope scope, ParticipantService participants, ReminderService reminders, CheckInSlots checkIns,
			EscalationService escalation, ConsentService consent, ConversationRuntime conversations,
			Messenger messenger, PhoneNumbers phones, ParticipantExport export, CaseloadBoard board,
			CoachMessages coachMessages, Reassignments reassignments, ZoneChoices zones,
			org.springframework.context.MessageSource texts, org.reconnect.routines.RoutineService routines) {
		this.routines = routines;
		this.texts = texts;
		this.coachMessages = coachMessages;
		this.reassignments = reassignments;
		this.zones = zones;
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

	/** Whether the signed-in coach may move participants between coaches (the form is shown only then). */
	@ModelAttribute("supervisor")
	boolean supervisor(Authentication coach) {
		return scope.isSupervisor(coach);
	}

	@GetMapping("/participants/{id}")
	String show(@PathVariable String id, @RequestParam(required = false) String reminder, Authentication coach,
			Model model) {
		ParticipantProfile profile = scope.owned(id, coach);
		ReminderForm form = reminder == null ? ReminderForm.empty() : ReminderForm.of(reminders.get(profile.id(), reminder));
		fill(profile, form, reminder, FieldErrors.none(), model);
		return "participant";
	}

	@PostMapping("/participants/{id}/pause")
	String pause(@PathVariable String id, @RequestParam(defaultValue = "") String until, Authentication coach,
			RedirectAttributes redirect, java.util.Locale locale) {
		ParticipantProfile profile = scope.owned(id, coach);
		try {
			LocalDateTime local = LocalDateTime.parse(until);
			participants.pause(profile.id(), local.atZone(profile.zone()).toInstant(), "coach:" + coach.getName());
			redirect.addFlashAttribute("done", texts.getMessage("participant.pause.done", null, locale));
		}
		catch (DateTimeParseException ex) {
			redirect.addFlashAttribute("pauseError", texts.getMessage("participant.pause.pick", null, locale));
		}
		catch (InvalidInput invalid) {
			redirect.addFlashAttribute("pauseError", invalid.problems().get(0).messageIn(texts, locale));
		}
		return "redirect:/participants/" + id + "#pause";
	}

	@PostMapping("/participants/{id}/resume")
	String resume(@PathVariable String id, Authentication coach, RedirectAttributes redirect, java.util.Locale locale) {
		ParticipantProfile profile = scope.owned(id, coach);
		participants.resume(profile.id(), "coach:" + coach.getName());
		redirect.addFlashAttribute("done", texts.getMessage("participant.pause.resumed", null, locale));
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
	String erase(@PathVariable String id, Authentication coach, RedirectAttributes redirect, java.util.Locale locale) {
		ParticipantProfile profile = scope.owned(id, coach);
		participants.erase(profile.id());
		redirect.addFlashAttribute("done", texts.getMessage("participant.erased", new Object[] { profile.name() }, locale));
		return "redirect:/";
	}

	/** The page's model; the reminder form's handlers ({@link ReminderPage}) show the page with it too. */
	void fill(ParticipantProfile profile, ReminderForm form, String editing, FieldErrors errors, Model model) {
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
		model.addAttribute("responsiveness", escalation.responsiveness(profile.id()));
		List<AllyView> allies = consent.allies(profile.id());
		model.addAttribute("allies", allies);
		model.addAttribute("organisationQuietHours", escalation.organisationQuietHours());
		model.addAttribute("crisisRegion", escalation.crisisRegion(profile));
		Map<String, List<ConsentRecord>> history = new LinkedHashMap<>();
		consent.ledger(profile.id()).forEach(entry -> history.computeIfAbsent(entry.allyId(), k -> new ArrayList<>()).add(entry));
		model.addAttribute("consentHistory", history);
		model.addAttribute("timeline", timeline(profile));
		model.addAttribute("smallSteps", SmallStepsTried.of(conversations.history(profile.id())));
		model.addAttribute("pauseDefault",
				board.times().inputValue(board.times().now().plus(Duration.ofDays(3)), profile.zone()));
		fillCare(profile, model);
	}

	/** The editing and writing parts: reassignment, allies' invite, the ladder's form, responsiveness, the thread. */
	private void fillCare(ParticipantProfile profile, Model model) {
		model.addAttribute("zoneLabel", zones.label(profile.zone()));
		model.addAttribute("quietHours", participants.quietHoursOf(profile));
		model.addAttribute("channelKind", profile.channel().name());
		model.addAttribute("alertKinds", AlertKind.values());
		model.addAttribute("languages", participants.languages());
		List<ParticipantCareForms.LadderRow> rows = new ArrayList<>(
				escalation.ladder(profile.id()).stream().map(ParticipantCareForms.LadderRow::of).toList());
		rows.add(new ParticipantCareForms.LadderRow()); // a row for a new step
		model.addAttribute("ladderRows", rows);
		model.addAttribute("audiences", Audience.values());
		model.addAttribute("ladderMessages", LADDER_MESSAGES);
		model.addAttribute("graceHours", ParticipantCareForms.LadderRow.hoursOf(profile.responsiveness().gracePeriod()));
		List<org.reconnect.routines.RoutineView> routineList = routines.list(profile.id());
		model.addAttribute("routines", routineList);
		Map<String, List<String>> routineDays = new LinkedHashMap<>();
		routineList.forEach(r -> routineDays.put(r.flow(), RoutinePage.days(r)));
		model.addAttribute("routineDays", routineDays);
		model.addAttribute("weekdays", ReminderForm.WEEKDAYS);
		model.addAttribute("routineFlows", routines.flows());
		for (String form : List.of("allyErrors", "ladderErrors", "responsivenessErrors", "messageErrors", "routineErrors")) {
			model.addAttribute(form, errorsOf(model.getAttribute(form)));
		}
		if (model.getAttribute("allyValues") == null) {
			model.addAttribute("allyValues", Map.of());
		}
		model.addAttribute("thread", coachMessages.thread(profile));
		if (Boolean.TRUE.equals(model.getAttribute("supervisor"))) {
			model.addAttribute("coaches", reassignments.enabledCoaches());
		}
	}

	/** The alert texts a ladder step can use (keys in messages/alerts*.properties). */
	private static final List<String> LADDER_MESSAGES = List.of("nudge", "quiet", "gentle");

	@SuppressWarnings("unchecked")
	private static FieldErrors errorsOf(Object flashed) {
		FieldErrors errors = FieldErrors.none();
		if (flashed instanceof Map<?, ?> map) {
			((Map<String, String>) map).forEach(errors::add);
		}
		return errors;
	}

	private List<TimelineEntry> timeline(ParticipantProfile profile) {
		List<TimelineEntry> entries = new ArrayList<>();
		for (SentMessage sent : messenger.recent(profile.phone(), TIMELINE)) {
			boolean coach = sent.purpose() == Purpose.COACH || sent.purpose() == Purpose.COACH_URGENT;
			entries.add(new TimelineEntry(sent.createdAt(), coach ? "coach" : "out", null, sent.body(), Map.of(),
					"participant.status.message." + sent.status()));
		}
		for (ConversationView conversation : conversations.history(profile.id()).stream().limit(TIMELINE).toList()) {
			entries.add(new TimelineEntry(conversation.startedAt(), "in", conversation.flow(), null,
					conversation.answers(), conversationStatus(conversation)));
		}
		for (CoachMessages.ThreadMessage message : coachMessages.thread(profile)) {
			if (!message.fromCoach()) {
				entries.add(new TimelineEntry(message.at(), "reply", null, message.text(), Map.of(), null));
			}
		}
		entries.sort(Comparator.comparing(TimelineEntry::at).reversed());
		return entries.stream().limit(TIMELINE).toList();
	}

	/**
	 * The message key of its status in words; a question that never reached the participant is
	 * "not delivered", never missed.
	 */
	static String conversationStatus(ConversationView conversation) {
		if ("UNDELIVERED".equals(conversation.status())) {
			return "participant.status.conversation.UNDELIVERED";
		}
		return "participant.status.conversation." + (conversation.questionPending() ? "WAITING" : conversation.status());
	}

	/**
	 * One line of the timeline, newest first: a message Reconnect sent (out), one the coach wrote
	 * (coach), a conversation with the participant's answers (in; coaches see answers, allies never
	 * do), or a reply to the coach (reply).
	 *
	 * @param status the message key of its status in words; null for a reply
	 */
	public record TimelineEntry(java.time.Instant at, String direction, String title, String text,
			Map<String, String> answers, String status) {
	}
}
