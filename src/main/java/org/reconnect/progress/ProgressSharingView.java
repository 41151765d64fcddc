package org.reconnect.progress;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * What a participant shares with allies who agreed to progress notes.
 *
 * @param shared the milestone kinds shared, in the order they win a day
 * @param milestones every kind one can share: FIRST_CHECK_IN, DAYS_TAKING_PART, CONNECTED_WEEK,
 * BACK_AFTER_QUIET_SPELL
 */
public record ProgressSharingView(List<String> shared, List<String> milestones) {

	static ProgressSharingView of(Set<MilestoneKind> shared) {
		return new ProgressSharingView(shared.stream().sorted().map(Enum::name).toList(),
				Arrays.stream(MilestoneKind.values()).map(Enum::name).toList());
	}
}
