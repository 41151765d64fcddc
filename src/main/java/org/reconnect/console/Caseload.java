package org.reconnect.console;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.reconnect.escalation.AttentionItem;
import org.reconnect.participants.ParticipantId;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantService;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * Who may see which participant: a coach their own caseload, a supervisor everyone. Every page and
 * API endpoint that takes a participant id asks {@link #require} first, so another coach's
 * participant is "not found" exactly like an id that does not exist.
 */
@Service
public class Caseload {

	private final ParticipantService participants;

	Caseload(ParticipantService participants) {
		this.participants = participants;
	}

	/**
	 * The participant, when the signed-in coach may see them.
	 *
	 * @throws ParticipantNotFound when there is no such participant or they are in someone else's caseload
	 */
	public ParticipantProfile require(ParticipantId id, Authentication who) {
		return participants.find(id).filter(p -> maySee(p, who)).orElseThrow(() -> new ParticipantNotFound(id.value()));
	}

	/** {@link #require(ParticipantId, Authentication)} for an id as it came in a URL. */
	public ParticipantProfile require(String id, Authentication who) {
		return require(new ParticipantId(id), who);
	}

	/** The participants the signed-in coach may see: their caseload, or everyone for a supervisor. */
	public List<ParticipantProfile> visibleTo(Authentication who) {
		return isSupervisor(who) ? participants.everyone() : participants.caseload(who.getName());
	}

	/**
	 * The attention items (alerts, crisis notices) the coach may see: those about their own
	 * participants. Crisis notices from numbers nobody has enrolled are in no caseload, so only
	 * supervisors (who see every caseload) see them.
	 */
	public List<AttentionItem> filter(List<AttentionItem> items, Authentication who) {
		if (isSupervisor(who)) {
			return items;
		}
		Set<String> mine = participants.caseload(who.getName())
			.stream()
			.map(p -> p.id().value())
			.collect(Collectors.toSet());
		return items.stream().filter(i -> i.participantId() != null && mine.contains(i.participantId())).toList();
	}

	/** Whether the signed-in coach may see (and act on) this alert or notice, by the rule of {@link #filter}. */
	public boolean maySee(AttentionItem item, Authentication who) {
		if (item.participantId() == null) {
			return isSupervisor(who);
		}
		return participants.find(new ParticipantId(item.participantId())).filter(p -> maySee(p, who)).isPresent();
	}

	public boolean isSupervisor(Authentication who) {
		return who != null && who.getAuthorities().stream().anyMatch(a -> Role.SUPERVISOR.authority().equals(a.getAuthority()));
	}

	private boolean maySee(ParticipantProfile participant, Authentication who) {
		return isSupervisor(who) || participant.coach().equals(who.getName());
	}
}
