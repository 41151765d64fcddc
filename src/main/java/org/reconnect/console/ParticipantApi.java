package org.reconnect.console;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.reconnect.consent.AllyView;
import org.reconnect.consent.ConsentService;
import org.reconnect.escalation.AttentionItem;
import org.reconnect.escalation.EscalationService;
import org.reconnect.flows.ConversationRuntime;
import org.reconnect.flows.FlowCatalog;
import org.reconnect.flows.ConversationView;
import org.reconnect.participants.EnrolParticipant;
import org.reconnect.participants.ParticipantId;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantService;
import org.reconnect.scheduling.CheckInSlots;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The coach's REST API: enrol, look at a participant, start a check-in, name an ally. */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
class ParticipantApi {

	private final ParticipantService participants;
	private final ConversationRuntime conversations;
	private final CheckInSlots checkIns;
	private final ConsentService consent;
	private final EscalationService escalation;
	private final FlowCatalog catalog;

	ParticipantApi(ParticipantService participants, ConversationRuntime conversations, CheckInSlots checkIns,
			ConsentService consent, EscalationService escalation, FlowCatalog catalog) {
		this.participants = participants;
		this.conversations = conversations;
		this.checkIns = checkIns;
		this.consent = consent;
		this.escalation = escalation;
		this.catalog = catalog;
	}

	@PostMapping("/participants")
	ResponseEntity<ParticipantProfile> enrol(@RequestBody EnrolParticipant request, Principal coach) {
		ParticipantProfile profile = participants.enrol(request, coach.getName());
		return ResponseEntity.created(URI.create("/api/participants/" + profile.id())).body(profile);
	}

	@GetMapping("/participants")
	List<ParticipantProfile> caseload(Principal coach) {
		return participants.caseload(coach.getName());
	}

	@GetMapping("/participants/{id}")
	Map<String, Object> participant(@PathVariable String id, Principal coach) {
		ParticipantProfile profile = owned(id, coach);
		Instant next = checkIns.nextCheckIn(profile.id()).orElse(null);
		return Map.of("profile", profile, "nextCheckIn", next == null ? "none" : next.toString(), "conversations",
				conversations.history(profile.id()), "allies", consent.allies(profile.id()));
	}

	/** Starts the daily check-in now, outside its schedule: for trying the loop by hand. */
	@PostMapping("/participants/{id}/check-ins")
	ResponseEntity<?> checkInNow(@PathVariable String id, Principal coach) {
		ParticipantProfile profile = owned(id, coach);
		return conversations.startCheckIn(profile.id())
			.<ResponseEntity<?>>map(conversation -> ResponseEntity.status(HttpStatus.CREATED)
				.body(conversations.open(profile.id()).orElseThrow()))
			.orElseGet(() -> {
				ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
						"The check-in could not be delivered: the participant is " + profile.status()
								+ " or their number refused it; see GET /api/simulator/messages or the message log.");
				problem.setTitle("Check-in not delivered");
				return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
			});
	}

	/** Starts any flow with the participant now, by the flow's busy policy (e.g. onboarding). */
	@PostMapping("/participants/{id}/conversations")
	ResponseEntity<?> startFlow(@PathVariable String id, @RequestBody StartFlow request, Principal coach) {
		ParticipantProfile profile = owned(id, coach);
		if (request.flow() == null || !catalog.exists(request.flow())) {
			throw org.reconnect.system.InvalidInput.of("flow", "'" + request.flow()
					+ "' is not a loaded flow: send one of the names in GET /api/flows");
		}
		boolean startedNow = conversations.start(profile.id(), request.flow()).isPresent();
		Map<String, Object> body = new java.util.LinkedHashMap<>();
		body.put("startedNow", startedNow);
		body.put("open", conversations.open(profile.id()).orElse(null));
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(body);
	}

	/** Every flow file with its revision, errors and warnings. */
	@GetMapping("/flows")
	List<FlowCatalog.FlowStatus> flows() {
		return catalog.flows();
	}

	@GetMapping("/participants/{id}/conversations")
	List<ConversationView> conversations(@PathVariable String id, Principal coach) {
		return conversations.history(owned(id, coach).id());
	}

	@PostMapping("/participants/{id}/allies")
	ResponseEntity<AllyView> inviteAlly(@PathVariable String id, @RequestBody AllyRequest request, Principal coach) {
		ParticipantProfile profile = owned(id, coach);
		AllyView ally = consent.invite(profile.id(), request.name(), request.phone(), "coach:" + coach.getName());
		return ResponseEntity.status(HttpStatus.CREATED).body(ally);
	}

	@GetMapping("/participants/{id}/allies")
	List<AllyView> allies(@PathVariable String id, Principal coach) {
		return consent.allies(owned(id, coach).id());
	}

	/** Alerts sent to allies and crisis notices, newest first. */
	@GetMapping("/attention")
	List<AttentionItem> attention() {
		return escalation.attention();
	}

	private ParticipantProfile owned(String id, Principal coach) {
		return participants.find(new ParticipantId(id))
			.filter(p -> p.coach().equals(coach.getName()))
			.orElseThrow(() -> new ParticipantNotFound(id));
	}

	/** @param flow the name of a loaded flow */
	record StartFlow(String flow) {
	}

	/** @param phone the ally's mobile number, any common format */
	record AllyRequest(String name, String phone) {
	}
}
