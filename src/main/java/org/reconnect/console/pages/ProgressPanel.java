package org.reconnect.console.pages;

import java.util.List;

import org.reconnect.participants.ParticipantProfile;
import org.reconnect.progress.MilestoneView;
import org.reconnect.progress.ProgressService;
import org.reconnect.progress.ProgressSharingView;
import org.reconnect.system.InvalidInput;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The participant page's "Good news to allies" section ({@code @progressPanel} in the template):
 * the milestones they reached and which of them they share with allies who agreed to progress
 * notes, changed at their request through the service the API calls.
 */
@Controller("progressPanel")
public class ProgressPanel {

	private final CoachScope scope;
	private final ProgressService progress;

	ProgressPanel(CoachScope scope, ProgressService progress) {
		this.scope = scope;
		this.progress = progress;
	}

	public ProgressSharingView sharing(ParticipantProfile participant) {
		return progress.sharing(participant.id());
	}

	public List<MilestoneView> milestones(ParticipantProfile participant) {
		return progress.milestones(participant.id());
	}

	@PostMapping("/participants/{id}/progress-sharing")
	String share(@PathVariable String id, @RequestParam(name = "shared", required = false) List<String> shared,
			Authentication coach, RedirectAttributes redirect) {
		ParticipantProfile profile = scope.owned(id, coach);
		try {
			progress.share(profile.id(), shared == null ? List.of() : shared, "coach:" + coach.getName());
			redirect.addFlashAttribute("progressSaved", true);
		}
		catch (InvalidInput ex) {
			// only a tampered form can send a name that is not a box on it: nothing changes
			redirect.addFlashAttribute("progressRefused", true);
		}
		return "redirect:/participants/" + profile.id().value() + "#progress-sharing";
	}
}
