package org.reconnect.participants;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.reconnect.messaging.OptOutChanged;
import org.reconnect.system.InvalidInput;
import org.reconnect.system.InvalidInput.FieldProblem;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The participants module's public face: enrol, look up, change a profile, pause and resume, erase,
 * and follow opt-outs. Lookups live here; each other section is a package-private class of its own
 * ({@link Enrolments}, {@link ProfileChanges}, {@link ParticipantPauses}, {@link Erasures}).
 */
@Service
public class ParticipantService {

	/** Longer than an erasure on a live node takes, the rewrite of a large store file included. */
	static final Duration ERASURE_RETRY_AFTER = Erasures.RETRY_AFTER;

	private final Participants participants;
	private final ParticipantSettings settings;
	private final Enrolments enrolments;
	private final ProfileChanges changes;
	private final ParticipantPauses pauses;
	private final Erasures erasures;
	private final ProfileEdits edits;

	/** The languages people can be written to in (reconnect.participants.languages), the default first. */
	public java.util.List<String> languages() {
		return settings.languages();
	}

	ParticipantService(Participants participants, ParticipantSettings settings, Enrolments enrolments,
			ProfileChanges changes, ParticipantPauses pauses, Erasures erasures, ProfileEdits edits) {
		this.edits = edits;
		this.participants = participants;
		this.settings = settings;
		this.enrolments = enrolments;
		this.changes = changes;
		this.pauses = pauses;
		this.erasures = erasures;
	}

	// Enrolment

	/**
	 * Checks every field, stores the participant and announces the enrolment.
	 *
	 * @throws InvalidInput naming every field that was wrong; nothing is stored then
	 * @throws ParticipantAlreadyEnrolled when the phone number is taken
	 */
	public ParticipantProfile enrol(EnrolParticipant request, String coach) {
		return enrol(request, coach, phone -> {
		});
	}

	/**
	 * {@link #enrol(EnrolParticipant, String)}, with one more check of the caller's.
	 *
	 * @param vet given the number (E.164) once every field is valid and no participant has it, before
	 * anything is stored; it refuses by throwing
	 */
	public ParticipantProfile enrol(EnrolParticipant request, String coach, Consumer<String> vet) {
		return enrolments.enrol(request, coach, vet);
	}

	// Profile changes

	/**
	 * Changes the fields given (null: unchanged) in one save, each checked, the check-in time
	 * against the quiet hours as they will be; announces {@link ParticipantProfileChanged} so the
	 * check-in schedule follows at once.
	 *
	 * @param by "coach:<name>", for the audit
	 * @throws InvalidInput naming every field that was wrong; nothing changes then
	 */
	public ParticipantProfile edit(ParticipantId id, ProfileEdit edit, String by) {
		return edits.edit(id, edit, by);
	}

	/**
	 * Moves the participant to another coach's caseload and announces {@link ParticipantReassigned}.
	 * Whether {@code to} is a coach, and whether {@code by} may do it, is the caller's to check.
	 */
	public ParticipantProfile reassign(ParticipantId id, String to, String by) {
		return edits.reassign(id, to, by);
	}

	/** Moves every participant of coach {@code from} to coach {@code to} (cover while one is away, and back). */
	public List<ParticipantProfile> reassignCaseload(String from, String to, String by) {
		return edits.reassignCaseload(from, to, by);
	}

	/**
	 * Sets how messages reach the participant, and whether a WhatsApp message that cannot go or
	 * fails is sent again by SMS (on when {@code smsFallback} is null).
	 *
	 * @throws InvalidInput when the channel is not SMS, WHATSAPP or WEB
	 */
	public ParticipantProfile reachBy(ParticipantId id, String channel, Boolean smsFallback) {
		return changes.reachBy(id, channel, smsFallback);
	}

	/**
	 * Changes the language everything is written to them in, from the next message on.
	 *
	 * @throws InvalidInput naming {@code language} when it is not offered; nothing changes then
	 */
	public ParticipantProfile changeLanguage(ParticipantId id, String language) {
		return changes.changeLanguage(id, language);
	}

	/**
	 * Moves the participant's daily check-in to another local time.
	 *
	 * @throws InvalidInput naming {@code checkInTime} when it falls in their quiet hours (it could
	 * never be sent); nothing changes then
	 */
	public ParticipantProfile changeCheckInTime(ParticipantId id, LocalTime time) {
		return changes.changeCheckInTime(id, time);
	}

	/** The quiet hours that hold messages to this participant: their own, else the configured default. */
	public QuietHours quietHoursOf(ParticipantProfile participant) {
		return changes.quietHoursOf(participant);
	}

	/**
	 * Sets the participant's quiet hours (local HH:mm, the span may cross midnight).
	 *
	 * @throws InvalidInput naming the field that is not a time of day, or {@code quietHours} when
	 * they would cover the participant's check-in time (no check-in could ever be sent)
	 */
	public ParticipantProfile keepQuietHours(ParticipantId id, String start, String end) {
		return changes.keepQuietHours(id, start, end);
	}

	/**
	 * What is wrong with a check-in time for someone about to be enrolled (who has the default
	 * quiet hours), as enrolment would say it; empty when it is fine.
	 */
	public Optional<FieldProblem> checkInTimeProblem(LocalTime checkInTime) {
		return changes.checkInTimeProblem(checkInTime);
	}

	/**
	 * The quiet hours of someone who has none of their own: messaging's configured default
	 * ({@code reconnect.messaging.compliance}), which is what holds their messages.
	 */
	public QuietHours defaultQuietHours() {
		return changes.defaultQuietHours();
	}

	/** The coach's reading of this participant's silence. */
	public ParticipantProfile setResponsiveness(ParticipantId id, ResponsivenessSettings responsiveness) {
		return changes.setResponsiveness(id, responsiveness);
	}

	// Lookups

	public Optional<ParticipantProfile> find(ParticipantId id) {
		return participants.findById(id.value()).map(this::profile);
	}

	/** Several participants in one lookup (a batch of hand-offs); those not found are left out. */
	public Map<ParticipantId, ParticipantProfile> find(Collection<ParticipantId> ids) {
		Map<ParticipantId, ParticipantProfile> found = new HashMap<>();
		participants.findAllById(ids.stream().map(ParticipantId::value).distinct().toList())
			.forEach(participant -> {
				ParticipantProfile profile = profile(participant);
				found.put(profile.id(), profile);
			});
		return found;
	}

	/**
	 * The participant with this number, read from the store. An inbound message asks once, through
	 * messaging's {@code SenderLookup}, and hands the answer to every step.
	 */
	public Optional<ParticipantProfile> findByPhone(String phone) {
		return participants.findByPhone(phone).map(this::profile);
	}

	/** {@link #findByPhone} for several numbers in one lookup; numbers no participant has are left out. */
	public Map<String, ParticipantProfile> findByPhones(Collection<String> phones) {
		Map<String, ParticipantProfile> found = new HashMap<>();
		participants.findByPhoneIn(phones).forEach(participant -> found.put(participant.phone(), profile(participant)));
		return found;
	}

	public List<ParticipantProfile> caseload(String coach) {
		return participants.findByCoach(coach).stream().map(this::profile).toList();
	}

	/** Every caseload together: what a supervisor sees. */
	public List<ParticipantProfile> everyone() {
		return java.util.stream.StreamSupport.stream(participants.findAll().spliterator(), false)
			.map(this::profile)
			.toList();
	}

	// Pauses

	/**
	 * Pauses check-ins and escalation until the given instant (the participant by SMS, or a coach
	 * for them: a holiday, a hospital stay).
	 *
	 * @throws InvalidInput when the end is not in the future, too far off, or the participant opted out
	 */
	public ParticipantProfile pause(ParticipantId id, Instant until, String by) {
		return pauses.pause(id, until, by);
	}

	/**
	 * Pauses check-ins and escalation with no end date, until the participant texts START or RESUME
	 * or a coach resumes them (the participant said no to daily check-ins). Announces
	 * {@link ParticipantPaused} with no {@code until}.
	 *
	 * @return false when they were not active (already paused, or opted out): nothing changed
	 */
	public boolean pauseUntilResumed(ParticipantId id, String by) {
		return pauses.pauseUntilResumed(id, by);
	}

	/** Ends a pause now; false when the participant was not paused (or another request just ended it). */
	public boolean resume(ParticipantId id, String by) {
		return pauses.resume(id, by);
	}

	/**
	 * Ends every pause whose time is up. Each is claimed by one atomic update, so several nodes
	 * sweeping at once end (and announce) each pause once.
	 *
	 * @return how many pauses ended
	 */
	public int endDuePauses() {
		return pauses.endDuePauses();
	}

	// Erasure

	/**
	 * Erases the participant for good: their profile (name, phone), and through
	 * {@link ParticipantErased} what every module holds about them; then the messages to them, the
	 * text of messages to others about them and their web chat links; last, the embedded store's
	 * file is rewritten so that no copy stays in it. Records that hold only ids and fixed reasons
	 * (the audit log, the consent ledger) stay. An erasure is recorded as pending before anything
	 * goes and until everything has: one cut short (the node stopped, a store failed) is finished by
	 * calling this again or by the next sweep ({@link #finishErasures}), every step being safe to repeat.
	 */
	public void erase(ParticipantId id) {
		erasures.erase(id);
	}

	/**
	 * Finishes the erasures a stopped node left half done: those pending for longer than
	 * {@link #ERASURE_RETRY_AFTER}, each claimed by one atomic update so one node at a time takes it.
	 *
	 * @return how many were finished
	 */
	public int finishErasures() {
		return erasures.finishErasures();
	}

	// Opt-outs

	private ParticipantProfile profile(Participant participant) {
		return participant.profile(settings.responsiveness());
	}

	@EventListener
	void on(OptOutChanged change) {
		participants.findByPhone(change.phone()).ifPresent(participant -> {
			if (change.optedOut()) {
				participant.optOut();
			}
			else {
				participant.optBackIn();
			}
			participants.save(participant);
		});
	}
}
