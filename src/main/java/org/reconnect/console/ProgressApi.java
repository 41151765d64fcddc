package org.reconnect.console;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.reconnect.consent.AllyView;
import org.reconnect.consent.ConsentService;
import org.reconnect.progress.MilestoneView;
import org.reconnect.progress.ProgressService;
import org.reconnect.progress.ProgressSharingView;
import org.reconnect.system.CleanText;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * The coach's REST API for progress: the milestones a participant reached, which of them they
 * chose to share with allies who agreed to progress notes (none until they choose), and asking an
 * ally who already gets alerts for progress notes too.
 */
@RestController
class ProgressApi {

	private final ProgressService progress;
	private final ConsentService consent;
	private final Caseload caseload;

	ProgressApi(ProgressService progress, ConsentService consent, Caseload caseload) {
		this.progress = progress;
		this.consent = consent;
		this.caseload = caseload;
	}

	@Operation(summary = "Ask an ally who already gets alerts for good news too, at the participant's request",
			description = "The ally is asked by text whether they also want progress notes (PROGRESS) and must answer YES "
					+ "themselves; until then nothing changes (asking shows what is asked, e.g. [PROGRESS]). Whatever they "
					+ "answer, what they agreed to before stays as it is; a YES covers PROGRESS until their consent ends. "
					+ "409 when the ally has no consent in force (name them again with PROGRESS among the kinds), still "
					+ "has an invitation or this question to answer, or already agreed to PROGRESS.")
	@ApiResponse(responseCode = "202", description = "Asked: the ally, with asking [PROGRESS]")
	@ApiResponse(responseCode = "404", description = "No such ally of the participant")
	@ApiResponse(responseCode = "409", description = "Cannot be asked now: the detail says why and what to do")
	@PostMapping(path = "/api/participants/{id}/allies/{allyId}/progress", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<AllyView> askForProgress(@PathVariable String id, @PathVariable String allyId, Authentication coach) {
		AllyView ally = consent.askForProgress(caseload.require(id, coach).id(), allyId, "coach:" + coach.getName(),
				"coach:" + coach.getName()).orElseThrow(() -> AllyNotFound.unknown(id, allyId));
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(ally);
	}

	@Operation(summary = "The milestones a participant shares with their allies",
			description = "shared: the milestone kinds whose good-news note goes to each ally who said YES to PROGRESS "
					+ "notes; milestones: every kind one can share. Nothing is shared until the participant chooses.")
	@GetMapping(path = "/api/participants/{id}/progress-sharing", produces = MediaType.APPLICATION_JSON_VALUE)
	ProgressSharingView sharing(@PathVariable String id, Authentication coach) {
		return progress.sharing(caseload.require(id, coach).id());
	}

	@Operation(summary = "Set what a participant shares, at their request",
			description = "shared replaces the choice: some of FIRST_CHECK_IN, DAYS_TAKING_PART, CONNECTED_WEEK, "
					+ "BACK_AFTER_QUIET_SPELL, or [] for none. Only allies whose consent covers PROGRESS get a note, "
					+ "checked again when it goes; the participant can text STOP SHARING any time.")
	@PutMapping(path = "/api/participants/{id}/progress-sharing", produces = MediaType.APPLICATION_JSON_VALUE)
	ProgressSharingView share(@PathVariable String id, @Valid @RequestBody SharingBody body, Authentication coach) {
		return progress.share(caseload.require(id, coach).id(), body.shared(), "coach:" + coach.getName());
	}

	@Operation(summary = "The milestones a participant reached",
			description = "Oldest first, each with what became of the participant's sentence and of each ally's note.")
	@GetMapping(path = "/api/participants/{id}/milestones", produces = MediaType.APPLICATION_JSON_VALUE)
	List<MilestoneView> milestones(@PathVariable String id, Authentication coach) {
		return progress.milestones(caseload.require(id, coach).id());
	}

	/** @param shared milestone kinds by name; empty shares none */
	record SharingBody(@Size(max = 8) List<@Size(max = 40) @CleanText String> shared) {
	}
}
