package org.reconnect.routines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reconnect.MutableClock;
import org.reconnect.SimulatorAppTestBase;
import org.reconnect.flows.ConversationRuntime;
import org.reconnect.messaging.PhoneSimulator;
import org.reconnect.messaging.SentMessage;
import org.reconnect.participants.EnrolParticipant;
import org.reconnect.participants.ParticipantId;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantService;
import org.reconnect.system.InvalidInput;
import org.reconnect.system.InvalidInput.FieldProblem;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The routines' engine on the test clock: a flow starts at its local time and not before; in
 * quiet hours it waits for their end; the daily cap refuses it; behind an open conversation it
 * waits (the weekly reflection's {@code when_busy: wait}) and follows when that ends; after
 * downtime it starts once at most, and not at all past the late limit; and every new participant
 * has the weekly reflection on the configured day and time.
 */
class RoutineIntegrationTests extends SimulatorAppTestBase {

	private static final AtomicInteger PHONES = new AtomicInteger();

	private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

	private static final String REFLECTION = "a moment to look back";

	@Autowired
	MutableClock clock;

	@Autowired
	RoutineService routines;

	@Autowired
	Routines stored;

	@Autowired
	ParticipantService participants;

	@Autowired
	ConversationRuntime conversations;

	@Autowired
	PhoneSimulator phone;

	private final List<ParticipantId> enrolled = new ArrayList<>();

	@BeforeEach
	void startOnFriday() {
		clock.set(START); // Friday 2030-03-08, 17:00 in Madrid
	}

	/** Nobody's routine from here starts in another test that moves the shared clock. */
	@AfterEach
	void erase() {
		enrolled.forEach(participants::erase);
		enrolled.clear();
	}

	@Test
	void everyNewParticipantHasTheWeeklyReflectionOnTheFirstSundayAtLeastSixDaysOnAt17TheirTime() {
		ParticipantProfile sam = enrol("America/New_York", "en");

		List<RoutineView> list = routines.list(sam.id());

		assertThat(list).singleElement().satisfies(routine -> {
			assertThat(routine.flow()).isEqualTo("weekly-reflection");
			assertThat(routine.origin()).isEqualTo("ENROLMENT");
			assertThat(routine.on()).isTrue();
			assertThat(routine.rule()).isEqualTo("FREQ=WEEKLY;BYDAY=SU");
			// Enrolled Friday 8 March: Sunday the 10th is too soon; Sunday the 17th, 17:00 EDT.
			assertThat(routine.nextStartAt()).isEqualTo(Instant.parse("2030-03-17T21:00:00Z"));
		});
	}

	@Test
	void aRoutineStartsItsFlowAtTheParticipantsLocalTimeAndNotBefore() {
		ParticipantProfile ana = enrol("Europe/Madrid", "es");
		routines.set(ana.id(), "weekly-reflection", new RoutineRequest("FREQ=WEEKLY;BYDAY=SA", "10:00", true), "coach:test");

		at("2030-03-09T09:59");
		routines.startDue();
		assertThat(sentTo(ana)).isEmpty();

		at("2030-03-09T10:00");
		routines.startDue();
		assertThat(sentTo(ana)).singleElement().asString().startsWith("Hola Ana, un momento para mirar atrás.");
		assertThat(outcomes(ana)).containsExactly("STARTED");
		assertThat(routines.get(ana.id(), "weekly-reflection").nextStartAt())
			.isEqualTo(LocalDateTime.parse("2030-03-16T10:00").atZone(MADRID).toInstant());
	}

	@Test
	void aRoutineDueInQuietHoursStartsWhenTheyEnd() {
		ParticipantProfile ana = enrol("Europe/Madrid", "en");
		routines.set(ana.id(), "weekly-reflection", new RoutineRequest("FREQ=WEEKLY;BYDAY=SA", "20:00", true), "coach:test");
		participants.keepQuietHours(ana.id(), "19:30", "07:00"); // changed after the routine was set

		at("2030-03-09T20:00");
		routines.startDue();
		assertThat(sentTo(ana)).isEmpty();
		assertThat(outcomes(ana)).containsExactly("DEFERRED_QUIET_HOURS");

		at("2030-03-10T07:00");
		routines.startDue();
		assertThat(sentTo(ana)).singleElement().asString().contains(REFLECTION);
		assertThat(outcomes(ana)).containsExactly("DEFERRED_QUIET_HOURS", "STARTED_AFTER_QUIET_HOURS");
	}

	@Test
	void theDailyCapRefusesARoutineAndItIsRecordedNotDelivered() {
		ParticipantProfile ana = enrol("Europe/Madrid", "en");
		// A notice sent alongside whatever is open: only the daily cap can stop it.
		routines.set(ana.id(), "test-notice", new RoutineRequest("FREQ=WEEKLY;BYDAY=SA", "12:00", true), "coach:test");
		at("2030-03-09T11:00");
		for (int i = 0; i < 3; i++) {
			conversations.start(ana.id(), "test-notice"); // three scheduled messages: the day's cap
		}
		assertThat(sentTo(ana)).hasSize(3);

		at("2030-03-09T12:00");
		routines.startDue();

		assertThat(sentTo(ana)).hasSize(3);
		assertThat(outcomes(ana, "test-notice")).containsExactly("NOT_DELIVERED");

		at("2030-03-16T12:00"); // a week on, a new day: it goes
		routines.startDue();
		assertThat(sentTo(ana)).hasSize(4);
		assertThat(outcomes(ana, "test-notice")).containsExactly("NOT_DELIVERED", "STARTED");
	}

	@Test
	void behindAnOpenCheckInTheReflectionWaitsAndStartsWhenItEnds() {
		ParticipantProfile ana = enrol("Europe/Madrid", "en");
		routines.set(ana.id(), "weekly-reflection", new RoutineRequest("FREQ=WEEKLY;BYDAY=SA", "12:00", true), "coach:test");
		at("2030-03-09T11:55");
		conversations.start(ana.id(), "daily-checkin");
		assertThat(sentTo(ana)).hasSize(1);

		at("2030-03-09T12:00");
		routines.startDue();
		assertThat(sentTo(ana)).hasSize(1);
		assertThat(outcomes(ana)).containsExactly("WAITING_FOR_OPEN_CONVERSATION");

		phone.receive(ana.phone(), "4");
		phone.receive(ana.phone(), "no");
		phone.receive(ana.phone(), "my sister");
		assertThat(conversations.open(ana.id())).hasValueSatisfying(open -> assertThat(open.flow()).isEqualTo("weekly-reflection"));
		List<String> sent = sentTo(ana);
		assertThat(sent.get(sent.size() - 1)).contains(REFLECTION);
	}

	@Test
	void afterDowntimeADailyRoutineStartsOnceForTheLastMissedDayAndNotAtAllPastTheLateLimit() {
		ParticipantProfile ana = enrol("Europe/Madrid", "en");
		routines.set(ana.id(), "weekly-reflection", new RoutineRequest("FREQ=DAILY", "10:00", true), "coach:test");

		// Down from Friday until Monday 11:00: Saturday's is superseded (and Sunday's with it), Monday's starts late.
		at("2030-03-11T11:00");
		routines.startDue();
		assertThat(sentTo(ana)).singleElement().asString().contains(REFLECTION);
		assertThat(outcomes(ana)).containsExactly("SKIPPED_SUPERSEDED", "STARTED_LATE");

		// Down again until Tuesday 13:01, more than the 3h late limit after 10:00: nothing starts.
		conversations.open(ana.id()).ifPresent(open -> phone.receive(ana.phone(), "walks"));
		int before = sentTo(ana).size();
		at("2030-03-12T13:01");
		routines.startDue();
		assertThat(sentTo(ana)).hasSize(before);
		assertThat(outcomes(ana)).endsWith("SKIPPED_TOO_LATE");
		assertThat(routines.get(ana.id(), "weekly-reflection").nextStartAt())
			.isEqualTo(LocalDateTime.parse("2030-03-13T10:00").atZone(MADRID).toInstant());
	}

	@Test
	void aRoutineTurnedOffStartsNothing() {
		ParticipantProfile ana = enrol("Europe/Madrid", "en");
		routines.set(ana.id(), "weekly-reflection", new RoutineRequest("FREQ=DAILY", "10:00", false), "coach:test");

		at("2030-03-09T10:00");
		routines.startDue();

		assertThat(sentTo(ana)).isEmpty();
		assertThat(routines.get(ana.id(), "weekly-reflection").nextStartAt()).isNull();
	}

	@Test
	void aCoachPutsARoutineOnTheirWholeCaseloadAndSomeoneEnrolledLaterIsNotIncluded() {
		String coach = "routine-coach-" + PHONES.incrementAndGet();
		ParticipantProfile one = enrol("Europe/Madrid", "en", coach);
		ParticipantProfile two = enrol("America/New_York", "en", coach);

		List<RoutineView> set = routines.setForCaseload(coach, "test-notice",
				new RoutineRequest("FREQ=WEEKLY;BYDAY=MO", "18:00", true), "coach:" + coach);
		ParticipantProfile later = enrol("Europe/Madrid", "en", coach);

		assertThat(set).hasSize(2).allSatisfy(routine -> assertThat(routine.origin()).isEqualTo("CASELOAD"));
		assertThat(routines.get(one.id(), "test-notice").nextStartAt())
			.isEqualTo(LocalDateTime.parse("2030-03-11T18:00").atZone(MADRID).toInstant());
		assertThat(routines.get(two.id(), "test-notice").nextStartAt())
			.isEqualTo(LocalDateTime.parse("2030-03-11T18:00").atZone(ZoneId.of("America/New_York")).toInstant());
		assertThat(routines.list(later.id())).extracting(RoutineView::flow).containsExactly("weekly-reflection");
	}

	@Test
	void aRoutineSavedBeforeFlowsSaidRoutineStartsNothingSaysSoAndCanOnlyBeTakenAway() {
		ParticipantProfile ana = enrol("Europe/Madrid", "en");
		// As the API let a coach save one before: a reminder's reply on a weekly routine.
		routines.set(ana.id(), "test-notice", new RoutineRequest("FREQ=WEEKLY;BYDAY=SA", "12:00", true), "coach:test");
		Routine old = stored.findByParticipantIdAndFlow(ana.id().value(), "test-notice").orElseThrow();
		old.flow = "reminder-reply";
		stored.save(old);

		assertThat(routines.get(ana.id(), "reminder-reply").startable()).isFalse();
		assertThat(routines.get(ana.id(), "weekly-reflection").startable()).isTrue();
		assertThatThrownBy(() -> routines.set(ana.id(), "reminder-reply",
				new RoutineRequest("FREQ=WEEKLY;BYDAY=SU", "12:00", false), "coach:test"))
			.isInstanceOfSatisfying(InvalidInput.class,
					refused -> assertThat(refused.problems()).extracting(FieldProblem::field).containsExactly("flow"));

		at("2030-03-09T12:00");
		routines.startDue();
		assertThat(sentTo(ana)).as("no 'Will you make it?' without a meeting").isEmpty();
		assertThat(conversations.open(ana.id())).isEmpty();
		assertThat(outcomes(ana, "reminder-reply")).containsExactly("NOT_STARTED_NOT_ROUTINE");
		assertThat(routines.get(ana.id(), "reminder-reply").nextStartAt())
			.isEqualTo(LocalDateTime.parse("2030-03-16T12:00").atZone(MADRID).toInstant());

		routines.delete(ana.id(), "reminder-reply");
		assertThat(routines.list(ana.id())).extracting(RoutineView::flow).containsExactly("weekly-reflection");
	}

	private ParticipantProfile enrol(String zone, String language) {
		return enrol(zone, language, "coach");
	}

	private ParticipantProfile enrol(String zone, String language, String coach) {
		String number = String.format("+1202557%04d", 100 + PHONES.incrementAndGet());
		ParticipantProfile profile = participants.enrol(new EnrolParticipant("Ana Ruiz", number, zone, "09:00", language),
				coach);
		enrolled.add(profile.id());
		return profile;
	}

	/** The clock at a local date-time in Madrid. */
	private void at(String local) {
		clock.set(LocalDateTime.parse(local).atZone(MADRID).toInstant());
	}

	private List<String> sentTo(ParticipantProfile participant) {
		List<String> oldestFirst = new ArrayList<>(
				phone.sentTo(participant.phone(), 50).stream()
					.filter(sent -> !"DROPPED".equals(sent.status())) // the daily cap's, never sent
					.map(SentMessage::body)
					.toList());
		Collections.reverse(oldestFirst);
		return org.reconnect.WelcomeTexts.after(oldestFirst); // what the routines sent, after enrolment's welcome
	}

	private List<String> outcomes(ParticipantProfile participant) {
		return outcomes(participant, "weekly-reflection");
	}

	private List<String> outcomes(ParticipantProfile participant, String flow) {
		return stored.findByParticipantIdAndFlow(participant.id().value(), flow)
			.orElseThrow().starts.stream().map(start -> start.outcome().name()).toList();
	}
}
