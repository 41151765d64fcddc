package org.reconnect.console;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.reconnect.escalation.AttentionItem;
import org.reconnect.escalation.EscalationService;
import org.reconnect.participants.ParticipantProfile;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * What still waits for the signed-in coach, for the alerts page and the API alike: the open
 * escalations and unacknowledged notices of their caseload (a supervisor: every caseload), and for
 * supervisors the crisis notices from numbers nobody has enrolled, which are in no caseload.
 */
@Service
public class AlertsInbox {

	private final Caseload caseload;
	private final EscalationService escalation;

	AlertsInbox(Caseload caseload, EscalationService escalation) {
		this.caseload = caseload;
		this.escalation = escalation;
	}

	/** Everything open for the coach, newest first. */
	public List<AttentionItem> open(Authentication who) {
		List<AttentionItem> open = new ArrayList<>(unenrolledCrises(who));
		for (ParticipantProfile participant : caseload.visibleTo(who)) {
			open.addAll(escalation.openAttention(participant.id()));
		}
		open.sort(Comparator.comparing(AttentionItem::at).reversed());
		return open;
	}

	/** Open crisis notices from numbers nobody has enrolled: for supervisors only, numbers masked. */
	public List<AttentionItem> unenrolledCrises(Authentication who) {
		return caseload.isSupervisor(who) ? escalation.openUnenrolledNotices() : List.of();
	}

	/**
	 * The coach has the notice in hand.
	 *
	 * @return the notice, acknowledged
	 * @throws NoticeNotFound when there is no such notice or the coach may not see it
	 * @throws NoticeAlreadyAcknowledged when someone already acknowledged it
	 */
	public AttentionItem acknowledge(String noticeId, Authentication who) {
		AttentionItem notice = escalation.notice(noticeId)
			.filter(item -> caseload.maySee(item, who))
			.orElseThrow(() -> new NoticeNotFound(noticeId));
		if (!escalation.acknowledgeNotice(noticeId, who.getName())) {
			throw new NoticeAlreadyAcknowledged(noticeId,
					escalation.notice(noticeId).map(AttentionItem::acknowledgedAt).orElse(notice.acknowledgedAt()));
		}
		return escalation.notice(noticeId).orElseThrow();
	}
}
