package org.reconnect.console;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.reconnect.coaches.Role;
import org.reconnect.escalation.AttentionItem;
import org.reconnect.messaging.Messenger;
import org.reconnect.participants.EnrolParticipant;
import org.reconnect.participants.ParticipantAlreadyEnrolled;
import org.reconnect.participants.ParticipantId;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantService;
import org.reconnect.system.InvalidInput;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * Who may see which participant: a coach their own caseload, a supervisor everyone. Every page and
 * API endpoint that takes a participant id asks {@link #require} first, so another coach's
 * participant is "not found" exactly like an id that does not exist.
 */
@Service
public class Caseload {

	static final String NOT_FROM_YOUR_ACCOUNT = "problem.phone.not-from-your-account";

	private final ParticipantService participants;
	private final Messenger messenger;

	Caseload(ParticipantService participants, Messenger messenger) {
		this.participants = participants;
		this.messenger = messenger;
	}

	/**
	 * Enrols into the signed-in coach's caseload (API and pages alike). Whether a number is in another
	 * caseload is not a coach's to know, nor that its owner is in a recovery programme: a coach who
	 * cannot enrol a number gets one neutral answer, the same 400 on {@code phone} whatever the
	 * reason, whether the number is in another caseload or texted STOP (writing again to someone who
	 * asked us to stop is a supervisor's decision). A supervisor, and a coach whose own participant has
	 * the number, get the specific answer (409, naming the participant).
	 *
	 * @throws InvalidInput naming each wrong field, or the neutral answer on {@code phone}; nothing is stored
	 * @throws ParticipantAlreadyEnrolled to a supervisor, or to the coach whose participant has the number
	 */
	public ParticipantProfile enrol(EnrolParticipant request, Authentication who) {
		boolean supervisor = isSupervisor(who);
		try {
			return participants.enrol(request, who.getName(), phone -> {
				if (!supervisor && messenger.isOptedOut(phone)) {
					throw notFromYourAccount();
				}
			});
		}
		catch (ParticipantAlreadyEnrolled taken) {
			if (supervisor || who.getName().equals(taken.coach())) {
				throw taken;
			}
			throw notFromYourAccount();
		}
	}

	private static InvalidInput notFromYourAccount() {
		return InvalidInput.of("phone", NOT_FROM_YOUR_ACCOUNT);
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
