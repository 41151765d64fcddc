package org.reconnect.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;
import org.reconnect.DueWorkTestBase;
import org.reconnect.messaging.Messenger;
import org.reconnect.messaging.OutboundMessage;
import org.reconnect.messaging.Purpose;
import org.reconnect.messaging.SendResult;
import org.reconnect.messaging.SentMessage;
import org.reconnect.scheduling.MinuteTriggers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * Reminders through the whole app on the simulator channel: the REST API and its problem details,
 * the engine's claims with the clock moved by hand (Quartz is not started; the tests run what its
 * trigger runs), downtime and quiet hours, NEXT and replies by text, and the calendar feed; and
 * the batches in which due reminders are claimed and handed over (check-ins:
 * {@code CheckInHandOffIntegrationTests}).
 */
class ReminderIntegrationTests extends DueWorkTestBase {

	@Autowired
	ReminderEngine engine;

	@BeforeEach
	void reset() {
		clock.set(START);
		mongo.remove(new Query(), Reminder.class);
	}

	@Test
	void aCoachCreatesPreviewsChangesAndDeletesAReminder() throws Exception {
		String id = enrol("Sam Rivera", "+12025550301", "America/New_York", "en");
		ResponseEntity<JsonNode> created = coach().postForEntity(reminders(id), Map.of("title", "Group meeting", "place",
				"Community Center", "start", "2030-03-05T19:00", "rule", "FREQ=WEEKLY;BYDAY=TU,TH", "leads",
				List.of(Map.of("daysBefore", 1, "at", "18:00"), Map.of("before", "PT1H"))), JsonNode.class);

		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		JsonNode reminder = created.getBody();
		String rid = reminder.get("id").asText();
		assertThat(created.getHeaders().getLocation().toString()).isEqualTo(reminders(id) + "/" + rid);
		assertThat(reminder.get("description").asText()).isEqualTo("Every Tue and Thu at 7:00 PM");
		assertThat(reminder.get("timeZone").asText()).as("the participant's zone by default").isEqualTo("America/New_York");
		// Monday 18:00 EST, the day before Tuesday's meeting.
		assertThat(reminder.get("nextReminderAt").asText()).isEqualTo("2030-03-04T23:00:00Z");
		assertThat(reminder.at("/leads/1/before").asText()).isEqualTo("PT1H");
		assertThat(scheduler.getTrigger(minute("2030-03-04T23:00:00Z")))
			.as("the trigger for the minute of the next send").isNotNull();

		JsonNode preview = coach().getForObject(reminders(id) + "/" + rid + "/occurrences?count=4", JsonNode.class);
		assertThat(preview.findValuesAsString("local")).containsExactly("2030-03-05T19:00", "2030-03-07T19:00",
				"2030-03-12T19:00", "2030-03-14T19:00");
		assertThat(preview.get(2).get("at").asText()).as("after the change to EDT").isEqualTo("2030-03-12T23:00:00Z");
		assertThat(preview.get(0).get("words").asText()).isEqualTo("Tue, Mar 5, 2030 at 7:00 PM");
		org.springframework.http.HttpHeaders spanish = new org.springframework.http.HttpHeaders();
		spanish.set(org.springframework.http.HttpHeaders.ACCEPT_LANGUAGE, "es-MX,es;q=0.9");
		JsonNode inSpanish = coach().exchange(reminders(id) + "/" + rid, HttpMethod.GET,
				new org.springframework.http.HttpEntity<>(spanish), JsonNode.class).getBody();
		assertThat(inSpanish.get("description").asText()).as("a coach whose browser asks for Spanish")
			.isEqualTo("Cada martes y jueves a las 19:00");

		coach().postForEntity(reminders(id) + "/" + rid + "/exceptions", Map.of("occurrence", "2030-03-07T19:00"),
				JsonNode.class);
		JsonNode moved = coach().postForEntity(reminders(id) + "/" + rid + "/exceptions",
				Map.of("occurrence", "2030-03-12T19:00", "moveTo", "2030-03-13T18:00"), JsonNode.class).getBody();
		assertThat(moved.get("skipped").get(0).asText()).isEqualTo("2030-03-07T19:00");
		preview = coach().getForObject(reminders(id) + "/" + rid + "/occurrences?count=3", JsonNode.class);
		assertThat(preview.findValuesAsString("local")).containsExactly("2030-03-05T19:00", "2030-03-13T18:00",
				"2030-03-14T19:00");

		ResponseEntity<JsonNode> changed = coach().exchange(reminders(id) + "/" + rid, HttpMethod.PUT,
				new HttpEntity<>(Map.of("title", "Group meeting", "start", "2030-03-04T08:30", "rule",
						"FREQ=MONTHLY;BYDAY=1MO", "leads", List.of(Map.of("before", "PT30M")))),
				JsonNode.class);
		assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(changed.getBody().get("description").asText()).isEqualTo("First Mon of the month at 8:30 AM");
		assertThat(changed.getBody().get("nextReminderAt").asText()).as("08:00 EST today").isEqualTo("2030-03-04T13:00:00Z");
		assertThat(scheduler.getTrigger(minute("2030-03-04T23:00:00Z")))
			.as("the old minute's trigger, needed by no reminder, is gone").isNull();

		assertThat(coach().getForObject(reminders(id), JsonNode.class).findValuesAsString("id")).containsExactly(rid);
		assertThat(coach().exchange(reminders(id) + "/" + rid, HttpMethod.DELETE, null, Void.class).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(coach().getForEntity(reminders(id) + "/" + rid, JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(scheduler.getTrigger(minute("2030-03-04T13:00:00Z"))).isNull();
	}

	@Test
	void anInvalidRuleZoneOrTimeGetsAProblemNamingTheField() throws Exception {
		String id = enrol("Lee Chan", "+12025550302", "America/New_York", "en");
		ResponseEntity<JsonNode> bad = coach().postForEntity(reminders(id), Map.of("title", "Therapy", "timeZone",
				"Mars/Olympus", "start", "next tuesday", "rule", "EVERY TUESDAY", "leads", List.of(Map.of("before", "1h"))),
				JsonNode.class);

		assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(bad.getHeaders().getContentType().toString()).startsWith("application/problem+json");
		assertThat(bad.getBody().get("errors").findValuesAsString("field")).containsExactly("timeZone", "start", "rule",
				"leads[0]");
		assertThat(bad.getBody().get("errors").findValuesAsString("message"))
			.anySatisfy(m -> assertThat(m).contains("FREQ=WEEKLY;BYDAY=TU,TH"))
			.anySatisfy(m -> assertThat(m).contains("yyyy-MM-ddTHH:mm"));

		ResponseEntity<JsonNode> past = coach().postForEntity(reminders(id),
				Map.of("title", "Therapy", "start", "2020-01-01T10:00"), JsonNode.class);
		assertThat(past.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(past.getBody().get("errors").findValuesAsString("field")).containsExactly("start");
		ResponseEntity<JsonNode> hourly = coach().postForEntity(reminders(id),
				Map.of("title", "Therapy", "start", "2030-03-05T10:00", "rule", "FREQ=HOURLY"), JsonNode.class);
		assertThat(hourly.getBody().get("errors").findValuesAsString("field")).containsExactly("rule");
		ResponseEntity<JsonNode> quiet = coach().exchange("/api/participants/" + id + "/quiet-hours", HttpMethod.PUT,
				new HttpEntity<>(Map.of("start", "10pm", "end", "07:00")), JsonNode.class);
		assertThat(quiet.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(quiet.getBody().get("errors").findValuesAsString("field")).containsExactly("start");
		assertThat(coach().getForObject(reminders(id), JsonNode.class)).isEmpty();
		assertThat(http.getForEntity(reminders(id), String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void aReminderGoesOnceAtItsTimeInTheParticipantsLanguage() throws Exception {
		String phone = "+12025550303";
		String id = enrol("Ana Ruiz", phone, "America/New_York", "es");
		String rid = create(id, Map.of("title", "Terapia", "place", "Clínica Norte", "start", "2030-03-05T10:00", "leads",
				List.of(Map.of("before", "PT1H"))));

		clock.set(Instant.parse("2030-03-05T14:00:00Z")); // 09:00 EST
		assertThat(engine.fireDue()).isEqualTo(1);
		assertThat(engine.fireDue()).as("claimed once").isZero();

		assertThat(sentTo(phone)).containsExactly("Hola Ana, un recordatorio: Terapia hoy a las 10:00 en Clínica Norte.");
		assertThat(lastTo(phone)).as("the reminder-reply flow asks").isEqualTo("¿Podrás ir? Responde VOY, NO PUEDO o APOYO.");
		JsonNode reminder = coach().getForObject(reminders(id) + "/" + rid, JsonNode.class);
		assertThat(reminder.get("deliveries").findValuesAsString("outcome")).containsExactly("SENT");
		assertThat(reminder.get("nextReminderAt").isNull()).as("a one-off has nothing more to send").isTrue();
		JsonNode delivery = reminder.get("deliveries").get(0);
		assertThat(delivery.get("before").asText()).as("the lead as it is sent").isEqualTo("PT1H");
		assertThat(delivery.get("lead").asText()).isEqualTo("1 hour before");
		org.springframework.http.HttpHeaders spanish = new org.springframework.http.HttpHeaders();
		spanish.set(org.springframework.http.HttpHeaders.ACCEPT_LANGUAGE, "es");
		assertThat(coach().exchange(reminders(id) + "/" + rid, HttpMethod.GET, new HttpEntity<>(spanish), JsonNode.class)
			.getBody()
			.get("deliveries")
			.get(0)
			.get("lead")
			.asText()).as("in the coach's language").isEqualTo("1 hora antes");
	}

	@Test
	void aReminderReadAfterAnotherThreadClaimedItIsLeftAlone() {
		String phone = "+12025550310";
		String id = enrol("Eli Shaw", phone, "America/New_York", "en");
		String rid = create(id, Map.of("title", "Group meeting", "start", "2030-03-05T19:00", "rule", "FREQ=WEEKLY;BYDAY=TU",
				"leads", List.of(Map.of("before", "PT1H"))));
		clock.set(Instant.parse("2030-03-05T23:00:00Z"));
		assertThat(engine.fireDue()).isEqualTo(1);

		// A cursor that matched the reminder before that claim hands it back as it is now: due next week.
		Reminder asNow = mongo.findById(rid, Reminder.class);
		assertThat(engine.handle(asNow, clock.instant(), new java.util.HashSet<>())).isFalse();
		assertThat(sentTo(phone)).hasSize(1);
		assertThat(mongo.findById(rid, Reminder.class).nextSendAt).isEqualTo(Instant.parse("2030-03-12T22:00:00Z"));
	}

	@Test
	void afterSixHoursDownOnlyTheLatestUsefulReminderGoesAndAStartedMeetingIsSkipped() throws Exception {
		String phone = "+12025550304";
		String id = enrol("Jo Park", phone, "America/New_York", "en");
		// At 12:00 on Tuesday, with reminders at 09:00, 11:00 and 11:30.
		String rid = create(id, Map.of("title", "Doctor", "start", "2030-03-05T12:00", "leads", List.of(
				Map.of("before", "PT3H"), Map.of("before", "PT1H"), Map.of("before", "PT30M"))));
		String later = create(id, Map.of("title", "Sponsor call", "start", "2030-03-05T09:00", "leads",
				List.of(Map.of("before", "PT1H"))));

		// The service was down for six hours, from 05:45 to 11:45 EST: back at 16:45 UTC.
		clock.set(Instant.parse("2030-03-05T16:45:00Z"));
		engine.fireDue();

		assertThat(sentTo(phone)).as("one message, not a burst").containsExactly(
				"Hi Jo, a reminder: Doctor today at 12:00 PM.");
		assertThat(coach().getForObject(reminders(id) + "/" + rid, JsonNode.class).get("deliveries")
			.findValuesAsString("outcome")).containsExactly("SKIPPED_SUPERSEDED", "SKIPPED_SUPERSEDED", "SENT_LATE");
		assertThat(coach().getForObject(reminders(id) + "/" + later, JsonNode.class).get("deliveries")
			.findValuesAsString("outcome")).as("its meeting started at 09:00").containsExactly("SKIPPED_TOO_LATE");
	}

	@Test
	void quietHoursHoldAReminderUntilMorningWhenStillUsefulElseSkipIt() throws Exception {
		String phone = "+12025550305";
		String id = enrol("Kim Ng", phone, "America/New_York", "en");
		// Default quiet hours 21:00-08:00. The day before at 22:00 for a 10:00 meeting: held until 08:00.
		String rid = create(id, Map.of("title", "Counselling", "start", "2030-03-05T10:00", "leads",
				List.of(Map.of("daysBefore", 1, "at", "22:00"))));
		clock.set(Instant.parse("2030-03-05T03:00:00Z")); // Monday 22:00 EST
		engine.fireDue();
		assertThat(sentTo(phone)).isEmpty();
		JsonNode held = coach().getForObject(reminders(id) + "/" + rid, JsonNode.class);
		assertThat(held.get("deliveries").findValuesAsString("outcome")).containsExactly("DEFERRED_QUIET_HOURS");
		assertThat(held.at("/deliveries/0/daysBefore").asInt()).isEqualTo(1);
		assertThat(held.at("/deliveries/0/at").asText()).isEqualTo("22:00");
		assertThat(held.at("/deliveries/0/lead").asText()).matches("the day before at 10:00\\hPM");
		assertThat(held.get("nextReminderAt").asText()).as("08:00 EST").isEqualTo("2030-03-05T13:00:00Z");
		assertThat(scheduler.getTrigger(minute("2030-03-05T13:00:00Z"))).isNotNull();

		clock.set(Instant.parse("2030-03-05T13:00:00Z"));
		engine.fireDue();
		assertThat(sentTo(phone)).containsExactly(
				"Hi Kim, a reminder: Counselling today at 10:00 AM.");
		assertThat(coach().getForObject(reminders(id) + "/" + rid, JsonNode.class).get("deliveries")
			.findValuesAsString("outcome")).containsExactly("DEFERRED_QUIET_HOURS", "SENT_AFTER_QUIET_HOURS");

		// Quiet hours set to 22:00-09:00: a 07:00 reminder for an 08:30 meeting would be useless at 09:00.
		assertThat(coach().exchange("/api/participants/" + id + "/quiet-hours", HttpMethod.PUT,
				new HttpEntity<>(Map.of("start", "22:00", "end", "09:00")), JsonNode.class).getBody().at("/quietHours/end")
			.asText()).isEqualTo("09:00");
		String early = create(id, Map.of("title", "Blood test", "start", "2030-03-06T08:30", "leads",
				List.of(Map.of("before", "PT90M"))));
		clock.set(Instant.parse("2030-03-06T12:00:00Z")); // Wednesday 07:00 EST
		engine.fireDue();
		assertThat(sentTo(phone)).hasSize(1);
		assertThat(coach().getForObject(reminders(id) + "/" + early, JsonNode.class).get("deliveries")
			.findValuesAsString("outcome")).containsExactly("SKIPPED_QUIET_HOURS");
	}

	@Test
	void eachReminderSaysWhatItDoesInQuietHoursAndTheEngineDoesIt() throws Exception {
		String phone = "+12025550318";
		String id = enrol("Dee Moss", phone, "America/New_York", "en");
		// An early shift at 07:00: the text an hour before falls in quiet hours (21:00-08:00).
		ResponseEntity<JsonNode> created = coach().postForEntity(reminders(id), Map.of("title", "Early shift",
				"start", "2030-03-06T07:00", "leads", List.of(Map.of("before", "PT1H")), "inQuietHours", "send_anyway"),
				JsonNode.class);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String anyway = created.getBody().get("id").asText();
		assertThat(created.getBody().get("inQuietHours").asText()).isEqualTo("SEND_ANYWAY");
		JsonNode next = coach().getForObject(reminders(id) + "/" + anyway + "/occurrences?count=1", JsonNode.class);
		assertThat(next.at("/0/quietHours/0/outcome").asText()).isEqualTo("SENT_IN_QUIET_HOURS");
		assertThat(next.at("/0/quietHours/0/goesAt").asText()).isEqualTo("2030-03-06T11:00:00Z");
		assertThat(next.at("/0/quietHours/0/words").asText())
			.isEqualTo("The text at Wed 6:00 AM falls in their quiet hours: it goes anyway, as set.");

		// The same appointment left to wait, and one to skip: the preview says what becomes of each.
		String waiting = create(id, Map.of("title", "Blood test", "start", "2030-03-06T07:00", "leads",
				List.of(Map.of("before", "PT1H"))));
		assertThat(coach().getForObject(reminders(id) + "/" + waiting, JsonNode.class).get("inQuietHours").asText())
			.as("the default").isEqualTo("WAIT");
		assertThat(coach().getForObject(reminders(id) + "/" + waiting + "/occurrences?count=1", JsonNode.class)
			.at("/0/quietHours/0/words").asText()).isEqualTo("The text at Wed 6:00 AM falls in their quiet hours: it is "
					+ "left out, as the meeting will have begun by 8:00 AM, when they end.");
		String skipped = create(id, Map.of("title", "Group meeting", "start", "2030-03-06T19:00", "leads",
				List.of(Map.of("daysBefore", 1, "at", "22:00"))));
		ResponseEntity<JsonNode> changed = coach().exchange(reminders(id) + "/" + skipped, HttpMethod.PUT,
				new HttpEntity<>(Map.of("title", "Group meeting", "start", "2030-03-06T19:00", "leads",
						List.of(Map.of("daysBefore", 1, "at", "22:00")), "inQuietHours", "SKIP")),
				JsonNode.class);
		assertThat(changed.getBody().get("inQuietHours").asText()).isEqualTo("SKIP");

		// A choice that is not one: a problem naming the field and the choices; nothing stored.
		ResponseEntity<JsonNode> bad = coach().postForEntity(reminders(id), Map.of("title", "Therapy", "start",
				"2030-03-06T10:00", "inQuietHours", "LATER"), JsonNode.class);
		assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(bad.getBody().get("errors").findValuesAsString("field")).containsExactly("inQuietHours");
		assertThat(bad.getBody().at("/errors/0/message").asText()).startsWith("'LATER' is not a choice: send WAIT")
			.contains("SKIP", "SEND_ANYWAY");
		assertThat(coach().getForObject(reminders(id), JsonNode.class)).hasSize(3);

		clock.set(Instant.parse("2030-03-06T03:00:00Z")); // Tuesday 22:00 EST: the group meeting's text
		engine.fireDue();
		assertThat(outcomes(skipped)).containsExactly(Reminder.Outcome.SKIPPED_QUIET_HOURS);
		clock.set(Instant.parse("2030-03-06T11:00:00Z")); // Wednesday 06:00 EST
		engine.fireDue();
		assertThat(outcomes(anyway)).containsExactly(Reminder.Outcome.SENT_IN_QUIET_HOURS);
		assertThat(outcomes(waiting)).containsExactly(Reminder.Outcome.SKIPPED_QUIET_HOURS);
		// It goes now, not held by the outbox until 08:00; alone, with its keywords, as the reply
		// flow's question would wait for the morning.
		// (what was written since then: the welcome from Monday's enrolment waits for the morning too)
		List<Document> written = mongo.find(Query.query(Criteria.where("to").is(phone).and("createdAt")
			.gte(java.util.Date.from(clock.instant()))), Document.class, "messages");
		assertThat(written).extracting(m -> m.getString("body"), m -> m.getString("status"))
			.containsExactly(org.assertj.core.groups.Tuple.tuple(
					"Hi Dee, a reminder: Early shift today at 7:00 AM. Reply GOING, CANT or SUPPORT.", "SENT"));
		assertThat(text(phone, "GOING")).as("the answer is still the reminder's").isEqualTo(
				"Great, thanks for letting us know.");
		assertThat(mongo.findById(anyway, Reminder.class).replies).extracting(Reminder.Reply::answer)
			.containsExactly(Reminder.Answer.GOING);

		// A reminder stored before the choice existed waits, as every reminder did.
		mongo.updateFirst(Query.query(Criteria.where("_id").is(waiting)), new Update().unset("inQuietHours"),
				Reminder.class);
		assertThat(coach().getForObject(reminders(id) + "/" + waiting, JsonNode.class).get("inQuietHours").asText())
			.isEqualTo("WAIT");
		JsonNode docs = http.getForObject("/v3/api-docs", JsonNode.class);
		JsonNode field = docs.at("/components/schemas/ReminderRequest/properties/inQuietHours");
		assertThat(field.get("enum").valueStream().map(JsonNode::asText).toList()).containsExactly("WAIT", "SKIP",
				"SEND_ANYWAY");
		assertThat(field.get("example").asText()).isEqualTo("SEND_ANYWAY");
		assertThat(field.get("description").asText()).contains("SEND_ANYWAY");
	}

	@Test
	void nextListsTheNextThreeMeetingsAndAnswersAreRecordedForTheCoach() throws Exception {
		String phone = "+12025550306";
		String id = enrol("Rae Cole", phone, "America/New_York", "en");
		create(id, Map.of("title", "Group meeting", "place", "Room 4", "start", "2030-03-05T19:00", "rule",
				"FREQ=WEEKLY;BYDAY=TU,TH", "leads", List.of(Map.of("before", "PT1H"))));
		String therapy = create(id, Map.of("title", "Therapy", "start", "2030-03-06T10:00", "leads",
				List.of(Map.of("before", "PT1H"))));

		assertThat(text(phone, "  next ")).isEqualTo("""
				Your next meetings:
				1. Group meeting, Tue, Mar 5, 7:00 PM, Room 4
				2. Therapy, Wed, Mar 6, 10:00 AM
				3. Group meeting, Thu, Mar 7, 7:00 PM, Room 4""");

		// Before any reminder went, GOING is not an answer to one: the conversation handler replies.
		assertThat(text(phone, "GOING")).startsWith("Thanks for writing, Rae.");
		clock.set(Instant.parse("2030-03-06T14:00:00Z"));
		engine.fireDue();
		assertThat(sentTo(phone)).containsExactly("Hi Rae, a reminder: Therapy today at 10:00 AM.");
		assertThat(lastTo(phone)).isEqualTo("Will you make it? Reply GOING, CAN'T or SUPPORT.");
		assertThat(text(phone, "Can't make it!")).as("the reminder-reply flow answers")
			.isEqualTo("Thanks for letting me know. Is there a call or text you could make instead today?");

		JsonNode replies = coach().getForObject("/api/participants/" + id + "/reminder-replies", JsonNode.class);
		assertThat(replies.findValuesAsString("answer")).containsExactly("CANT_MAKE_IT");
		assertThat(replies.get(0).get("reminderId").asText()).isEqualTo(therapy);
		assertThat(replies.get(0).get("meetingAt").asText()).isEqualTo("2030-03-06T15:00:00Z");
	}

	@Test
	void aReminderAndItsQuestionGoTogetherEvenWhenTheDaysCheckInsAreUsedUp() throws Exception {
		String phone = "+12025550312";
		String id = enrol("Lee Park", phone, "America/New_York", "en");
		create(id, Map.of("title", "Group meeting", "start", "2030-03-04T19:00", "leads", List.of(Map.of("before", "PT1H"))));
		clock.set(Instant.parse("2030-03-04T23:00:00Z")); // 18:00 EST
		for (int i = 1; i <= 3; i++) { // the day's cap of three scheduled messages
			assertThat(messenger.send(new OutboundMessage(phone, "Check-in " + i, Purpose.CHECK_IN, "cap-" + i)).sent())
				.isTrue();
		}
		assertThat(engine.fireDue()).isEqualTo(1);

		List<SentMessage> newestFirst = messenger.recent(phone, 2);
		assertThat(newestFirst).extracting(SentMessage::body)
			.containsExactly("Will you make it? Reply GOING, CAN'T or SUPPORT.", "Hi Lee, a reminder: Group meeting today at 7:00 PM.");
		assertThat(newestFirst).as("the question goes as part of the reminder, not as a fourth check-in")
			.extracting(SentMessage::purpose).containsOnly(Purpose.REMINDER);
		assertThat(newestFirst).extracting(SentMessage::status).doesNotContain("DROPPED");
		assertThat(text(phone, "going")).isEqualTo("Great. Enjoy it, and say hi to someone new.");
		SendResult fourth = messenger.send(new OutboundMessage(phone, "Check-in 4", Purpose.CHECK_IN, "cap-4"));
		assertThat(fourth.outcome()).as("the cap still holds for check-ins").isEqualTo(SendResult.Outcome.DROPPED);
	}

	@Test
	void aReminderThatCannotGoLeavesNoReplyConversationWaitingForAnAnswer() throws Exception {
		String phone = "+12025550315";
		String id = enrol("Sam Reed", phone, "America/New_York", "en");
		create(id, Map.of("title", "Group meeting", "start", "2030-03-04T19:00", "leads", List.of(Map.of("before", "PT1H"))));
		assertThat(text(phone, "STOP")).startsWith("You won't get any more messages");
		clock.set(Instant.parse("2030-03-04T23:00:00Z")); // 18:00 EST

		assertThat(engine.fireDue()).isEqualTo(1);

		assertThat(messenger.recent(phone, 1).get(0).purpose()).as("nothing after the opt-out confirmation")
			.isEqualTo(Purpose.OPT_OUT_CONFIRMATION);
		assertThat(conversations.open(new org.reconnect.participants.ParticipantId(id)))
			.as("no reply conversation waits on a question that never went").isEmpty();
	}

	@Test
	void whileACheckInIsOpenAReplyToAReminderIsTakenByKeyword() throws Exception {
		String phone = "+12025550309";
		String id = enrol("Max Roy", phone, "America/New_York", "en");
		create(id, Map.of("title", "Sponsor call", "start", "2030-03-04T10:00", "leads", List.of(Map.of("before", "PT1H"))));
		assertThat(coach().postForEntity("/api/participants/" + id + "/check-ins", null, JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.CREATED);
		clock.set(Instant.parse("2030-03-04T14:00:00Z")); // 09:00 EST
		engine.fireDue();
		assertThat(sentTo(phone)).containsExactly("Hi Max, a reminder: Sponsor call today at 10:00 AM.");

		// The reply flow waits for the open check-in, so the keyword is answered here, not taken as a check-in answer.
		assertThat(text(phone, "support")).isEqualTo("Thank you for telling us. Your coach will reach out soon.");
		assertThat(coach().getForObject("/api/participants/" + id + "/reminder-replies", JsonNode.class)
			.findValuesAsString("answer")).containsExactly("NEED_SUPPORT");
	}

	@Test
	void theCalendarFeedNeedsOnlyItsTokenAndCanBeRevoked() throws Exception {
		String id = enrol("Pat Moreno", "+12025550307", "America/New_York", "en");
		create(id, Map.of("title", "Group meeting", "place", "Room 4", "start", "2030-03-05T19:00", "rule",
				"FREQ=WEEKLY;BYDAY=TU;COUNT=3"));
		String url = coach().postForEntity("/api/participants/" + id + "/calendar-feed", null, JsonNode.class)
			.getBody().get("url").asText();
		String path = url.substring(url.indexOf("/calendar/"));
		assertThat(path).matches("/calendar/[A-Za-z0-9_-]{43}\\.ics");

		ResponseEntity<String> feed = http.getForEntity(path, String.class);
		assertThat(feed.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(feed.getHeaders().getContentType().toString()).startsWith("text/calendar");
		Calendar calendar = new CalendarBuilder().build(new StringReader(feed.getBody()));
		List<VEvent> events = calendar.getComponents("VEVENT");
		assertThat(events).hasSize(3);
		assertThat(feed.getBody()).contains("SUMMARY:Group meeting").contains("LOCATION:Room 4")
			.contains("DTSTART:20300306T000000Z").contains("DTSTART:20300312T230000Z");

		String again = coach().postForEntity("/api/participants/" + id + "/calendar-feed", null, JsonNode.class)
			.getBody().get("url").asText();
		assertThat(again).isNotEqualTo(url);
		assertThat(http.getForEntity(path, String.class).getStatusCode()).as("a new URL revokes the old")
			.isEqualTo(HttpStatus.NOT_FOUND);
		coach().delete("/api/participants/" + id + "/calendar-feed");
		assertThat(http.getForEntity(again.substring(again.indexOf("/calendar/")), String.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void erasingAParticipantRemovesTheirRemindersTriggersAndFeed() throws Exception {
		String id = enrol("Noa Lind", "+12025550311", "America/New_York", "en");
		String rid = create(id, Map.of("title", "Therapy", "start", "2030-03-07T10:00", "leads", List.of(Map.of("before", "PT1H"))));
		String url = coach().postForEntity("/api/participants/" + id + "/calendar-feed", null, JsonNode.class)
			.getBody().get("url").asText();
		TriggerKey trigger = minute("2030-03-07T14:00:00Z");
		assertThat(scheduler.getTrigger(trigger)).isNotNull();

		coach().delete("/api/participants/" + id);

		assertThat(mongo.findById(rid, Reminder.class)).isNull();
		assertThat(scheduler.getTrigger(trigger)).isNull();
		assertThat(http.getForEntity(url.substring(url.indexOf("/calendar/")), String.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void theReconcilerRepairsMissingAndStrayTriggersAndSaysSo() throws Exception {
		String id = enrol("Dana Fox", "+12025550308", "America/New_York", "en");
		create(id, Map.of("title", "Group meeting", "start", "2030-03-05T19:00", "leads", List.of(Map.of("before", "PT1H"))));
		TriggerKey needed = minute("2030-03-05T23:00:00Z");
		TriggerKey stray = minute("2030-03-09T10:00:00Z");
		scheduler.unscheduleJob(needed);
		engine.reconcile(null, Instant.parse("2030-03-09T10:00:00Z")); // a stray: no reminder is due then

		ReminderEngine.Repairs repairs = engine.reconcile();

		assertThat(repairs.reminders()).isEqualTo(1);
		assertThat(repairs.triggersCreated()).isEqualTo(1);
		assertThat(repairs.triggersRemoved()).as("the stray, and any left by earlier tests").isPositive();
		assertThat(scheduler.getTrigger(stray)).isNull();
		assertThat(scheduler.getTrigger(needed).getNextFireTime().toInstant()).isEqualTo(Instant.parse("2030-03-05T23:00:00Z"));
		assertThat(engine.reconcile()).isEqualTo(new ReminderEngine.Repairs(1, 0, 0));
	}

	// --- helpers ---

	/** The Quartz trigger of the minute {@code at}. */
	private static TriggerKey minute(String at) {
		return TriggerKey.triggerKey(at, MinuteTriggers.GROUP);
	}

	@Test
	void twoFiresRacingOverOneBatchHandEachReminderOverOnce() throws Exception {
		List<String> phones = List.of("+12025550321", "+12025550322", "+12025550323", "+12025550324", "+12025550325");
		List<String> rids = new ArrayList<>();
		for (String phone : phones) {
			String id = enrol("Batch " + phone.substring(9), phone, "America/New_York", "en");
			rids.add(create(id, Map.of("title", "Group meeting", "start", "2030-03-05T10:00", "leads",
					List.of(Map.of("before", "PT1H")))));
		}
		clock.set(Instant.parse("2030-03-05T14:00:00Z")); // 09:00 EST

		// Two nodes read the same due reminders, then each claims and sends them as one batch at once.
		Query batch = Query.query(Criteria.where("_id").in(rids));
		CyclicBarrier together = new CyclicBarrier(2);
		ExecutorService nodes = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> decided = nodes.invokeAll(List.of(() -> fireOnce(batch, together),
					() -> fireOnce(batch, together)));
			assertThat(decided.get(0).get() + decided.get(1).get()).isEqualTo(phones.size());
		}
		finally {
			nodes.shutdown();
		}
		for (String phone : phones) {
			assertThat(sentTo(phone)).as(phone).containsExactly("Hi Batch, a reminder: Group meeting today at 10:00 AM.");
		}
		for (String rid : rids) {
			assertThat(mongo.findById(rid, Reminder.class).deliveries).extracting(Reminder.Delivery::outcome)
				.containsExactly(Reminder.Outcome.SENT);
		}
		assertThat(engine.fireDue()).as("nothing left to claim").isZero();
	}

	private int fireOnce(Query batch, CyclicBarrier together) throws Exception {
		List<Reminder> read = mongo.find(batch, Reminder.class);
		together.await();
		return engine.handle(read, clock.instant(), ConcurrentHashMap.newKeySet(), ConcurrentHashMap.newKeySet());
	}

	@Test
	void inOneBatchAPausedParticipantAndOneInQuietHoursGetTheirOutcomesWhileTheOtherIsSent() throws Exception {
		String sent = enrol("Ada Lane", "+12025550331", "America/New_York", "en");
		String paused = enrol("Bo Lane", "+12025550332", "America/New_York", "en");
		String quiet = enrol("Cy Lane", "+12025550333", "America/New_York", "en");
		assertThat(coach().postForEntity("/api/participants/" + paused + "/pause", Map.of("until", "2030-04-01T00:00:00Z"),
				JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(coach().exchange("/api/participants/" + quiet + "/quiet-hours", HttpMethod.PUT,
				new HttpEntity<>(Map.of("start", "08:00", "end", "09:30")), JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		Map<String, String> rids = new java.util.HashMap<>();
		for (String id : List.of(sent, paused, quiet)) {
			rids.put(id, create(id, Map.of("title", "Clinic", "start", "2030-03-05T13:00", "leads",
					List.of(Map.of("before", "PT4H")))));
		}
		clock.set(Instant.parse("2030-03-05T14:00:00Z")); // 09:00 EST, all three due in one batch

		assertThat(engine.fireDue()).isEqualTo(3);

		assertThat(sentTo("+12025550331")).containsExactly("Hi Ada, a reminder: Clinic today at 1:00 PM.");
		assertThat(sentTo("+12025550332")).isEmpty();
		assertThat(sentTo("+12025550333")).isEmpty();
		assertThat(outcomes(rids.get(sent))).containsExactly(Reminder.Outcome.SENT);
		assertThat(outcomes(rids.get(paused))).containsExactly(Reminder.Outcome.NOT_SENT_INACTIVE);
		assertThat(outcomes(rids.get(quiet))).containsExactly(Reminder.Outcome.DEFERRED_QUIET_HOURS);
		assertThat(mongo.findById(rids.get(quiet), Reminder.class).nextSendAt).as("09:30 EST")
			.isEqualTo(Instant.parse("2030-03-05T14:30:00Z"));
	}

	@Test
	void aReminderThatCannotBeHandledStaysDueAndTheRestOfItsBatchGoes() throws Exception {
		String good = enrol("Dee Moss", "+12025550341", "America/New_York", "en");
		String bad = enrol("Eve Moss", "+12025550342", "America/New_York", "en");
		String goodRid = create(good, Map.of("title", "Therapy", "start", "2030-03-05T10:00", "leads",
				List.of(Map.of("before", "PT1H"))));
		String badRid = create(bad, Map.of("title", "Therapy", "start", "2030-03-05T10:00", "leads",
				List.of(Map.of("before", "PT1H"))));
		// A document no rule can be worked out for (its zone is unknown to this JVM).
		mongo.updateFirst(Query.query(Criteria.where("_id").is(badRid)), new Update().set("zone", "Mars/Olympus"),
				Reminder.class);
		clock.set(Instant.parse("2030-03-05T14:00:00Z"));

		assertThat(engine.fireDue()).isEqualTo(1);

		assertThat(sentTo("+12025550341")).containsExactly("Hi Dee, a reminder: Therapy today at 10:00 AM.");
		assertThat(outcomes(goodRid)).containsExactly(Reminder.Outcome.SENT);
		assertThat(sentTo("+12025550342")).isEmpty();
		Reminder stuck = mongo.findById(badRid, Reminder.class);
		assertThat(stuck.nextSendAt).as("still due").isEqualTo(Instant.parse("2030-03-05T14:00:00Z"));
		assertThat(stuck.deliveries).isEmpty();
	}

		/** Fires the due reminders on a "node" that stops right after its claim. */
	private void fireRemindersAndStop() {
		engine.afterClaim = () -> {
			throw new Stopped();
		};
		try {
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.fireDue()).isInstanceOf(Stopped.class);
		}
		finally {
			engine.afterClaim = () -> {
			};
		}
	}

	@Test
	void remindersClaimedByANodeThatStoppedAreSentOnceAfterTheLeaseAndTheirNextSendWaitsForThem() throws Exception {
		String phone = "+12025550391";
		String id = enrol("Lou Gray", phone, "America/New_York", "en");
		// Two sends two minutes apart: the second must not overtake the first.
		String rid = create(id, Map.of("title", "Therapy", "start", "2030-03-05T10:00", "leads",
				List.of(Map.of("before", "PT4M"), Map.of("before", "PT2M"))));
		clock.set(Instant.parse("2030-03-05T14:56:00Z")); // 09:56 EST
		fireRemindersAndStop();
		assertThat(sentTo(phone)).isEmpty();
		assertThat(mongo.findById(rid, Reminder.class).pending.outcome()).isEqualTo(Reminder.Outcome.SENT);

		clock.set(Instant.parse("2030-03-05T14:58:00Z"));
		assertThat(engine.fireDue()).as("the next send waits while one is pending").isZero();
		assertThat(engine.recover()).as("within the lease").isZero();
		clock.set(Instant.parse("2030-03-05T14:58:30Z"));
		dueWork.sweep();

		assertThat(sentTo(phone)).as("the pending send is superseded by the one due now, which goes")
			.containsExactly("Hi Lou, a reminder: Therapy today at 10:00 AM.");
		assertThat(outcomes(rid)).containsExactly(Reminder.Outcome.SKIPPED_SUPERSEDED, Reminder.Outcome.SENT);
		assertThat(mongo.findById(rid, Reminder.class).pending).isNull();
	}

	@Test
	void aPendingReminderIsSentLateOnceOrSkippedOnceItsMeetingStartedAndOneAlreadyInTheOutboxIsNotSentAgain()
			throws Exception {
		String late = enrol("Mo Gray", "+12025550392", "America/New_York", "en");
		String written = enrol("Nel Gray", "+12025550393", "America/New_York", "en");
		String started = enrol("Oz Gray", "+12025550394", "America/New_York", "en");
		String lateRid = create(late, Map.of("title", "Clinic", "start", "2030-03-05T11:00", "leads",
				List.of(Map.of("before", "PT2H"))));
		String writtenRid = create(written, Map.of("title", "Clinic", "start", "2030-03-05T11:00", "leads",
				List.of(Map.of("before", "PT2H"))));
		String startedRid = create(started, Map.of("title", "Call", "start", "2030-03-05T09:02", "leads",
				List.of(Map.of("before", "PT2M"))));
		clock.set(Instant.parse("2030-03-05T14:00:00Z")); // 09:00 EST: all three due
		fireRemindersAndStop();
		// The node had handed one of them to the outbox before it stopped.
		Reminder before = mongo.findById(writtenRid, Reminder.class);
		messenger.send(new org.reconnect.messaging.OutboundMessage("+12025550393", "Hi Nel, a reminder: Clinic today at 11:00 AM.",
				org.reconnect.messaging.Purpose.REMINDER,
				ReminderEngine.reference(before, before.pending.send(before.zoneId()))));

		clock.set(Instant.parse("2030-03-05T14:03:00Z"));
		assertThat(racing(engine::recover)).as("two sweeps, each pending send finished once").isEqualTo(3);

		assertThat(sentTo("+12025550392")).containsExactly("Hi Mo, a reminder: Clinic today at 11:00 AM.");
		assertThat(outcomes(lateRid)).containsExactly(Reminder.Outcome.SENT_LATE);
		assertThat(sentTo("+12025550393")).as("not sent twice").hasSize(1);
		assertThat(outcomes(writtenRid)).containsExactly(Reminder.Outcome.SENT);
		assertThat(sentTo("+12025550394")).isEmpty();
		assertThat(outcomes(startedRid)).containsExactly(Reminder.Outcome.SKIPPED_TOO_LATE);
		assertThat(engine.recover()).isZero();
	}

	private List<Reminder.Outcome> outcomes(String rid) {
		return mongo.findById(rid, Reminder.class).deliveries.stream().map(Reminder.Delivery::outcome).toList();
	}

	private static String reminders(String participant) {
		return "/api/participants/" + participant + "/reminders";
	}

	private String create(String participant, Map<String, Object> request) {
		ResponseEntity<JsonNode> response = coach().postForEntity(reminders(participant), request, JsonNode.class);
		assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
		return response.getBody().get("id").asText();
	}

	/** Texts as the phone would, through the simulator; returns the reply. */
	private String text(String from, String body) {
		JsonNode reply = coach().postForObject("/api/simulator/inbound", Map.of("from", from, "body", body), JsonNode.class);
		assertThat(reply.get("outcome").asText()).isEqualTo("HANDLED");
		return lastTo(from);
	}

	/** The reminders written for a phone, oldest first; not the reply flow's question after each. */
	private List<String> sentTo(String phone) {
		Query reminders = Query.query(Criteria.where("to").is(phone).and("reference").regex("^reminder:"))
			.with(Sort.by("createdAt", "_id"));
		return mongo.find(reminders, Document.class, "messages").stream().map(m -> m.getString("body")).toList();
	}

}
