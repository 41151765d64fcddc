package org.reconnect.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reconnect.ConsoleSession;
import org.reconnect.MutableClock;
import org.reconnect.SimulatorAppTestBase;
import org.reconnect.TestCoaches;
import org.reconnect.consent.AlertKind;
import org.reconnect.consent.ConsentService;
import org.reconnect.flows.CheckInAnswered;
import org.reconnect.flows.ConversationRuntime;
import org.reconnect.messaging.PhoneSimulator;
import org.reconnect.messaging.SentMessage;
import org.reconnect.participants.EnrolParticipant;
import org.reconnect.participants.ParticipantId;
import org.reconnect.participants.ParticipantService;
import org.reconnect.scheduling.DueWork;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Milestones and progress notes through the real runtime on the test clock: a milestone is said
 * once whatever reaches it again (a second node, a restart that finds a claim half done), at most
 * one a day, never in quiet hours; an ally's note goes only with PROGRESS consent at the moment it
 * goes; the sharing choice round-trips through the API and STOP SHARING ends it by text.
 */
class ProgressIntegrationTests extends SimulatorAppTestBase {

	private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	@Autowired
	MutableClock clock;

	@Autowired
	ParticipantService participants;

	@Autowired
	ConversationRuntime conversations;

	@Autowired
	ConsentService consent;

	@Autowired
	PhoneSimulator phone;

	@Autowired
	DueWork due;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	ProgressDelivery delivery;

	@Autowired
	TestRestTemplate http;

	@Autowired
	ProgressService progress;

	@Autowired
	PasswordEncoder encoder;

	@LocalServerPort
	int port;

	private final List<ParticipantId> enrolled = new ArrayList<>();

	private final ObjectMapper json = new ObjectMapper();

	@AfterEach
	void cleanUp() {
		enrolled.forEach(participants::erase);
		clock.set(START);
	}

	@Test
	void aMilestoneIsSaidOnceEvenWhenReachedAgainOrLeftHalfSentByAStoppedNode() {
		clock.set(START);
		String number = "+12025557101";
		ParticipantId id = enrol("Noor Haddad", number, "en");
		checkIn(id, number, "my cousin");
		clock.advance(Duration.ofMinutes(15));
		due.sweep();
		assertThat(texts(number)).containsOnlyOnce(
				"Noor, you answered your first check-in. That's a real first step, and we're glad you're here.");

		// The same fact again, as a second node or a redelivered event would bring it: nothing new.
		events.publishEvent(new CheckInAnswered(id, "again"));
		clock.advance(Duration.ofMinutes(30));
		due.sweep();
		assertThat(texts(number)).filteredOn(text -> text.startsWith("Noor, you answered")).hasSize(1);

		// A note a stopped node claimed after the outbox took it is recorded as sent, never sent again.
		Query note = Query.query(Criteria.where("_id").is(id.value() + ":FIRST_CHECK_IN:participant"));
		mongo.updateFirst(note, new Update().set("status", ProgressNote.SENDING).set("claimedAt", clock.instant()),
				ProgressNote.class);
		clock.advance(Duration.ofMinutes(5));
		due.sweep();
		assertThat(mongo.findOne(note, ProgressNote.class).outcome()).isEqualTo("SENT");
		assertThat(texts(number)).filteredOn(text -> text.startsWith("Noor, you answered")).hasSize(1);
	}

	@Test
	void atMostOneMilestoneADayTheOneOfThatDayWinsAndTheOtherComesTheNextDay() {
		clock.set(START);
		String number = "+12025557102";
		ParticipantId id = enrol("Ravi Shah", number, "en");
		checkIn(id, number, "my dad");
		clock.advance(Duration.ofMinutes(15));
		due.sweep();

		// Ten days on: back after a quiet spell and a week of taking part both hold; one is said.
		clock.advance(Duration.ofDays(10));
		checkIn(id, number, "my dad");
		checkIn(id, number, "a friend");
		clock.advance(Duration.ofMinutes(20));
		due.sweep();
		assertThat(texts(number).get(texts(number).size() - 1))
			.isEqualTo("Welcome back, Ravi. It's good to hear from you again, and picking back up is what counts.");
		assertThat(texts(number)).noneMatch(text -> text.contains("a week since you started"));
		String today = clock.instant().atZone(NEW_YORK).toLocalDate().toString();
		// The store holds the rule too: a second milestone the same day is refused by its key.
		assertThatThrownBy(() -> mongo.insert(new Milestone(id.value() + ":OTHER", id.value(),
				MilestoneKind.CONNECTED_WEEK, 5, today, clock.instant()))).isInstanceOf(DuplicateKeyException.class);

		clock.advance(Duration.ofDays(1));
		checkIn(id, number, "my dad");
		clock.advance(Duration.ofMinutes(15));
		due.sweep();
		assertThat(texts(number).get(texts(number).size() - 1))
			.isEqualTo("Ravi, it's been a week since you started, and you're still showing up. That counts.");
	}

	@Test
	void aMilestoneReachedLateInTheEveningWaitsForTheMorning() {
		// 20:50 in New York: the sentence would be due at 21:05, inside the default quiet hours.
		clock.set(Instant.parse("2030-03-09T01:50:00Z"));
		String number = "+12025557103";
		ParticipantId id = enrol("Ada Byrne", number, "en");
		checkIn(id, number, "my neighbour");
		int before = texts(number).size();
		clock.advance(Duration.ofMinutes(20));
		due.sweep();
		clock.advance(Duration.ofHours(5));
		due.sweep();
		assertThat(texts(number)).hasSize(before);

		clock.set(Instant.parse("2030-03-09T13:00:00Z")); // 08:00 the next morning
		due.sweep();
		assertThat(texts(number)).hasSize(before + 1);
		assertThat(texts(number).get(before)).startsWith("Ada, you answered your first check-in.");
		SentMessage sent = phone.sentTo(number, 1).get(0);
		assertThat(sent.createdAt().atZone(NEW_YORK).getHour()).isGreaterThanOrEqualTo(8);
	}

	@Test
	void anAllysNoteGoesOnlyWithProgressConsentAtTheMomentItGoesAndOnlyForWhatIsShared() {
		clock.set(START);
		String number = "+12025557104";
		String withProgress = "+12025557105";
		String alertsOnly = "+12025557106";
		ParticipantId id = enrol("Sam Okafor", number, "en");
		consent.invite(id, "Bea Lund", withProgress, null, Set.of(AlertKind.MISSED_CHECK_INS, AlertKind.PROGRESS), null,
				"a test", "coach:coach", "test");
		consent.invite(id, "Cal Moss", alertsOnly, null, null, null, "a test", "coach:coach", "test");
		phone.receive(withProgress, "yes");
		phone.receive(alertsOnly, "yes");
		int bea = texts(withProgress).size();
		int cal = texts(alertsOnly).size();

		// Not shared yet: the first check-in reaches nobody but Sam.
		checkIn(id, number, "my aunt");
		clock.advance(Duration.ofMinutes(15));
		due.sweep();
		assertThat(texts(withProgress)).hasSize(bea);

		share(id, "[\"DAYS_TAKING_PART\", \"BACK_AFTER_QUIET_SPELL\"]");
		clock.advance(Duration.ofDays(7));
		checkIn(id, number, "my aunt");
		clock.advance(Duration.ofMinutes(15));
		due.sweep();
		assertThat(texts(withProgress)).hasSize(bea + 1);
		assertThat(texts(withProgress).get(bea))
			.isEqualTo("Hi Bea, Sam has kept up their check-ins for a week. A word of encouragement could mean a lot.")
			.doesNotContain("my aunt");
		assertThat(texts(alertsOnly)).as("MISSED_CHECK_INS never covers PROGRESS").hasSize(cal);

		// Back after a quiet spell, shared too: queued for Bea, then she says STOP ALERTS before it goes.
		clock.advance(Duration.ofDays(23));
		checkIn(id, number, "my aunt");
		phone.receive(withProgress, "STOP ALERTS");
		int afterStop = texts(withProgress).size();
		clock.advance(Duration.ofMinutes(15));
		due.sweep();
		assertThat(texts(withProgress)).hasSize(afterStop);
		String day = clock.instant().atZone(NEW_YORK).toLocalDate().toString();
		assertThat(mongo.findById(id.value() + ":BACK_AFTER_QUIET_SPELL:" + day + ":ally:" + allyId(id, withProgress),
				ProgressNote.class).outcome()).isEqualTo("NO_CONSENT");
	}

	@Test
	void theSharingChoiceRoundTripsThroughTheApiAndStopSharingByTextEndsIt() throws Exception {
		clock.set(START);
		String number = "+12025557107";
		ParticipantId id = enrol("Lena Park", number, "es");
		TestRestTemplate coach = http.withBasicAuth("coach", "sim-pass-2030");
		String path = "/api/participants/" + id.value() + "/progress-sharing";

		JsonNode none = json.readTree(coach.getForObject(path, String.class));
		assertThat(none.get("shared")).isEmpty();
		assertThat(none.get("milestones").toString()).contains("DAYS_TAKING_PART", "CONNECTED_WEEK");

		ResponseEntity<String> set = share(id, "[\"CONNECTED_WEEK\", \"DAYS_TAKING_PART\"]");
		assertThat(set.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode read = json.readTree(coach.getForObject(path, String.class));
		assertThat(read.get("shared").toString()).isEqualTo("[\"DAYS_TAKING_PART\",\"CONNECTED_WEEK\"]");

		ResponseEntity<String> refused = share(id, "[\"DAYS_TAKING_PART\", \"EVERYTHING\"]");
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
		JsonNode error = json.readTree(refused.getBody()).get("errors").get(0);
		assertThat(error.get("field").asString()).isEqualTo("shared");
		assertThat(error.get("message").asString()).contains("EVERYTHING", "FIRST_CHECK_IN");
		assertThat(json.readTree(coach.getForObject(path, String.class)).get("shared").size()).isEqualTo(2);

		phone.receive(number, "No compartir.");
		assertThat(texts(number).get(texts(number).size() - 1)).startsWith("Hecho: tus aliados ya no recibirán");
		assertThat(json.readTree(coach.getForObject(path, String.class)).get("shared")).isEmpty();
		phone.receive(number, "stop sharing");
		assertThat(texts(number).get(texts(number).size() - 1)).startsWith("No se está compartiendo nada");
		assertThat(participants.find(id).orElseThrow().active()).as("STOP SHARING is not STOP").isTrue();
	}

	@Test
	void theParticipantPageShowsWhatIsSharedAndChangesIt() {
		clock.set(START);
		String number = "+12025557108";
		ParticipantId id = enrol("Mina Cole", number, "en");
		checkIn(id, number, "my sister");
		ConsoleSession console = new ConsoleSession(port);
		console.signIn("coach", "sim-pass-2030");
		String page = "/participants/" + id.value();

		String before = console.get(page).body();
		assertThat(before).contains("Good news to allies").contains("Milestones reached").contains("their first check-in")
			.doesNotContainPattern("name=\"shared\"[^>]*checked");

		HttpResponse<String> saved = console.submit(page, page + "/progress-sharing", Map.of("shared", "CONNECTED_WEEK"));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(progress.sharing(id).shared()).containsExactly("CONNECTED_WEEK");
		assertThat(console.get(page).body()).containsPattern("value=\"CONNECTED_WEEK\"[^>]*checked");
	}

	@Test
	void theMilestonesReachedReadAsADateInWordsInTheCoachsLanguage() {
		clock.set(START); // Friday 8 March 2030, 11:00 in New York
		TestCoaches.ensure(mongo, encoder, "mila", "mila-pass-2030"); // no console language of her own
		String number = "+12025557109";
		ParticipantId id = participants.enrol(new EnrolParticipant("Iris Vale", number, "America/New_York", "09:00", "en"),
				"mila").id();
		enrolled.add(id);
		checkIn(id, number, "my brother");
		String page = "/participants/" + id.value();

		ConsoleSession english = new ConsoleSession(port, "en");
		english.signIn("mila", "mila-pass-2030");
		assertThat(milestonesReached(english.get(page).body())).contains("Fri 8 Mar, 11:00: their first check-in")
			.doesNotContain("2030-03-08");

		ConsoleSession spanish = new ConsoleSession(port, "es");
		spanish.signIn("mila", "mila-pass-2030");
		assertThat(milestonesReached(spanish.get(page).body())).contains("vie 8 mar, 11:00: su primer check-in")
			.doesNotContain("2030-03-08");
	}

	@Test
	void aCoachAsksAnAllyWhoGetsAlertsForGoodNewsTooFromThePageAndOnlyTheirYesBringsTheNote() {
		clock.set(START);
		String number = "+12025557110";
		String ally = "+12025557111";
		ParticipantId id = enrol("Owen Hale", number, "en");
		consent.invite(id, "Pam Reyes", ally, null, null, null, "a test", "coach:coach", "test");
		phone.receive(ally, "yes");
		String allyId = allyId(id, ally);
		share(id, "[\"DAYS_TAKING_PART\", \"BACK_AFTER_QUIET_SPELL\"]");
		checkIn(id, number, "my mum");
		clock.advance(Duration.ofDays(7));
		ConsoleSession console = new ConsoleSession(port);
		console.signIn("coach", "sim-pass-2030");
		String page = "/participants/" + id.value();
		assertThat(console.get(page).body()).contains("aria-label=\"Ask Pam Reyes for good news too\"");

		HttpResponse<String> asked = console.submit(page, page + "/allies/" + allyId + "/progress", Map.of());
		assertThat(asked.statusCode()).isEqualTo(302);
		assertThat(texts(ally).get(texts(ally).size() - 1)).startsWith("Hi Pam, Owen would also like to share some good news");
		String waiting = console.get(page).body();
		assertThat(waiting).contains("Pam Reyes has been asked by text whether they want good news too.")
			.contains("(asked for good news too: waiting for their answer)")
			.doesNotContain("aria-label=\"Ask Pam Reyes for good news too\"");
		console.submit(page, page + "/allies/" + allyId + "/progress", Map.of());
		assertThat(console.get(page).body()).contains("Pam Reyes still has a question to answer: wait for their answer.");

		// A week of taking part while she has not answered: no note, her consent does not cover it yet.
		checkIn(id, number, "my mum");
		int before = texts(ally).size();
		clock.advance(Duration.ofMinutes(15));
		due.sweep();
		assertThat(texts(ally)).hasSize(before);

		phone.receive(ally, "yes");
		assertThat(console.get(page).body()).doesNotContain("waiting for their answer")
			.contains("good news at milestones they chose to share");
		clock.advance(Duration.ofDays(23));
		checkIn(id, number, "my mum");
		clock.advance(Duration.ofMinutes(15));
		due.sweep();
		assertThat(texts(ally).get(texts(ally).size() - 1))
			.isEqualTo("Hi Pam, good news: Owen is checking in again. A friendly word could mean a lot.");
	}

	/** The list under "Milestones reached", its markup taken away. */
	private static String milestonesReached(String page) {
		String section = page.substring(page.indexOf("id=\"progress-sharing\""));
		section = section.substring(section.indexOf("<h3"), section.indexOf("</section>"));
		return section.replaceAll("<[^>]+>", "").replaceAll("\\s+", " ");
	}

	private ParticipantId enrol(String name, String number, String language) {
		ParticipantId id = participants.enrol(new EnrolParticipant(name, number, "America/New_York", "09:00", language),
				"coach").id();
		enrolled.add(id);
		return id;
	}

	/** A whole daily check-in, answered: a mood, no cravings, someone they connected with. */
	private void checkIn(ParticipantId id, String number, String connectedWith) {
		conversations.start(id, "daily-checkin");
		phone.receive(number, "4");
		phone.receive(number, "no");
		phone.receive(number, connectedWith);
		assertThat(conversations.open(id)).isEmpty();
	}

	private ResponseEntity<String> share(ParticipantId id, String shared) {
		var headers = new org.springframework.http.HttpHeaders();
		headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
		return http.withBasicAuth("coach", "sim-pass-2030").exchange("/api/participants/" + id.value() + "/progress-sharing",
				HttpMethod.PUT, new HttpEntity<>("{\"shared\": " + shared + "}", headers), String.class);
	}

	private String allyId(ParticipantId id, String number) {
		return consent.allies(id).stream().filter(ally -> ally.phone().equals(number)).findFirst().orElseThrow().id();
	}

	/** Everything sent to the number, oldest first. */
	private List<String> texts(String number) {
		List<String> all = new ArrayList<>(phone.sentTo(number, 500).stream().map(SentMessage::body).toList());
		Collections.reverse(all);
		return all;
	}
}
