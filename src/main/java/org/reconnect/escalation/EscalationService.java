package org.reconnect.escalation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.reconnect.consent.ConsentService;
import org.reconnect.participants.ParticipantId;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantService;
import org.reconnect.system.InvalidInput;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Responsiveness and the escalation ladder. A delivered check-in that went unanswered opens an
 * episode; its steps (nudge, coach, allies by default) fall due by their delays, wait out each
 * recipient's quiet hours, and stop when the participant shows a sign of life (then those alerted
 * hear they are back, if their consent covers it), when someone acknowledges (everything above
 * that step), or when the participant pauses or opts out. Consent is read from the ledger at the
 * moment each alert goes.
 * <p>
 * The module's public face; the work is done by package-private parts: {@link ResponsivenessTracker},
 * {@link EscalationLadder} with {@link AlertDelivery}, {@link PersonalLadders}, {@link Pauses},
 * {@link CrisisEscalation}, {@link Acknowledgements}, {@link EscalationViews}, {@link EscalationEraser}
 * and {@link ConsentAudit}.
 */
@Service
public class EscalationService {

	static final String QUIET = "QUIET";
	static final String BACK = "BACK_IN_TOUCH";
	static final String PARTICIPANT = "participant";

	private final EscalationLadder ladder;
	private final AlertDelivery delivery;
	private final PersonalLadders personalLadders;
	private final Pauses pauses;
	private final CrisisEscalation crisis;
	private final Acknowledgements acknowledgements;
	private final EscalationViews views;
	private final ConsentService consent;
	private final ParticipantService participants;
	private final AlertRecipients reach;
	private final CrisisResources crisisResources;

	EscalationService(EscalationLadder ladder, AlertDelivery delivery, PersonalLadders personalLadders, Pauses pauses,
			CrisisEscalation crisis, Acknowledgements acknowledgements, EscalationViews views, ConsentService consent,
			ParticipantService participants, AlertRecipients reach, CrisisResources crisisResources) {
		this.ladder = ladder;
		this.delivery = delivery;
		this.personalLadders = personalLadders;
		this.pauses = pauses;
		this.crisis = crisis;
		this.acknowledgements = acknowledgements;
		this.views = views;
		this.consent = consent;
		this.participants = participants;
		this.reach = reach;
		this.crisisResources = crisisResources;
	}

	/**
	 * The console told staff of a crisis notice: one entry per person it tried, none when nobody
	 * at all could be reached.
	 */
	public void coachNoticeDelivered(String noticeId, ParticipantId participant, List<StaffReach> told) {
		crisis.coachNoticeDelivered(noticeId, participant, told);
	}

	// --- the sweep

	/** One sweep: pauses that are over, consents to renew, and every escalation step that is due. */
	public int sweep() {
		participants.endDuePauses();
		consent.promptRenewals();
		return runDue();
	}

	/**
	 * Runs every episode with something due, each claimed so one node works on it at a time.
	 *
	 * @return how many episodes were worked on
	 */
	public int runDue() {
		return ladder.runDue();
	}

	/**
	 * The console delivered a coach alert, or found no way to reach the coach.
	 *
	 * @param phone where the SMS went, to match the coach's "OK" to it; null when none went
	 */
	public void coachAlertDelivered(String alertId, String phone, StaffReach reached) {
		delivery.coachAlertDelivered(alertId, phone, reached);
	}

	// --- acknowledgement

	/**
	 * Someone alerted texted OK: the ladder stops above the step that reached them.
	 *
	 * @return false when the number has no alert waiting for an acknowledgement
	 */
	boolean acknowledgeBySms(String from, String messageKey) {
		return acknowledgements.acknowledgeBySms(from, messageKey);
	}

	/**
	 * Someone alerted texted OK after the participant was back in touch: thanked once, nothing more.
	 *
	 * @return false when no alert to the number is in an episode that closed recently
	 */
	boolean thankLateAcknowledgement(String from, String messageKey) {
		return acknowledgements.thankLate(from, messageKey);
	}

	/**
	 * The coach acknowledges the participant's open episode (the console's button): everything
	 * above the highest step already taken stops.
	 *
	 * @return false when no episode is open
	 */
	public boolean acknowledge(ParticipantId participant, String coach) {
		return acknowledgements.acknowledge(participant, coach);
	}

	/**
	 * The coach has a crisis or handover notice in hand (the console's button).
	 *
	 * @return false when there is no such notice for the participant, or it was already acknowledged
	 */
	public boolean acknowledgeNotice(ParticipantId participant, String noticeId, String coach) {
		return acknowledgements.acknowledgeNotice(participant, noticeId, coach);
	}

	/**
	 * The coach has a notice in hand, whoever it is about (the console decides who may: a notice from
	 * a number nobody has enrolled is for supervisors).
	 *
	 * @return false when there is no such notice, or it was already acknowledged
	 */
	public boolean acknowledgeNotice(String noticeId, String coach) {
		return acknowledgements.acknowledgeNotice(noticeId, coach);
	}

	// --- reading and configuring

	public ResponsivenessView responsiveness(ParticipantId id) {
		return views.responsiveness(id);
	}

	public List<LadderStep> ladder(ParticipantId participant) {
		return personalLadders.ladder(participant);
	}

	/**
	 * Sets the participant's own ladder (empty: back to the default). Episodes already open keep
	 * the ladder they started with.
	 *
	 * @throws InvalidInput naming each step that cannot be used
	 */
	public List<LadderStep> setLadder(ParticipantId participant, List<LadderStep> steps) {
		return personalLadders.setLadder(participant, steps);
	}

	/** The organisation's quiet hours: an ally's or a staff member's when they have none of their own. */
	public org.reconnect.participants.QuietHours organisationQuietHours() {
		return reach.organisation();
	}

	/** Whose crisis lines the participant gets: their number's country's, or the organisation's. */
	public CrisisRegion crisisRegion(ParticipantProfile participant) {
		return crisisResources.region(participant.phone());
	}

	public List<AuditView> audit(ParticipantId participant) {
		return views.audit(participant);
	}

	/** Everything held here about the participant, for a data export. */
	public EscalationRecords records(ParticipantId participant) {
		return views.records(participant);
	}

	/** Alerts, acknowledgements and crisis notices, newest first. */
	public List<AttentionItem> attention() {
		return views.attention();
	}

	/**
	 * What still waits for the participant's coach: the alerts of their open escalation episode
	 * while nobody has acknowledged it, and crisis and handover notices nobody has acknowledged; newest first.
	 */
	public List<AttentionItem> openAttention(ParticipantId participant) {
		return views.openAttention(participant);
	}

	/**
	 * Crisis notices from numbers nobody has enrolled (so in no coach's caseload) that nobody has
	 * acknowledged yet; newest first. Each carries the sender's number masked, never whole.
	 */
	public List<AttentionItem> openUnenrolledNotices() {
		return views.openUnenrolledNotices();
	}

	/** A crisis or handover notice, open or acknowledged. */
	public Optional<AttentionItem> notice(String noticeId) {
		return views.notice(noticeId);
	}

	/** A text for the participant, in their language, with their first name. */
	String text(String key, ParticipantProfile participant, Map<String, String> values) {
		return pauses.text(key, participant, values);
	}

	static String firstName(String name) {
		return org.reconnect.system.Names.first(name);
	}

	static Query byId(String id) {
		return Query.query(Criteria.where("_id").is(id));
	}
}
