package org.reconnect.escalation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.reconnect.LoopTestSupport;
import org.reconnect.flows.ConversationView;
import org.reconnect.messaging.Messenger;
import org.reconnect.messaging.Purpose;
import org.reconnect.messaging.SentMessage;
import org.reconnect.participants.ParticipantId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/**
 * Missed means delivered and unanswered: a check-in's window runs from when its question went
 * out; a question that cannot go before its deadline is dropped and the check-in recorded as not
 * delivered, never missed, so no ladder starts and no ally hears of it; a check-in by hand that is
 * refused leaves nothing queued; a check-in time inside quiet hours is refused. Through the fake
 * Twilio on the test clock, in the loop tests' application context. Each test runs on a day of
 * its own, far from the other classes' clock, so no channel state of theirs carries over.
 */
class MissedCheckInIntegrationTests extends LoopTestSupport {

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	static final String QUESTION = "it's check-in time";

	static final String RE_ASK = "Just checking in again";

	@Autowired
	EscalationService escalation;

	@Autowired
	Messenger messenger;

	@Test
	void aCheckInHeldForQuietHoursPastItsDeadlineIsNotDeliveredNeverMissedAndNeverSentLate() {
		LocalDate day = useDay(60);
		String ana = "+16465550271";
		String ally = "+16465550272";
		String id = enrol("Ana Lind", ana, "America/New_York", "15:05");
		invite(id, "Bea Lind", ally);

		// 22:00 in New York: quiet until 08:00, past the check-in's deadline (04:00). Today's code
		// held it, expired it at 04:00 as missed and sent it anyway at 08:00.
		clock.set(at(day, "22:00"));
		ResponseEntity<JsonNode> refused = coach().postForEntity("/api/participants/" + id + "/check-ins", null,
				JsonNode.class);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(refused.getBody().get("reason").asText()).isEqualTo("NOT_DELIVERED");

		SentMessage question = checkInQuestion(ana);
		assertThat(question.status()).isEqualTo("DROPPED");
		assertThat(messenger.status(question.id()).orElseThrow().error()).isEqualTo("expired-in-quiet-hours");
		ConversationView checkIn = onlyConversation(id);
		assertThat(checkIn.status()).isEqualTo("UNDELIVERED");
		assertThat(checkIn.askedAt()).isNull();

		for (String time : List.of("04:01", "08:01", "10:01", "22:00")) {
			clock.set(at(day.plusDays(1), time));
			sweepAndDrain();
		}
		clock.set(at(day.plusDays(3), "12:00"));
		sweepAndDrain();

		assertThat(sentTo(ana)).as("nothing ever reached Ana").isEmpty();
		assertNeverMissed(id, "Ana", ally);
	}

	@Test
	void aQuestionDelayedPastItsDeadlineIsDroppedFromTheOutboxAndTheCheckInIsNeverMissed() {
		LocalDate day = useDay(61);
		String cal = "+16465550273";
		String ally = "+16465550274";
		String id = enrol("Cal Ortega", cal, "America/New_York", "15:10");
		invite(id, "Dee Ortega", ally);
		// Twilio answers the question with 429 and "come back in seven hours": longer than its window.
		twilio.stubFor(toNumber(cal).willReturn(tooManyRequests(Duration.ofHours(7))));

		Instant due = at(day, "15:10");
		clock.set(due);
		assertThat(checkIns.fire("America/New_York@15:10")).as("in the outbox: on its way").isEqualTo(1);
		ConversationView waiting = conversations.open(new ParticipantId(id)).orElseThrow();
		assertThat(waiting.questionPending()).isTrue();
		assertThat(waiting.askedAt()).isNull();
		assertThat(waiting.expiresAt()).as("the latest the question may go").isEqualTo(due.plus(Duration.ofHours(6)));

		clock.set(due.plus(Duration.ofHours(2)).plusSeconds(1));
		conversations.timeoutsDue();
		clock.set(due.plus(Duration.ofHours(6)).plusSeconds(1));
		sweepAndDrain();
		assertThat(onlyConversation(id).status()).isEqualTo("UNDELIVERED");
		assertThat(state(id)).isEqualTo("NEW");

		// Twilio is back after seven hours: the question is dropped, not sent late.
		twilio.stubFor(toNumber(cal).willReturn(accepted()));
		clock.set(due.plus(Duration.ofHours(7)).plusSeconds(1));
		drainOutbox();
		assertThat(sentTo(cal)).as("only the attempt Twilio refused; no re-ask either").hasSize(1);
		SentMessage question = checkInQuestion(cal);
		assertThat(question.status()).isEqualTo("DROPPED");
		assertThat(messenger.status(question.id()).orElseThrow().error()).isEqualTo("expired");

		for (int hours : List.of(9, 30, 54)) {
			clock.set(due.plus(Duration.ofHours(hours)));
			sweepAndDrain();
		}
		assertThat(sentTo(cal)).hasSize(1);
		assertNeverMissed(id, "Cal", ally);
		JsonNode seen = coach().getForObject("/api/participants/" + id + "/conversations", JsonNode.class);
		assertThat(seen.get(0).get("status").asText()).as("the coach sees it was not delivered").isEqualTo("UNDELIVERED");
		assertThat(seen.get(0).get("askedAt").isNull()).isTrue();

		sms(cal, "hi"); // and the channel answers again for the next test
		assertThat(sentTo(cal)).hasSize(2);
	}

	@Test
	void aQuestionDelayedButSentInTimeGetsItsWholeWindowFromWhenItWent() {
		LocalDate day = useDay(62);
		String eli = "+16465550275";
		String id = enrol("Eli Moss", eli, "America/New_York", "15:15");
		twilio.stubFor(toNumber(eli).willReturn(tooManyRequests(Duration.ofHours(3))));

		Instant due = at(day, "15:15");
		clock.set(due);
		assertThat(checkIns.fire("America/New_York@15:15")).isEqualTo(1);
		clock.set(due.plus(Duration.ofHours(2)).plusSeconds(1));
		assertThat(conversations.timeoutsDue()).as("no re-ask of a question that has not gone").isZero();

		twilio.stubFor(toNumber(eli).willReturn(accepted()));
		Instant asked = due.plus(Duration.ofHours(3)).plusSeconds(1);
		clock.set(asked);
		drainOutbox();
		assertThat(lastSentTo(eli)).contains(QUESTION);
		ConversationView open = conversations.open(new ParticipantId(id)).orElseThrow();
		assertThat(open.questionPending()).isFalse();
		assertThat(open.askedAt()).isEqualTo(asked);
		assertThat(open.expiresAt()).isEqualTo(asked.plus(Duration.ofHours(6)));
		assertThat(open.waitUntil()).isEqualTo(asked.plus(Duration.ofHours(2)));

		// Two hours after it went, not after it was due: the gentle re-ask.
		clock.set(asked.plus(Duration.ofHours(2)));
		conversations.timeoutsDue();
		assertThat(lastSentTo(eli)).startsWith(RE_ASK);

		// Six hours after it was due it is still Eli's to answer.
		clock.set(due.plus(Duration.ofHours(6)).plus(Duration.ofMinutes(1)));
		sweepAndDrain();
		assertThat(conversations.open(new ParticipantId(id))).isPresent();
		assertThat(state(id)).isEqualTo("NEW");

		// Six hours after it went it is missed, counted from then.
		clock.set(asked.plus(Duration.ofHours(6)));
		sweepAndDrain();
		assertThat(conversations.open(new ParticipantId(id))).isEmpty();
		assertThat(onlyConversation(id).status()).isEqualTo("EXPIRED");
		assertThat(state(id)).isEqualTo("LATE");
		assertThat(coach().getForObject("/api/participants/" + id + "/audit", String.class)).contains("CHECK_IN_MISSED");
	}

	@Test
	void aCheckInByHandThatIsRefusedLeavesNothingQueued() {
		useDay(63);
		String fay = "+16465550276";
		String id = enrol("Fay Ruiz", fay, "America/New_York", "15:20");
		ParticipantId participant = new ParticipantId(id);

		assertThat(coach().postForEntity("/api/participants/" + id + "/check-ins", null, JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.CREATED);
		ResponseEntity<JsonNode> again = coach().postForEntity("/api/participants/" + id + "/check-ins", null,
				JsonNode.class);
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(again.getBody().get("title").asText()).isEqualTo("Check-in not delivered");
		assertThat(conversations.open(participant).orElseThrow().queued()).as("nothing waits behind it").isEmpty();
		assertThat(again.getBody().get("reason").asText()).isEqualTo("CONVERSATION_OPEN");
		assertThat(conversations.history(participant)).hasSize(1);

		sms(fay, "4");
		sms(fay, "no");
		sms(fay, "my sister");
		assertThat(conversations.open(participant)).isEmpty();
		clock.advance(Duration.ofHours(7));
		sweepAndDrain();
		assertThat(sentTo(fay).stream().filter(text -> text.contains(QUESTION))).as("one question, not two back to back")
			.hasSize(1);
		assertThat(conversations.history(participant)).hasSize(1);

		// Paused: refused, and nothing is written.
		coach().postForEntity("/api/participants/" + id + "/pause",
				Map.of("until", clock.instant().plus(Duration.ofDays(2)).toString()), JsonNode.class);
		ResponseEntity<JsonNode> paused = coach().postForEntity("/api/participants/" + id + "/check-ins", null,
				JsonNode.class);
		assertThat(paused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(paused.getBody().get("reason").asText()).isEqualTo("NOT_ACTIVE");
		assertThat(conversations.history(participant)).hasSize(1);
	}

	@Test
	void aNudgeHeldInTheOutboxLongerThanTwelveHoursIsDroppedAndRecordedNotDelivered() {
		LocalDate day = useDay(65);
		String hal = "+16465550278";
		String id = enrol("Hal Quinn", hal, "America/New_York", "15:25");
		assertThat(coach().postForEntity("/api/participants/" + id + "/check-ins", null, JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.CREATED);
		clock.set(at(day, "18:00"));
		sweepAndDrain();
		assertThat(state(id)).isEqualTo("LATE");

		// The nudge falls due at 20:00; Twilio asks to come back in thirteen hours.
		twilio.stubFor(toNumber(hal).willReturn(tooManyRequests(Duration.ofHours(13))));
		clock.set(at(day, "20:00"));
		escalation.sweep();
		assertThat(lastSentTo(hal)).startsWith("Hi Hal, just thinking of you.");
		twilio.stubFor(toNumber(hal).willReturn(accepted()));
		clock.set(at(day.plusDays(1), "09:00").plusSeconds(1));
		drainOutbox();

		assertThat(sentTo(hal).stream().filter(text -> text.startsWith("Hi Hal, just thinking of you.")))
			.as("only the attempt Twilio refused: not sent thirteen hours late").hasSize(1);
		SentMessage nudge = messenger.recent(hal, 10)
			.stream()
			.filter(message -> message.purpose() == Purpose.NUDGE)
			.findFirst()
			.orElseThrow();
		assertThat(nudge.status()).isEqualTo("DROPPED");
		assertThat(messenger.status(nudge.id()).orElseThrow().error()).isEqualTo("expired");
		assertThat(coach().getForObject("/api/participants/" + id + "/audit", String.class)).contains("ALERT_UNDELIVERED");

		sms(hal, "hi"); // and the channel answers again for the next test
		assertThat(lastSentTo(hal)).doesNotStartWith("Hi Hal, just thinking of you.");
	}

	@Test
	void aCheckInTimeInsideQuietHoursIsRefusedNamingTheWindow() {
		useDay(64);
		String gus = "+16465550277";
		for (String time : List.of("22:00", "21:00", "07:59", "00:00")) {
			ResponseEntity<JsonNode> refused = coach().postForEntity("/api/participants",
					Map.of("name", "Gus Hale", "phone", gus, "timeZone", "America/New_York", "checkInTime", time),
					JsonNode.class);
			assertThat(refused.getStatusCode()).as(time).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
			assertThat(refused.getBody().get("errors").findValuesAsString("field")).containsExactly("checkInTime");
			assertThat(refused.getBody().get("errors").get(0).get("message").asText()).isEqualTo(time
					+ " falls in quiet hours 21:00\u201308:00, when no check-in can be sent: choose a time from 08:00 until 21:00");
		}
		assertThat(coach().getForObject("/api/participants", JsonNode.class).findValuesAsString("phone"))
			.as("nothing stored").doesNotContain(gus);

		String id = enrol("Gus Hale", gus, "America/New_York", "08:00");
		// Quiet hours that would cover 08:00 are refused too; the profile keeps the old ones.
		ResponseEntity<JsonNode> covering = coach().exchange("/api/participants/" + id + "/quiet-hours", HttpMethod.PUT,
				new HttpEntity<>(Map.of("start", "22:00", "end", "08:30")), JsonNode.class);
		assertThat(covering.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(covering.getBody().get("errors").findValuesAsString("field")).containsExactly("quietHours");
		assertThat(covering.getBody().get("errors").get(0).get("message").asText()).isEqualTo(
				"22:00\u201308:30 would cover the daily check-in at 08:00, which could then never be sent: choose quiet "
						+ "hours that end by 08:00 or start after it");
		JsonNode profile = coach().getForObject("/api/participants/" + id, JsonNode.class).get("profile");
		assertThat(profile.at("/quietHours/start").asText()).isEqualTo("21:00");
		assertThat(profile.at("/quietHours/end").asText()).isEqualTo("08:00");
		ResponseEntity<JsonNode> fine = coach().exchange("/api/participants/" + id + "/quiet-hours", HttpMethod.PUT,
				new HttpEntity<>(Map.of("start", "22:00", "end", "08:00")), JsonNode.class);
		assertThat(fine.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(fine.getBody().at("/quietHours/start").asText()).isEqualTo("22:00");
	}

	// --- helpers ---

	/** Runs this test on a day of its own, at noon in New York; returns that day. */
	private LocalDate useDay(int daysAfterStart) {
		LocalDate day = START.plus(Duration.ofDays(daysAfterStart)).atZone(NEW_YORK).toLocalDate();
		clock.set(at(day, "12:00"));
		return day;
	}

	private static Instant at(LocalDate day, String time) {
		return ZonedDateTime.of(day, LocalTime.parse(time), NEW_YORK).toInstant();
	}

	/** What the sweep job and the dispatcher would do at the clock's now. */
	private void sweepAndDrain() {
		conversations.timeoutsDue();
		conversations.expireDue();
		escalation.sweep();
		drainOutbox();
	}

	private void invite(String participant, String name, String phone) {
		assertThat(coach().postForEntity("/api/participants/" + participant + "/allies",
				Map.of("name", name, "phone", phone), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
		sms(phone, "YES");
		assertThat(lastSentTo(phone)).startsWith("Thank you");
	}

	private void assertNeverMissed(String participant, String firstName, String ally) {
		assertThat(state(participant)).as("never late: the check-in never reached them").isEqualTo("NEW");
		assertThat(sentTo(ally)).as("the ally heard nothing but the invitation and its thanks").hasSize(2);
		assertThat(sentTo(COACH_PHONE).stream().filter(text -> text.contains(firstName))).isEmpty();
		String audit = coach().getForObject("/api/participants/" + participant + "/audit", String.class);
		assertThat(audit).doesNotContain("CHECK_IN_MISSED", "EPISODE_OPENED");
		assertThat(onlyConversation(participant).status()).isEqualTo("UNDELIVERED");
	}

	private ConversationView onlyConversation(String participant) {
		List<ConversationView> history = conversations.history(new ParticipantId(participant));
		assertThat(history).hasSize(1);
		return history.get(0);
	}

	private SentMessage checkInQuestion(String phone) {
		return messenger.recent(phone, 10)
			.stream()
			.filter(message -> message.purpose() == Purpose.CHECK_IN && message.body().contains(QUESTION))
			.findFirst()
			.orElseThrow();
	}

	private String state(String participant) {
		return coach().getForObject("/api/participants/" + participant + "/responsiveness", JsonNode.class)
			.get("state")
			.asText();
	}

	private static MappingBuilder toNumber(String to) {
		return post(urlPathEqualTo(MESSAGES)).atPriority(1).withFormParam("To", equalTo(to));
	}

	private static ResponseDefinitionBuilder tooManyRequests(Duration retryAfter) {
		return aResponse().withStatus(429).withHeader("Retry-After", Long.toString(retryAfter.toSeconds()))
			.withHeader("Content-Type", "application/json")
			.withBody("{\"code\":20429,\"message\":\"Too Many Requests\",\"status\":429}");
	}

	private static ResponseDefinitionBuilder accepted() {
		return aResponse().withStatus(201).withHeader("Content-Type", "application/json")
			.withBody("{\"sid\":\"SM0123456789abcdef0123456789abcdef\",\"status\":\"queued\"}");
	}
}
