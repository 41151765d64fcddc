package org.reconnect.participants;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.reconnect.messaging.ChannelKind;
import org.reconnect.messaging.Messenger;
import org.reconnect.messaging.RecipientPolicy;
import org.reconnect.system.InvalidInput;
import org.reconnect.system.InvalidInput.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Changes to an enrolled participant's profile a coach makes: channel, check-in time, quiet hours
 * and how their silence is read; each checked against the others so no check-in becomes unsendable.
 */
@Component
class ProfileChanges {

	private static final Logger log = LoggerFactory.getLogger(ProfileChanges.class);

	private final Participants participants;
	private final ParticipantSettings settings;
	/** Lazily: messaging asks participants (RecipientPolicy) about recipients while it sends. */
	private final ObjectProvider<Messenger> messenger;

	ProfileChanges(Participants participants, ParticipantSettings settings, ObjectProvider<Messenger> messenger) {
		this.participants = participants;
		this.settings = settings;
		this.messenger = messenger;
	}

	ParticipantProfile reachBy(ParticipantId id, String channel, Boolean smsFallback) {
		List<FieldProblem> problems = new ArrayList<>();
		ChannelKind kind = channel(channel, problems);
		if (channel == null || channel.isBlank()) {
			problems.add(FieldProblem.of("channel", "problem.channel.required"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		Participant participant = participants.findById(id.value())
			.orElseThrow(() -> new IllegalArgumentException("no participant " + id));
		participant.reachBy(kind, smsFallback == null || smsFallback);
		ParticipantProfile profile = profile(participants.save(participant));
		log.info("Participant {} is now reached by {} (SMS fallback {})", id, kind, profile.smsFallback() ? "on" : "off");
		return profile;
	}

	/** SMS when absent; any case is accepted (whatsapp, WhatsApp). */
	static ChannelKind channel(String value, List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			return ChannelKind.SMS;
		}
		try {
			return ChannelKind.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			problems.add(FieldProblem.of("channel", "problem.channel.unknown", value));
			return null;
		}
	}

	/** @throws InvalidInput naming {@code language} when it is not one of reconnect.participants.languages */
	ParticipantProfile changeLanguage(ParticipantId id, String language) {
		String wanted = language == null ? "" : language.trim();
		if (!settings.languages().contains(wanted)) {
			throw new InvalidInput(List.of(FieldProblem.of("language", "problem.language.not-offered", wanted,
					String.join(", ", settings.languages()))));
		}
		Participant participant = participants.findById(id.value())
			.orElseThrow(() -> new IllegalArgumentException("no participant " + id));
		participant.speak(wanted);
		log.info("Participant {} now reads {}", id, wanted);
		return profile(participants.save(participant));
	}

	ParticipantProfile changeCheckInTime(ParticipantId id, LocalTime time) {
		Participant participant = participants.findById(id.value()).orElseThrow();
		checkInTimeProblem(time, quietHoursOf(profile(participant).quietHours())).ifPresent(problem -> {
			throw new InvalidInput(List.of(problem));
		});
		participant.checkInAt(time);
		return profile(participants.save(participant));
	}

	QuietHours quietHoursOf(ParticipantProfile participant) {
		return quietHoursOf(participant.quietHours());
	}

	ParticipantProfile keepQuietHours(ParticipantId id, String start, String end) {
		List<FieldProblem> problems = new ArrayList<>();
		LocalTime from = parseTime("start", start, problems);
		LocalTime to = parseTime("end", end, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		Participant participant = participants.findById(id.value())
			.orElseThrow(() -> new IllegalArgumentException("no participant " + id));
		QuietHours hours = new QuietHours(from, to);
		QuietHours kept = quietHoursOf(hours);
		LocalTime checkIn = profile(participant).checkInTime();
		if (kept.contains(checkIn)) {
			throw new InvalidInput(List.of(quietHoursCoverCheckIn(kept, checkIn)));
		}
		participant.keepQuietHours(hours);
		return profile(participants.save(participant));
	}

	Optional<FieldProblem> checkInTimeProblem(LocalTime checkInTime) {
		return checkInTimeProblem(checkInTime, defaultQuietHours());
	}

	static Optional<FieldProblem> checkInTimeProblem(LocalTime checkInTime, QuietHours quiet) {
		if (!quiet.contains(checkInTime)) {
			return Optional.empty();
		}
		return Optional.of(FieldProblem.of("checkInTime", "problem.check-in-time.in-quiet-hours", checkInTime,
				quiet.describe(), quiet.end(), quiet.start()));
	}

	/** Quiet hours that would cover the check-in time, which then could never be sent. */
	static FieldProblem quietHoursCoverCheckIn(QuietHours quiet, LocalTime checkIn) {
		return FieldProblem.of("quietHours", "problem.quiet-hours.cover-check-in", quiet.describe(), checkIn);
	}

	QuietHours defaultQuietHours() {
		Messenger sender = messenger.getIfAvailable();
		if (sender == null) {
			return QuietHours.DEFAULT;
		}
		RecipientPolicy.Recipient defaults = sender.defaults();
		return new QuietHours(defaults.quietFrom(), defaults.quietUntil());
	}

	/**
	 * The quiet hours that hold messages to a participant with these in their profile: their own,
	 * except that the standard 21:00-08:00 (what a profile shows when none were set) means the
	 * configured default, as {@link ParticipantRecipients} tells messaging.
	 */
	QuietHours quietHoursOf(QuietHours own) {
		return own == null || own.equals(QuietHours.DEFAULT) ? defaultQuietHours() : own;
	}

	private static LocalTime parseTime(String field, String value, List<FieldProblem> problems) {
		try {
			return LocalTime.parse(value == null ? "" : value);
		}
		catch (DateTimeParseException ex) {
			problems.add(FieldProblem.of(field, "problem.time.unreadable", value));
			return null;
		}
	}

	ParticipantProfile setResponsiveness(ParticipantId id, ResponsivenessSettings responsiveness) {
		List<FieldProblem> problems = new ArrayList<>();
		if (responsiveness.gracePeriod() == null || responsiveness.gracePeriod().isNegative()
				|| responsiveness.gracePeriod().compareTo(java.time.Duration.ofDays(14)) > 0) {
			problems.add(FieldProblem.of("gracePeriod", "problem.grace-period"));
		}
		if (responsiveness.missedToQuiet() < 1 || responsiveness.missedToQuiet() > 14) {
			problems.add(FieldProblem.of("missedToQuiet", "problem.missed-to-quiet"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		Participant participant = participants.findById(id.value()).orElseThrow();
		participant.respondWithin(responsiveness);
		return profile(participants.save(participant));
	}

	private ParticipantProfile profile(Participant participant) {
		return participant.profile(settings.responsiveness());
	}
}
