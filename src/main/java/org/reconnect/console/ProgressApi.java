package org.reconnect.console;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.reconnect.progress.MilestoneView;
import org.reconnect.progress.ProgressService;
import org.reconnect.progress.ProgressSharingView;
import org.reconnect.system.CleanText;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/**
 * The coach's REST API for progress: the milestones a participant reached, and which of them they
 * chose to share with allies who agreed to progress notes (none until they choose).
 */
@RestController
class ProgressApi {

	private final ProgressService progress;
	private final Caseload caseload;

	ProgressApi(ProgressService progress, Caseload caseload) {
		this.progress = progress;
		this.caseload = caseload;
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
