package org.reconnect.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.reconnect.SimulatorAppTestBase;
import org.reconnect.TestCoaches;
import org.reconnect.escalation.AuditKind;
import org.reconnect.escalation.AuditView;
import org.reconnect.escalation.EscalationService;
import org.reconnect.participants.EnrolParticipant;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantService;
import org.reconnect.scheduling.CheckInSlots;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Changing a participant after enrolment through the API (PATCH /api/participants/{id}): the next
 * check-in moves at once, a check-in time in quiet hours is refused naming the field and nothing is
 * changed; and a supervisor, only a supervisor, moves a participant or a whole caseload to another
 * coach, with the audit naming who did it.
 */
class ParticipantEditIntegrationTests extends SimulatorAppTestBase {

	@Autowired
	TestRestTemplate http;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	ParticipantService participants;

	@Autowired
	CheckInSlots checkIns;

	@Autowired
	EscalationService escalation;

	private final ObjectMapper json = new ObjectMapper();

	@Test
	void aNewZoneAndCheckInTimeMoveTheNextCheckInAtOnce() {
		TestCoaches.ensure(mongo, encoder, "edie", "edie-pass-1");
		ParticipantProfile dana = participants.enrol(
				new EnrolParticipant("Dana Ortiz", "+12025550811", "America/New_York", "09:00", "en"), "edie");
		// Friday 11:00 in New York: the next check-in is Saturday 09:00 there.
		assertThat(checkIns.nextCheckIn(dana.id())).contains(Instant.parse("2030-03-09T14:00:00Z"));

		ResponseEntity<String> changed = patch("edie", dana, Map.of("name", "Dana O.", "timeZone", "Europe/Madrid",
				"checkInTime", "10:30", "quietHours", Map.of("start", "22:00", "end", "07:30")));

		assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode body = json.readTree(changed.getBody());
		assertThat(body.get("name").asString()).isEqualTo("Dana O.");
		assertThat(body.get("checkInTime").asString()).isEqualTo("10:30");
		// Saturday 10:30 in Madrid (CET), both in the schedule and in Quartz's slot trigger.
		assertThat(checkIns.nextCheckIn(dana.id())).contains(Instant.parse("2030-03-09T09:30:00Z"));
		assertThat(checkIns.nextSlotFire(dana.id())).contains(Instant.parse("2030-03-09T09:30:00Z"));
		ParticipantProfile now = participants.find(dana.id()).orElseThrow();
		assertThat(now.zone().getId()).isEqualTo("Europe/Madrid");
		assertThat(now.quietHours().start().toString()).isEqualTo("22:00");
		assertThat(escalation.audit(dana.id())).anySatisfy(entry -> {
			assertThat(entry.kind()).isEqualTo(AuditKind.PROFILE_CHANGED);
			assertThat(entry.subject()).isEqualTo("coach:edie");
			assertThat(entry.reason()).isEqualTo("changed checkInTime, name, quietHours, timeZone");
		});
	}

	@Test
	void aCheckInTimeInQuietHoursIsRefusedNamingTheFieldAndNothingChanges() {
		TestCoaches.ensure(mongo, encoder, "edie", "edie-pass-1");
		ParticipantProfile eli = participants.enrol(
				new EnrolParticipant("Eli Novak", "+12025550812", "America/New_York", "09:00", "en"), "edie");

		ResponseEntity<String> refused = patch("edie", eli, Map.of("name", "Elias", "checkInTime", "22:30"));

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
		JsonNode errors = json.readTree(refused.getBody()).get("errors");
		assertThat(errors).hasSize(1);
		assertThat(errors.get(0).get("field").asString()).isEqualTo("checkInTime");
		assertThat(errors.get(0).get("message").asString()).contains("22:30 falls in quiet hours 21:00\u201308:00");
		ParticipantProfile unchanged = participants.find(eli.id()).orElseThrow();
		assertThat(unchanged.name()).isEqualTo("Eli Novak");
		assertThat(unchanged.checkInTime().toString()).isEqualTo("09:00");
		assertThat(checkIns.nextCheckIn(eli.id())).contains(Instant.parse("2030-03-09T14:00:00Z"));

		assertThat(fields(patch("edie", eli, Map.of("timeZone", "Mars/Olympus", "language", "tlh"))))
			.containsExactly("timeZone", "language");
		assertThat(fields(patch("edie", eli, Map.of("quietHours", Map.of("start", "08:00", "end", "12:00")))))
			.containsExactly("quietHours");
		assertThat(fields(patch("edie", eli, Map.of("phone", "not a phone")))).containsExactly("phone");
		assertThat(participants.find(eli.id()).orElseThrow()).isEqualTo(unchanged);
	}

	@Test
	void onlyASupervisorMovesAParticipantOrACaseloadAndTheAuditSaysWho() {
		TestCoaches.ensure(mongo, encoder, "gus", "gus-pass-1");
		TestCoaches.ensure(mongo, encoder, "hana", "hana-pass-1");
		ParticipantProfile ivy = participants.enrol(
				new EnrolParticipant("Ivy Chen", "+12025550813", "America/New_York", "09:00", "en"), "gus");
		ParticipantProfile jo = participants.enrol(
				new EnrolParticipant("Jo Park", "+12025550814", "America/New_York", "09:00", "en"), "gus");

		ResponseEntity<String> byCoach = http.withBasicAuth("gus", "gus-pass-1")
			.exchange("/api/participants/" + ivy.id().value() + "/coach", HttpMethod.PUT,
					new HttpEntity<>(Map.of("coach", "hana")), String.class);
		assertThat(byCoach.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(participants.find(ivy.id()).orElseThrow().coach()).isEqualTo("gus");

		TestRestTemplate supervisor = http.withBasicAuth("coach", "sim-pass-2030");
		ResponseEntity<String> noSuchCoach = supervisor.exchange("/api/participants/" + ivy.id().value() + "/coach",
				HttpMethod.PUT, new HttpEntity<>(Map.of("coach", "nobody")), String.class);
		assertThat(fields(noSuchCoach)).containsExactly("coach");

		ResponseEntity<String> moved = supervisor.exchange("/api/participants/" + ivy.id().value() + "/coach",
				HttpMethod.PUT, new HttpEntity<>(Map.of("coach", "hana")), String.class);
		assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(participants.caseload("hana")).extracting(ParticipantProfile::id).containsExactly(ivy.id());
		assertThat(escalation.audit(ivy.id())).extracting(AuditView::kind, AuditView::subject, AuditView::reason)
			.contains(org.assertj.core.groups.Tuple.tuple(AuditKind.REASSIGNED, "coach:coach", "from coach gus to coach hana"));

		// Gus is away: Hana covers his whole caseload, then it goes back.
		ResponseEntity<String> cover = supervisor.postForEntity("/api/caseload-moves", Map.of("from", "gus", "to", "hana"),
				String.class);
		assertThat(cover.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(json.readTree(cover.getBody()).get("moved")).hasSize(1);
		assertThat(participants.caseload("gus")).isEmpty();
		assertThat(participants.caseload("hana")).hasSize(2);
		ResponseEntity<String> back = supervisor.postForEntity("/api/caseload-moves", Map.of("from", "hana", "to", "gus"),
				String.class);
		assertThat(json.readTree(back.getBody()).get("moved")).hasSize(2);
		assertThat(participants.caseload("gus")).extracting(ParticipantProfile::id).containsExactlyInAnyOrder(ivy.id(), jo.id());
		assertThat(http.withBasicAuth("gus", "gus-pass-1")
			.postForEntity("/api/caseload-moves", Map.of("from", "gus", "to", "hana"), String.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(participants.caseload("gus")).hasSize(2);
	}

	private ResponseEntity<String> patch(String coach, ParticipantProfile participant, Map<String, Object> body) {
		return http.withBasicAuth(coach, coach + "-pass-1")
			.exchange("/api/participants/" + participant.id().value(), HttpMethod.PATCH, new HttpEntity<>(body),
					String.class);
	}

	private List<String> fields(ResponseEntity<String> response) {
		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
		return json.readTree(response.getBody()).get("errors").valueStream().map(e -> e.get("field").asString()).toList();
	}
}
