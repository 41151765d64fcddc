package org.reconnect.participants;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.reconnect.messaging.ChannelKind;
import org.reconnect.system.Inputs;
import org.reconnect.system.InvalidInput;
import org.reconnect.system.InvalidInput.FieldProblem;
import org.reconnect.system.PhoneNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * A coach's edit of several profile fields at once, and moving a participant to another coach.
 * Every field is checked first, each against the others as they will be (a check-in time against
 * the new quiet hours), and the participant is saved once, so nothing is half changed; what
 * changed is announced so the check-in schedule follows at once and the audit records it.
 */
@Component
class ProfileEdits {

	private static final Logger log = LoggerFactory.getLogger(ProfileEdits.class);

	private final Participants participants;
	private final ProfileChanges changes;
	private final PhoneNumbers phones;
	private final ParticipantSettings settings;
	private final ApplicationEventPublisher events;

	ProfileEdits(Participants participants, ProfileChanges changes, PhoneNumbers phones, ParticipantSettings settings,
			ApplicationEventPublisher events) {
		this.participants = participants;
		this.changes = changes;
		this.phones = phones;
		this.settings = settings;
		this.events = events;
	}

	ParticipantProfile edit(ParticipantId id, ProfileEdit edit, String by) {
		Inputs.check(edit);
		Participant participant = participants.findById(id.value())
			.orElseThrow(() -> new IllegalArgumentException("no participant " + id));
		ParticipantProfile before = profile(participant);
		List<FieldProblem> problems = new ArrayList<>();
		Set<String> changed = new LinkedHashSet<>();

		String name = edit.name() == null ? null : edit.name().trim();
		if (name != null && name.isEmpty()) {
			problems.add(FieldProblem.of("name", "problem.participant.name"));
		}
		String phone = null;
		if (edit.phone() != null) {
			try {
				phone = phones.toE164("phone", edit.phone());
				if (!phone.equals(before.phone()) && participants.findByPhone(phone).isPresent()) {
					problems.add(taken());
				}
			}
			catch (InvalidInput ex) {
				problems.addAll(ex.problems());
			}
		}
		ZoneId zone = null;
		if (edit.timeZone() != null) {
			try {
				zone = ZoneId.of(edit.timeZone().trim());
				if (!edit.timeZone().contains("/") && !"UTC".equals(edit.timeZone().trim())) {
					throw new DateTimeException("an offset, not a place");
				}
			}
			catch (DateTimeException ex) {
				zone = null;
				problems.add(FieldProblem.of("timeZone", "problem.time-zone.not-a-place", edit.timeZone()));
			}
		}
		LocalTime checkInTime = null;
		if (edit.checkInTime() != null) {
			try {
				checkInTime = LocalTime.parse(edit.checkInTime().trim());
			}
			catch (DateTimeParseException ex) {
				problems.add(FieldProblem.of("checkInTime", "problem.check-in-time.unreadable", edit.checkInTime()));
			}
		}
		String language = edit.language() == null ? null : edit.language().trim();
		if (language != null && !settings.languages().contains(language)) {
			problems.add(FieldProblem.of("language", "problem.language.not-offered", language,
					String.join(", ", settings.languages())));
		}
		ChannelKind channel = null;
		if (edit.channel() != null) {
			channel = ProfileChanges.channel(edit.channel(), problems);
		}
		QuietHours quietHours = null;
		boolean quietGiven = edit.quietHoursStart() != null || edit.quietHoursEnd() != null;
		if (quietGiven) {
			try {
				quietHours = QuietHours.parse("quietHours", edit.quietHoursStart(), edit.quietHoursEnd());
				if (quietHours == null) {
					problems.add(FieldProblem.of("quietHours", "problem.quiet-hours.both"));
				}
			}
			catch (InvalidInput ex) {
				problems.addAll(ex.problems());
			}
		}
		if (problems.isEmpty()) {
			// The check-in must stay sendable under the quiet hours it will have.
			LocalTime time = checkInTime != null ? checkInTime : before.checkInTime();
			QuietHours quiet = changes.quietHoursOf(quietHours != null ? quietHours : before.quietHours());
			boolean timeGiven = checkInTime != null;
			ProfileChanges.checkInTimeProblem(time, quiet).ifPresent(problem -> problems.add(timeGiven ? problem
					: ProfileChanges.quietHoursCoverCheckIn(quiet, time)));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}

		if (name != null && !name.equals(before.name())) {
			participant.rename(name);
			changed.add("name");
		}
		if (phone != null && !phone.equals(before.phone())) {
			participant.reachAt(phone);
			changed.add("phone");
		}
		if (zone != null && !zone.equals(before.zone())) {
			participant.moveTo(zone);
			changed.add("timeZone");
		}
		if (checkInTime != null && !checkInTime.equals(before.checkInTime())) {
			participant.checkInAt(checkInTime);
			changed.add("checkInTime");
		}
		if (language != null && !language.equals(before.language())) {
			participant.speak(language);
			changed.add("language");
		}
		boolean fallback = edit.smsFallback() == null ? before.smsFallback() : edit.smsFallback();
		ChannelKind kind = channel == null ? before.channel() : channel;
		if (kind != before.channel() || fallback != before.smsFallback()) {
			participant.reachBy(kind, fallback);
			changed.add("channel");
		}
		// The form shows the hours that hold their messages: the same hours sent back are no change.
		if (quietHours != null && !changes.quietHoursOf(quietHours).equals(changes.quietHoursOf(before.quietHours()))) {
			participant.keepQuietHours(quietHours);
			changed.add("quietHours");
		}
		if (changed.isEmpty()) {
			return before;
		}
		Participant saved;
		try {
			saved = participants.save(participant);
		}
		catch (DuplicateKeyException ex) {
			throw new InvalidInput(List.of(taken()));
		}
		log.info("Participant {} changed by {}: {}", id, by, changed);
		events.publishEvent(new ParticipantProfileChanged(id, Set.copyOf(changed), by));
		return profile(saved);
	}

	/** Neutral: whose number it is is not every coach's to know. */
	private static FieldProblem taken() {
		return FieldProblem.of("phone", "problem.phone.enrolled");
	}

	ParticipantProfile reassign(ParticipantId id, String to, String by) {
		Participant participant = participants.findById(id.value())
			.orElseThrow(() -> new IllegalArgumentException("no participant " + id));
		String from = participant.coach();
		if (to.equals(from)) {
			return profile(participant);
		}
		participant.assignTo(to);
		ParticipantProfile saved = profile(participants.save(participant));
		log.info("Participant {} moved from coach {} to coach {} by {}", id, from, to, by);
		events.publishEvent(new ParticipantReassigned(id, from, to, by));
		return saved;
	}

	List<ParticipantProfile> reassignCaseload(String from, String to, String by) {
		List<ParticipantProfile> moved = new ArrayList<>();
		if (from.equals(to)) {
			return moved;
		}
		for (Participant participant : participants.findByCoach(from)) {
			moved.add(reassign(profile(participant).id(), to, by));
		}
		return moved;
	}

	private ParticipantProfile profile(Participant participant) {
		return participant.profile(settings.responsiveness());
	}
}
