package org.reconnect.participants;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

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

/** Enrolment: every field checked and every problem named at once, one participant a number, then announced. */
@Component
class Enrolments {

	private static final Logger log = LoggerFactory.getLogger(Enrolments.class);

	private final Participants participants;
	private final PhoneNumbers phones;
	private final ProfileChanges changes;
	private final ApplicationEventPublisher events;
	private final ParticipantSettings settings;
	private final Clock clock;

	Enrolments(Participants participants, PhoneNumbers phones, ProfileChanges changes, ApplicationEventPublisher events,
			ParticipantSettings settings, Clock clock) {
		this.participants = participants;
		this.phones = phones;
		this.changes = changes;
		this.events = events;
		this.settings = settings;
		this.clock = clock;
	}

	ParticipantProfile enrol(EnrolParticipant request, String coach, Consumer<String> vet) {
		Inputs.check(request);
		List<FieldProblem> problems = new ArrayList<>();
		String name = request.name() == null ? "" : request.name().trim();
		if (name.isEmpty()) {
			problems.add(FieldProblem.of("name", "problem.participant.name"));
		}
		String phone = null;
		try {
			phone = phones.toE164("phone", request.phone());
		}
		catch (InvalidInput ex) {
			problems.addAll(ex.problems());
		}
		ZoneId zone = null;
		try {
			zone = ZoneId.of(request.timeZone() == null ? "" : request.timeZone());
		}
		catch (DateTimeException ex) {
			problems.add(FieldProblem.of("timeZone", "problem.time-zone.unknown", request.timeZone()));
		}
		LocalTime checkInTime = null;
		try {
			checkInTime = LocalTime.parse(request.checkInTime() == null ? "" : request.checkInTime());
		}
		catch (DateTimeParseException ex) {
			problems.add(FieldProblem.of("checkInTime", "problem.check-in-time.unreadable", request.checkInTime()));
		}
		if (checkInTime != null) {
			changes.checkInTimeProblem(checkInTime).ifPresent(problems::add);
		}
		String language = request.language() == null || request.language().isBlank() ? settings.languages().get(0)
				: request.language();
		if (!settings.languages().contains(language)) {
			problems.add(FieldProblem.of("language", "problem.language.not-offered", language,
					String.join(", ", settings.languages())));
		}
		ChannelKind channel = ProfileChanges.channel(request.channel(), problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		Optional<Participant> taken = participants.findByPhone(phone);
		if (taken.isPresent()) {
			throw alreadyEnrolled(taken.get());
		}
		vet.accept(phone);
		Participant participant;
		try {
			Participant enrolled = Participant.enrol(name, phone, zone, checkInTime, language, coach, clock.instant());
			enrolled.reachBy(channel, request.smsFallback() == null || request.smsFallback());
			participant = participants.save(enrolled);
		}
		catch (DuplicateKeyException ex) {
			throw participants.findByPhone(phone).map(this::alreadyEnrolled)
				.orElseGet(() -> new ParticipantAlreadyEnrolled(null, null));
		}
		ParticipantProfile profile = profile(participant);
		log.info("Enrolled participant {} for coach {}", profile.id(), coach);
		events.publishEvent(new ParticipantEnrolled(profile.id()));
		return profile;
	}

	private ParticipantAlreadyEnrolled alreadyEnrolled(Participant existing) {
		ParticipantProfile profile = profile(existing);
		return new ParticipantAlreadyEnrolled(profile.id(), profile.coach());
	}

	private ParticipantProfile profile(Participant participant) {
		return participant.profile(settings.responsiveness());
	}
}
