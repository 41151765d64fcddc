package org.reconnect.participants;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.reconnect.messaging.OptOutChanged;
import org.reconnect.system.InvalidInput;
import org.reconnect.system.InvalidInput.FieldProblem;
import org.reconnect.system.PhoneNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** The participants module's public face: enrol, look up, and follow opt-outs. */
@Service
public class ParticipantService {

	private static final Logger log = LoggerFactory.getLogger(ParticipantService.class);

	private static final Set<String> LANGUAGES = Set.of("en", "es");

	private final Participants participants;
	private final PhoneNumbers phones;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	ParticipantService(Participants participants, PhoneNumbers phones, ApplicationEventPublisher events, Clock clock) {
		this.participants = participants;
		this.phones = phones;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Checks every field, stores the participant and announces the enrolment.
	 *
	 * @throws InvalidInput naming every field that was wrong; nothing is stored then
	 * @throws ParticipantAlreadyEnrolled when the phone number is taken
	 */
	public ParticipantProfile enrol(EnrolParticipant request, String coach) {
		List<FieldProblem> problems = new ArrayList<>();
		String name = request.name() == null ? "" : request.name().trim();
		if (name.isEmpty() || name.length() > 100) {
			problems.add(new FieldProblem("name", "is required, 1 to 100 characters: send the name the participant likes to be called"));
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
			problems.add(new FieldProblem("timeZone",
					"'" + request.timeZone() + "' is not an IANA time zone: send one such as America/New_York or Europe/Madrid"));
		}
		LocalTime checkInTime = null;
		try {
			checkInTime = LocalTime.parse(request.checkInTime() == null ? "" : request.checkInTime());
		}
		catch (DateTimeParseException ex) {
			problems.add(new FieldProblem("checkInTime",
					"'" + request.checkInTime() + "' is not a time of day: send 24-hour HH:mm, e.g. 09:00 or 18:30"));
		}
		String language = request.language() == null || request.language().isBlank() ? "en" : request.language();
		if (!LANGUAGES.contains(language)) {
			problems.add(new FieldProblem("language", "'" + language + "' is not offered: send en or es"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		if (participants.findByPhone(phone).isPresent()) {
			throw new ParticipantAlreadyEnrolled();
		}
		Participant participant;
		try {
			participant = participants.save(Participant.enrol(name, phone, zone, checkInTime, language, coach, clock.instant()));
		}
		catch (DuplicateKeyException ex) {
			throw new ParticipantAlreadyEnrolled();
		}
		ParticipantProfile profile = participant.profile();
		log.info("Enrolled participant {} for coach {}", profile.id(), coach);
		events.publishEvent(new ParticipantEnrolled(profile.id()));
		return profile;
	}

	/** Moves the participant's daily check-in to another local time. */
	public ParticipantProfile changeCheckInTime(ParticipantId id, LocalTime time) {
		Participant participant = participants.findById(id.value()).orElseThrow();
		participant.checkInAt(time);
		return participants.save(participant).profile();
	}

	public Optional<ParticipantProfile> find(ParticipantId id) {
		return participants.findById(id.value()).map(Participant::profile);
	}

	public Optional<ParticipantProfile> findByPhone(String phone) {
		return participants.findByPhone(phone).map(Participant::profile);
	}

	public List<ParticipantProfile> caseload(String coach) {
		return participants.findByCoach(coach).stream().map(Participant::profile).toList();
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
