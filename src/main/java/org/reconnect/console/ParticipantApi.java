package org.reconnect.console;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.reconnect.consent.AlertKind;
import org.reconnect.consent.AllyView;
import org.reconnect.consent.ConsentRecord;
import org.reconnect.consent.ConsentService;
import org.reconnect.escalation.AuditView;
import org.reconnect.escalation.EscalationService;
import org.reconnect.escalation.LadderStep;
import org.reconnect.escalation.ResponsivenessView;
import org.reconnect.flows.CheckInByHand;
import org.reconnect.flows.ConversationRuntime;
import org.reconnect.flows.FlowCatalog;
import org.reconnect.flows.ConversationView;
import org.reconnect.participants.EnrolParticipant;
import org.reconnect.participants.LocalQuietHours;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.QuietHours;
import org.reconnect.participants.ParticipantService;
import org.reconnect.participants.ProfileEdit;
import org.reconnect.participants.ResponsivenessSettings;
import org.reconnect.scheduling.CheckInSlots;
import org.reconnect.system.CleanText;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonAlias;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * The coach's REST API: enrol, look at a participant, start a check-in, name and revoke allies,
 * pause, responsiveness and the escalation ladder, acknowledgements, audit, export and erasure.
 */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
class ParticipantApi {

	private final ParticipantService participants;
	private final ConversationRuntime conversations;
	private final CheckInSlots checkIns;
	private final ConsentService consent;
	private final EscalationService escalation;
	private final FlowCatalog catalog;
	private final ParticipantExport export;
	private final Caseload caseload;

	ParticipantApi(ParticipantService participants, ConversationRuntime conversations, CheckInSlots checkIns,
			ConsentService consent, EscalationService escalation, FlowCatalog catalog, ParticipantExport export,
			Caseload caseload) {
		this.caseload = caseload;
		this.participants = participants;
		this.conversations = conversations;
		this.checkIns = checkIns;
		this.consent = consent;
		this.escalation = escalation;
		this.catalog = catalog;
		this.export = export;
	}

	@Operation(summary = "Enrol a participant",
			description = "Name, phone (any common format, stored as E.164), IANA timeZone, daily checkInTime (HH:mm), "
					+ "language and channel. The participant gets a short welcome text at once (who writes, their coach, "
					+ "their check-in time, HELP and STOP), held until their quiet hours end when it is night for them; "
					+ "no conversation starts. The participant belongs to the coach who enrols them.")
	@ApiResponse(responseCode = "201", description = "Enrolled: the participant, at /api/participants/{id}")
	@ApiResponse(responseCode = "409", description = "A participant with this phone number is already enrolled; the "
			+ "problem names them when you may see them")
	@PostMapping("/participants")
	ResponseEntity<ParticipantProfile> enrol(@RequestBody EnrolParticipant request, Authentication coach) {
		ParticipantProfile profile = caseload.enrol(request, coach);
		return ResponseEntity.created(URI.create("/api/participants/" + profile.id())).body(profile);
	}

	@Operation(summary = "List the coach's participants",
			description = "The caseload: the coach's own participants (every participant for a supervisor), with their "
					+ "profile.")
	@GetMapping("/participants")
	List<ParticipantProfile> caseload(Authentication coach) {
		return caseload.visibleTo(coach);
	}

	@Operation(summary = "A participant's profile, next check-in, conversations and allies",
			description = "profile: name, phone, timeZone, check-in time, language, status, coach, channel, quiet "
					+ "hours and responsiveness settings; nextCheckIn (or none); conversations; allies.")
	@GetMapping("/participants/{id}")
	Map<String, Object> participant(@PathVariable String id, Authentication coach) {
		ParticipantProfile profile = owned(id, coach);
		Instant next = checkIns.nextCheckIn(profile.id()).orElse(null);
		return Map.of("profile", profile, "nextCheckIn", next == null ? "none" : next.toString(), "conversations",
				conversations.history(profile.id()), "allies", consent.allies(profile.id()));
	}

	@Operation(summary = "Change a participant's profile",
			description = "Changes only the fields sent: name, phone, timeZone (an IANA zone), checkInTime (HH:mm, "
					+ "outside their quiet hours), language (one of the configured languages), channel and "
					+ "smsFallback, quietHours. Every field is checked first and nothing changes unless all are "
					+ "right (400 naming each field). A new time or zone moves the next check-in at once. The "
					+ "audit records who changed which fields.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
					value = "{\"timeZone\":\"Europe/Madrid\",\"checkInTime\":\"10:30\",\"quietHours\":{\"start\":\"22:00\",\"end\":\"08:00\"}}"))),
			responses = { @ApiResponse(responseCode = "200", description = "the profile as it now is"),
					@ApiResponse(responseCode = "400", description = "a field is wrong, e.g. a check-in time inside quiet hours",
							content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class),
									examples = @ExampleObject(value = "{\"title\":\"Invalid input\",\"status\":400,\"errors\":[{\"field\":\"checkInTime\",\"message\":\"23:00 falls in quiet hours 21:00-08:00, when no check-in can be sent: choose a time from 08:00 until 21:00\"}]}"))),
					@ApiResponse(responseCode = "404", description = "no such participant in your caseload",
							content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))) })
	@PatchMapping("/participants/{id}")
	ParticipantProfile edit(@PathVariable String id, @Valid @RequestBody EditRequest request, Authentication coach) {
		ParticipantProfile profile = owned(id, coach);
		LocalQuietHours quiet = request.quietHours();
		return participants.edit(profile.id(), new ProfileEdit(request.name(), request.phone(), request.timeZone(),
				request.checkInTime(), request.language(), request.channel(), request.smsFallback(),
				quiet == null ? null : orEmpty(quiet.start()), quiet == null ? null : orEmpty(quiet.end())),
				"coach:" + coach.getName());
	}

	/** A quietHours object with a part left out: QuietHours.parse names the missing part. */
	private static String orEmpty(String value) {
		return value == null ? "" : value;
	}

	/**
	 * Starts the daily check-in now, outside its schedule: for trying the loop by hand. It goes now
	 * (or is held in the outbox until its deadline at the latest), or it is refused with 409 and
	 * nothing is left queued.
	 */
	@ApiResponse(responseCode = "201", description = "Sent (or held until its deadline): the open conversation")
	@ApiResponse(responseCode = "409", description = "Not delivered: not active, another conversation is open, or it "
			+ "could not go; nothing is left queued")
	@PostMapping("/participants/{id}/check-ins")
	ResponseEntity<?> checkInNow(@PathVariable String id, Authentication coach) {
		ParticipantProfile profile = owned(id, coach);
		CheckInByHand checkIn = conversations.checkInByHand(profile.id());
		if (checkIn.went()) {
			return ResponseEntity.status(HttpStatus.CREATED).body(conversations.open(profile.id()).orElse(null));
		}
		throw new CheckInNotDelivered(checkIn.refusal(), id, String.valueOf(profile.status()));
	}

	/** Starts any flow with the participant now, by the flow's busy policy (e.g. onboarding). */
	@ApiResponse(responseCode = "202", description = "Accepted: whether it started now, and the open conversation")
	@PostMapping("/participants/{id}/conversations")
	ResponseEntity<?> startFlow(@PathVariable String id, @Valid @RequestBody StartFlow request, Authentication coach) {
		ParticipantProfile profile = owned(id, coach);
		if (request.flow() == null || !catalog.exists(request.flow())) {
			throw org.reconnect.system.InvalidInput.of("flow", "problem.flow.unknown", request.flow());
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

	@Operation(summary = "A participant's conversations, newest first",
			description = "Each flow conversation with its state, when it started and ended, and the answers given.")
	@GetMapping("/participants/{id}/conversations")
	List<ConversationView> conversations(@PathVariable String id, Authentication coach) {
		return conversations.history(owned(id, coach).id());
	}

	@Operation(summary = "Invite an ally",
			description = "Name, phone, and what they would be told (kinds); the ally is asked by text and counts only "
					+ "once they reply YES. Their timeZone, quiet hours and language default to the participant's.")
	@ApiResponse(responseCode = "201", description = "Invited: the ally, consent requested")
	@ApiResponse(responseCode = "409", description = "This number is already one of the participant's allies")
	@PostMapping("/participants/{id}/allies")
	ResponseEntity<AllyView> inviteAlly(@PathVariable String id, @Valid @RequestBody AllyRequest request,
			Authentication coach) {
		ParticipantProfile profile = owned(id, coach);
		AllyView ally = consent.invite(profile.id(), request.name(), request.phone(), request.timeZone(),
				LocalQuietHours.read("quietHours", request.quietHours()), request.kinds(), request.language(), request.why() == null ? "named by the coach at the participant's request" : request.why(),
				"coach:" + coach.getName(), "coach:" + coach.getName());
		return ResponseEntity.status(HttpStatus.CREATED).body(ally);
	}

	@Operation(summary = "A participant's allies",
			description = "Each ally with their consent state, what it covers and until when, their zone, quiet hours "
					+ "and language.")
	@GetMapping("/participants/{id}/allies")
	List<AllyView> allies(@PathVariable String id, Authentication coach) {
		return consent.allies(owned(id, coach).id());
	}

	private ParticipantProfile owned(String id, Authentication coach) {
		return caseload.require(id, coach);
	}

	/** @param flow the name of a loaded flow */
	record StartFlow(@Size(max = 64) @CleanText String flow) {
	}

	/**
	 * When the ally may be alerted: their zone (blank: the participant's) and their own quiet hours
	 * (both blank: the organisation's), both replaced.
	 */
	@PutMapping("/participants/{id}/allies/{allyId}/quiet-hours")
	AllyView allyQuietHours(@PathVariable String id, @PathVariable String allyId, @Valid @RequestBody AllyHours request,
			Authentication coach) {
		ParticipantProfile profile = owned(id, coach);
		QuietHours hours = QuietHours.parse("", request.start(), request.end());
		return consent.keepAllyHours(profile.id(), allyId, request.timeZone(), hours)
			.orElseThrow(() -> new AllyNotFound(id, allyId));
	}

	/** Revokes an ally's consent at the participant's request; it takes effect at once. */
	@ApiResponse(responseCode = "204", description = "Revoked")
	@DeleteMapping("/participants/{id}/allies/{allyId}")
	ResponseEntity<Void> revokeAlly(@PathVariable String id, @PathVariable String allyId, Authentication coach) {
		ParticipantProfile profile = owned(id, coach);
		if (!consent.revoke(profile.id(), allyId, "coach:" + coach.getName(), "coach:" + coach.getName())) {
			throw new AllyNotFound(id, allyId);
		}
		return ResponseEntity.noContent().build();
	}

	/** The consent ledger: every request, answer, renewal and revocation, oldest first. */
	@GetMapping("/participants/{id}/consents")
	List<ConsentRecord> consents(@PathVariable String id, Authentication coach) {
		return consent.ledger(owned(id, coach).id());
	}

	@Operation(summary = "How responsive the participant is",
			description = "On time, late, quiet or paused, since when, the open escalation and who acknowledged it.")
	@GetMapping("/participants/{id}/responsiveness")
	ResponsivenessView responsiveness(@PathVariable String id, Authentication coach) {
		return escalation.responsiveness(owned(id, coach).id());
	}

	@Operation(summary = "Change when a participant counts as late or quiet",
			description = "The grace after a missed check-in, how many missed check-ins make them quiet, and whether "
					+ "an answer to any message counts as a sign of life.")
	@PutMapping("/participants/{id}/responsiveness")
	ResponsivenessView setResponsiveness(@PathVariable String id, @RequestBody ResponsivenessSettings request,
			Authentication coach) {
		ParticipantProfile profile = owned(id, coach);
		participants.setResponsiveness(profile.id(), request);
		return escalation.responsiveness(profile.id());
	}

	/**
	 * How messages reach the participant: {"channel":"WHATSAPP","smsFallback":true}. The channel is
	 * SMS, WHATSAPP or WEB; smsFallback (on when absent) sends a WhatsApp message that cannot go,
	 * or fails, once more by SMS.
	 */
	@PutMapping("/participants/{id}/channel")
	ParticipantProfile channel(@PathVariable String id, @Valid @RequestBody ChannelRequest request, Authentication coach) {
		return participants.reachBy(owned(id, coach).id(), request.channel(), request.smsFallback());
	}

	record ChannelRequest(@Size(max = 64) @CleanText String channel, Boolean smsFallback) {
	}

	/** The language everything is written to the participant in, from the next message on. */
	@PutMapping("/participants/{id}/language")
	ParticipantProfile language(@PathVariable String id, @Valid @RequestBody LanguageRequest request,
			Authentication coach) {
		return participants.changeLanguage(owned(id, coach).id(), request.language());
	}

	record LanguageRequest(@Size(max = 16) @CleanText String language) {
	}

	/** Pauses check-ins and escalation (a holiday, a hospital stay); the participant is told kindly. */
	@PostMapping("/participants/{id}/pause")
	ParticipantProfile pause(@PathVariable String id, @RequestBody PauseRequest request, Authentication coach) {
		return participants.pause(owned(id, coach).id(), request.until(), "coach:" + coach.getName());
	}

	@Operation(summary = "Resume a paused participant",
			description = "Check-ins and escalation start again; the participant is told when their next check-in is.")
	@PostMapping("/participants/{id}/resume")
	ParticipantProfile resume(@PathVariable String id, Authentication coach) {
		ParticipantProfile profile = owned(id, coach);
		participants.resume(profile.id(), "coach:" + coach.getName());
		return participants.find(profile.id()).orElseThrow();
	}

	@Operation(summary = "A participant's escalation ladder",
			description = "The steps in order: after how long, to whom (participant, coach, allies) and with which "
					+ "message; the organisation's ladder unless the participant has their own.")
	@GetMapping("/participants/{id}/ladder")
	List<LadderStep> ladder(@PathVariable String id, Authentication coach) {
		return escalation.ladder(owned(id, coach).id());
	}

	/** Sets this participant's escalation ladder; an empty list restores the default. */
	@PutMapping("/participants/{id}/ladder")
	List<LadderStep> setLadder(@PathVariable String id, @RequestBody List<LadderStep> steps, Authentication coach) {
		return escalation.setLadder(owned(id, coach).id(), steps);
	}

	/** The coach has it in hand: the ladder stops above the steps already taken. */
	@ApiResponse(responseCode = "201", description = "Acknowledged: the responsiveness as it now stands")
	@ApiResponse(responseCode = "409", description = "Nothing to acknowledge: no open escalation")
	@PostMapping("/participants/{id}/acknowledgements")
	ResponseEntity<ResponsivenessView> acknowledge(@PathVariable String id, Authentication coach) {
		ParticipantProfile profile = owned(id, coach);
		if (!escalation.acknowledge(profile.id(), coach.getName())) {
			throw new NothingToAcknowledge(id);
		}
		return ResponseEntity.status(HttpStatus.CREATED).body(escalation.responsiveness(profile.id()));
	}

	/** Consent changes, escalation steps, alerts and acknowledgements, with reasons; ids, never text. */
	@GetMapping("/participants/{id}/audit")
	List<AuditView> audit(@PathVariable String id, Authentication coach) {
		return escalation.audit(owned(id, coach).id());
	}

	/** Everything held about the participant, as JSON (a data-rights export). */
	@GetMapping("/participants/{id}/export")
	Map<String, Object> export(@PathVariable String id, Authentication coach) {
		return export.of(owned(id, coach));
	}

	/** Erases the participant's personal data; the audit log and consent ledger (ids only) stay. */
	@ApiResponse(responseCode = "204", description = "Erased")
	@DeleteMapping("/participants/{id}")
	ResponseEntity<Void> erase(@PathVariable String id, Authentication coach) {
		participants.erase(owned(id, coach).id());
		return ResponseEntity.noContent().build();
	}

	/**
	 * @param phone the ally's mobile number, any common format
	 * @param timeZone the ally's IANA zone for quiet hours; the participant's when absent
	 * @param kinds what the ally would be told; MISSED_CHECK_INS and BACK_IN_TOUCH when absent;
	 * CRISIS only when the participant asked for it specifically
	 * @param why the participant's reason, in a few words (kept in the consent ledger)
	 * @param language en or es; leave it out to write to the ally in the participant's language
	 * @param quietHours the ally's own, in their zone; the organisation's when absent
	 */
	record AllyRequest(@Size(max = 100) @CleanText String name, @Size(max = 64) @CleanText String phone,
			@JsonAlias("zone") @Size(max = 64) @CleanText String timeZone, Set<AlertKind> kinds, @Size(max = 64) @CleanText String language,
			@Size(max = 200) @CleanText String why, @Valid LocalQuietHours quietHours) {
	}

	/**
	 * @param timeZone the ally's IANA zone; the participant's when blank
	 * @param start the ally's quiet hours, 24-hour HH:mm; start and end blank: the organisation's
	 */
	record AllyHours(@JsonAlias("zone") @Size(max = 64) @CleanText String timeZone, @Size(max = 5) @CleanText String start,
			@Size(max = 5) @CleanText String end) {
	}

	/**
	 * @param timeZone an IANA zone, e.g. America/New_York
	 * @param checkInTime HH:mm, outside the participant's quiet hours
	 * @param quietHours their own, local HH:mm; start and end both
	 */
	record EditRequest(@Size(max = 100) @CleanText String name, @Size(max = 64) @CleanText String phone,
			@Size(max = 64) @CleanText String timeZone, @Size(max = 64) @CleanText String checkInTime,
			@Size(max = 16) @CleanText String language, @Size(max = 16) @CleanText String channel, Boolean smsFallback,
			@Valid LocalQuietHours quietHours) {
	}

	/**
	 * @param text the coach's own words, at most reconnect.console.coach-messages.max-length characters
	 * @param urgent true: sent even in the participant's quiet hours
	 */
	/** @param until when check-ins start again, an ISO instant */
	record PauseRequest(Instant until) {
	}
}
