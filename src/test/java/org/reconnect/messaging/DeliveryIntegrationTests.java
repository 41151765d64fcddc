package org.reconnect.messaging;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.reconnect.LoopTestSupport;
import org.reconnect.flows.ConversationView;
import org.reconnect.participants.ParticipantId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import tools.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/**
 * Delivery you can trust, against the same fake Twilio and application context as the loop
 * tests: the outbox's retries, Twilio's status callbacks, opt-out compliance, quiet hours and the
 * daily cap, and two dispatchers sharing one outbox. Time moves by the clock; the dispatcher is
 * drained by hand.
 */
class DeliveryIntegrationTests extends LoopTestSupport {

	static final String STATUS_WEBHOOK = "/webhooks/twilio/status";

	@Autowired
	Messenger messenger;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	OptOuts optOuts;

	@Autowired
	FlaggedNumbers flagged;

	@Autowired
	RecipientRules recipients;

	@Autowired
	MessagingSettings settings;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TwilioChannel twilioChannel;

	// --- retries ---

	@Test
	void retriesAfterA500AndSendsExactlyOnce() {
		String to = "+12025550301";
		stubInScenario(to, aResponse().withStatus(500).withHeader("Content-Type", "application/json")
			.withBody("{\"code\":20500,\"message\":\"Internal Server Error\",\"status\":500}"), accepted("SM500then201"));

		SendResult result = messenger.send(new OutboundMessage(to, "Thanks for writing.", Purpose.REPLY, "r-500"));

		assertThat(result.outcome()).isEqualTo(SendResult.Outcome.QUEUED);
		assertThat(result.sent()).as("queued counts as on its way").isTrue();
		assertThat(drainOutbox()).as("not due before its backoff").isZero();
		assertThat(requestsTo(to)).hasSize(1);
		clock.advance(Duration.ofMinutes(1));
		drainOutbox();
		clock.advance(Duration.ofHours(2));
		drainOutbox();

		assertThat(requestsTo(to)).hasSize(2);
		MessageView view = messenger.status(result.messageId()).orElseThrow();
		assertThat(view.status()).isEqualTo("SENT");
		assertThat(view.attempts()).isEqualTo(2);
		assertThat(view.deliveryStatus()).isEqualTo("queued");
	}

	@Test
	void honoursRetryAfterOnA429() {
		String to = "+12025550302";
		stubInScenario(to, aResponse().withStatus(429).withHeader("Retry-After", "120")
			.withHeader("Content-Type", "application/json")
			.withBody("{\"code\":20429,\"message\":\"Too Many Requests\",\"status\":429}"), accepted("SM429"));

		SendResult result = messenger.send(new OutboundMessage(to, "Thanks.", Purpose.REPLY, "r-429"));
		assertThat(result.outcome()).isEqualTo(SendResult.Outcome.QUEUED);
		clock.advance(Duration.ofSeconds(90)); // past any backoff (at most 45 s), not past Retry-After
		drainOutbox();
		assertThat(requestsTo(to)).hasSize(1);
		clock.advance(Duration.ofSeconds(31));
		drainOutbox();

		assertThat(requestsTo(to)).hasSize(2);
		assertThat(messenger.status(result.messageId()).orElseThrow().status()).isEqualTo("SENT");
	}

	@Test
	void retriesATimeout() {
		String to = "+12025550303";
		// The client gives up after 3 s in these tests; Twilio answers after 8 s the first time.
		stubInScenario(to, accepted("SMslow").withFixedDelay(8000), accepted("SMtimeout"));

		SendResult result = messenger.send(new OutboundMessage(to, "Thanks.", Purpose.REPLY, "r-timeout"));
		assertThat(result.outcome()).isEqualTo(SendResult.Outcome.QUEUED);
		assertThat(messenger.status(result.messageId()).orElseThrow().error()).isEqualTo("unreachable");
		clock.advance(Duration.ofMinutes(1));
		drainOutbox();

		MessageView view = messenger.status(result.messageId()).orElseThrow();
		assertThat(view.status()).isEqualTo("SENT");
		assertThat(view.attempts()).isEqualTo(2);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(requestsTo(to)).hasSize(2));
	}

	@Test
	void givesUpAfterFiveAttemptsAndTheCheckInIsNeverCountedAsMissed() {
		String to = "+12025550304";
		String id = enrol("Robin Diaz", to, "America/New_York", "11:05");
		twilio.stubFor(toNumber(to).willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
			.withBody("{\"code\":20503,\"message\":\"Service Unavailable\",\"status\":503}")));

		assertThat(coach().postForEntity("/api/participants/" + id + "/check-ins", null, JsonNode.class).getStatusCode())
			.as("queued for a retry: on its way").isEqualTo(HttpStatus.CREATED);
		for (int i = 0; i < 6; i++) {
			clock.advance(Duration.ofMinutes(20));
			drainOutbox();
		}

		assertThat(requestsTo(to)).as("exactly max-attempts requests").hasSize(5);
		ConversationView conversation = conversations.history(new ParticipantId(id)).get(0);
		assertThat(conversation.status()).isEqualTo("UNDELIVERED");
		clock.advance(Duration.ofHours(7));
		conversations.expireDue();
		assertThat(conversations.history(new ParticipantId(id)).get(0).status()).isEqualTo("UNDELIVERED");
	}

	@Test
	void permanentErrorsAreNotRetriedAndActOnTheNumber() {
		String invalid = "+12025550305";
		String unsubscribed = "+12025550306";
		twilio.stubFor(toNumber(invalid).willReturn(error(400, 21211, "The 'To' number +12025550305 is not valid.")));
		twilio.stubFor(toNumber(unsubscribed).willReturn(error(400, 21610, "Attempt to send to unsubscribed recipient")));

		SendResult toInvalid = messenger.send(new OutboundMessage(invalid, "Hello.", Purpose.ALERT, "a-1"));
		SendResult toUnsubscribed = messenger.send(new OutboundMessage(unsubscribed, "Hello.", Purpose.ALERT, "a-2"));
		clock.advance(Duration.ofHours(2));
		drainOutbox();

		assertThat(toInvalid.outcome()).isEqualTo(SendResult.Outcome.FAILED);
		assertThat(toUnsubscribed.outcome()).isEqualTo(SendResult.Outcome.FAILED);
		assertThat(requestsTo(invalid)).hasSize(1);
		assertThat(requestsTo(unsubscribed)).hasSize(1);
		assertThat(messenger.status(toInvalid.messageId()).orElseThrow().error()).isEqualTo("21211");
		assertThat(coach().getForObject("/api/messages/flagged-numbers", JsonNode.class).findValuesAsString("phone"))
			.contains(invalid);
		assertThat(messenger.isOptedOut(unsubscribed)).isTrue();
		assertThat(messenger.send(new OutboundMessage(unsubscribed, "Again.", Purpose.REPLY, "a-3")).outcome())
			.isEqualTo(SendResult.Outcome.SUPPRESSED);
		assertThat(requestsTo(unsubscribed)).hasSize(1);
	}

	// --- status callbacks ---

	@Test
	void statusCallbacksOnlyMoveForwardAreIdempotentAndMustBeSigned() {
		String to = "+12025550311";
		twilio.stubFor(toNumber(to).willReturn(accepted("SMstatus0001")));
		SendResult result = messenger.send(new OutboundMessage(to, "Thanks.", Purpose.REPLY, "r-status"));
		assertThat(result.outcome()).isEqualTo(SendResult.Outcome.SENT);

		assertThat(status("SMstatus0001", "delivered", null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(status("SMstatus0001", "sent", null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(status("SMstatus0001", "delivered", null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		Map<String, String> forged = statusParams("SMstatus0001", "failed", null);
		assertThat(postStatus(forged, TwilioTestSigner.sign("not-the-token", PUBLIC_URL + STATUS_WEBHOOK, forged))
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(postStatus(forged, null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

		JsonNode view = coach().getForObject("/api/messages/" + result.messageId(), JsonNode.class);
		assertThat(view.get("status").asText()).isEqualTo("SENT");
		assertThat(view.get("deliveryStatus").asText()).isEqualTo("delivered");
		assertThat(view.get("reportedStatuses").toString()).isEqualTo("[\"queued\",\"delivered\",\"sent\"]");
		assertThat(view.toString()).doesNotContain(to).doesNotContain("Thanks.");
		assertThat(http.getForEntity("/api/messages/" + result.messageId(), String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void aCheckInTwilioCouldNotDeliverIsNeverMissed() {
		String to = "+12025550312";
		String id = enrol("Noor Haddad", to, "America/New_York", "11:10");
		twilio.stubFor(toNumber(to).willReturn(accepted("SMundelivered01")));
		assertThat(coach().postForEntity("/api/participants/" + id + "/check-ins", null, JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.CREATED);

		status("SMundelivered01", "sent", null);
		status("SMundelivered01", "undelivered", "30003");
		status("SMundelivered01", "delivered", null); // late and contradictory: ignored

		assertThat(conversations.history(new ParticipantId(id)).get(0).status()).isEqualTo("UNDELIVERED");
		clock.advance(Duration.ofHours(7));
		conversations.expireDue();
		assertThat(conversations.history(new ParticipantId(id)).get(0).status()).isEqualTo("UNDELIVERED");
	}

	// --- compliance ---

	@Test
	void aPlainRequestToStopIsConfirmedOnceAndHonouredAtDispatch() {
		String to = "+12025550321";
		String id = enrol("Ash Kumar", to, "America/New_York", "11:20");
		coach().postForEntity("/api/participants/" + id + "/check-ins", null, JsonNode.class);
		// A check-in held for quiet hours, queued before the opt-out: it must never go.
		clock.set(Instant.parse("2030-03-09T03:00:00Z")); // 22:00 in New York
		SendResult held = messenger.send(new OutboundMessage(to, "Held check-in", Purpose.CHECK_IN, "held"));
		assertThat(held.outcome()).isEqualTo(SendResult.Outcome.QUEUED);

		sms(to, "please stop texting me");
		sms(to, "STOP");
		sms(to, "no más mensajes");
		clock.set(Instant.parse("2030-03-09T14:00:00Z"));
		drainOutbox();

		assertThat(sentTo(to)).hasSize(2);
		assertThat(lastSentTo(to)).isEqualTo("You won't get any more messages from Reconnect. Text START any time to come back.");
		assertThat(messenger.status(held.messageId()).orElseThrow().status()).isEqualTo("SUPPRESSED");
		assertThat(coach().getForObject("/api/participants/" + id, JsonNode.class).at("/profile/status").asText())
			.isEqualTo("OPTED_OUT");

		sms(to, "Yes");
		assertThat(lastSentTo(to)).startsWith("Welcome back.");
		sms(to, "ayuda");
		assertThat(lastSentTo(to)).contains("Reconnect").contains("a day").contains("rates may apply")
			.contains("STOP").contains("To reach a person");
	}

	@Test
	void quietHoursHoldScheduledMessagesButNeverCrisisOrRepliesAndTheDailyCapHolds() {
		String to = "+12025550331";
		String ally = "+12025550332";
		enrol("Kai Lee", to, "America/Los_Angeles", "11:30");
		clock.set(Instant.parse("2030-03-09T10:00:00Z")); // 02:00 in Los Angeles, 05:00 in New York

		SendResult checkIn = messenger.send(new OutboundMessage(to, "Check-in one", Purpose.CHECK_IN, "c1"));
		SendResult crisis = messenger.send(new OutboundMessage(to, "Crisis resources", Purpose.CRISIS, "x"));
		SendResult reply = messenger.send(new OutboundMessage(to, "A reply", Purpose.REPLY, "y"));
		SendResult alert = messenger.send(new OutboundMessage(ally, "Alert to an ally", Purpose.ALERT, "z"));
		SendResult stale = messenger.send(new OutboundMessage(to, "Meeting at 07:00", Purpose.CHECK_IN, "m",
				Instant.parse("2030-03-09T15:00:00Z")));

		assertThat(checkIn.outcome()).isEqualTo(SendResult.Outcome.QUEUED);
		assertThat(alert.outcome()).as("not a participant: escalation holds allies' alerts itself")
			.isEqualTo(SendResult.Outcome.SENT);
		assertThat(sentTo(to)).containsExactly("Crisis resources", "A reply");
		assertThat(crisis.outcome()).isEqualTo(SendResult.Outcome.SENT);
		assertThat(reply.outcome()).isEqualTo(SendResult.Outcome.SENT);

		assertThat(sentTo(ally)).containsExactly("Alert to an ally");
		clock.set(Instant.parse("2030-03-09T13:00:00Z")); // 08:00 in New York, 05:00 in Los Angeles
		drainOutbox();
		assertThat(sentTo(to)).as("still night in Los Angeles").hasSize(2);

		clock.set(Instant.parse("2030-03-09T16:00:00Z")); // 08:00 in Los Angeles
		drainOutbox();
		assertThat(sentTo(to)).containsExactly("Crisis resources", "A reply", "Check-in one");
		assertThat(messenger.status(stale.messageId()).orElseThrow().status()).isEqualTo("DROPPED");
		assertThat(messenger.status(stale.messageId()).orElseThrow().error()).isEqualTo("expired-in-quiet-hours");

		// Three scheduled messages a day at most: the fourth is dropped, replies still go.
		messenger.send(new OutboundMessage(to, "Check-in two", Purpose.CHECK_IN, "c2"));
		messenger.send(new OutboundMessage(to, "Check-in three", Purpose.CHECK_IN, "c3"));
		SendResult fourth = messenger.send(new OutboundMessage(to, "Check-in four", Purpose.CHECK_IN, "c4"));
		messenger.send(new OutboundMessage(to, "Another reply", Purpose.REPLY, "y2"));
		assertThat(fourth.outcome()).isEqualTo(SendResult.Outcome.DROPPED);
		assertThat(messenger.status(fourth.messageId()).orElseThrow().error()).isEqualTo("daily-cap");
		assertThat(sentTo(to)).containsExactly("Crisis resources", "A reply", "Check-in one", "Check-in two",
				"Check-in three", "Another reply");
	}

	@Test
	void aParticipantsOwnQuietHoursAreTheOnesKept() {
		String to = "+12025550335";
		String id = enrol("Noor Haddad", to, "America/New_York", "11:40");
		coach().put("/api/participants/" + id + "/quiet-hours", java.util.Map.of("start", "23:00", "end", "07:00"));

		clock.set(Instant.parse("2030-03-12T02:00:00Z")); // 22:00 in New York: quiet by default, not for Noor
		SendResult evening = messenger.send(new OutboundMessage(to, "Evening check-in", Purpose.CHECK_IN, "qh1"));
		assertThat(evening.outcome()).isEqualTo(SendResult.Outcome.SENT);

		clock.set(Instant.parse("2030-03-12T03:30:00Z")); // 23:30: inside Noor's quiet hours
		SendResult late = messenger.send(new OutboundMessage(to, "Late check-in", Purpose.CHECK_IN, "qh2"));
		assertThat(late.outcome()).isEqualTo(SendResult.Outcome.QUEUED);
		clock.set(Instant.parse("2030-03-12T10:59:00Z")); // 06:59
		drainOutbox();
		assertThat(sentTo(to)).containsExactly("Evening check-in");
		clock.set(Instant.parse("2030-03-12T11:00:00Z")); // 07:00, before the default's 08:00
		drainOutbox();
		assertThat(sentTo(to)).containsExactly("Evening check-in", "Late check-in");
	}

	// --- the outbox itself ---

	@Test
	void urgentMessagesGoFirstBulkDrainsByDueTimeAndStaleOnesAreDropped() {
		String collection = "outbox_order_" + UUID.randomUUID().toString().replace("-", "");
		Outbox outbox = new Outbox(mongo, collection);
		Instant now = clock.instant();
		MessageRecord later = outbox.insert(record("+12025550341", "later", Purpose.CHECK_IN, now.minusSeconds(10)));
		MessageRecord earlier = outbox.insert(record("+12025550342", "earlier", Purpose.CHECK_IN, now.minusSeconds(20)));
		MessageRecord reply = outbox.insert(record("+12025550343", "reply", Purpose.REPLY, now.minusSeconds(1)));
		MessageRecord alert = outbox.insert(record("+12025550344", "alert", Purpose.ALERT, now));
		MessageRecord future = outbox.insert(record("+12025550345", "future", Purpose.REPLY, now.plusSeconds(1)));
		MessageRecord stale = record("+12025550346", "stale", Purpose.CHECK_IN, now.minusSeconds(30));
		stale.notAfter = now.minusSeconds(5);
		stale = outbox.insert(stale);
		try {
			assertThat(outbox.due(now, 10)).containsExactly(reply.id, alert.id, stale.id, earlier.id, later.id);

			List<String> sent = new ArrayList<>();
			// one sender lane: the strict order across numbers is visible
			Dispatcher dispatcher = dispatcher(outbox, new Counting(sent), 1);
			assertThat(dispatcher.drain()).isEqualTo(5);
			assertThat(sent).containsExactly("reply", "alert", "earlier", "later");
			assertThat(outbox.find(stale.id).orElseThrow().status).isEqualTo(MessageRecord.Status.DROPPED);
			assertThat(outbox.find(future.id).orElseThrow().status).isEqualTo(MessageRecord.Status.QUEUED);
		}
		finally {
			mongo.dropCollection(collection);
		}
	}

	@Test
	void aMessageWrittenByANodeThatDiesBeforeItsFirstAttemptIsSentOnceByAnotherWhenTheLeaseEnds() {
		String collection = "outbox_lease_" + UUID.randomUUID().toString().replace("-", "");
		Outbox outbox = new Outbox(mongo, collection);
		List<String> sentByFirst = new ArrayList<>();
		List<String> sentBySecond = new ArrayList<>();
		Dispatcher first = dispatcher(outbox, new Counting(sentByFirst));
		Dispatcher second = dispatcher(outbox, new Counting(sentBySecond));
		Instant start = clock.instant();
		try {
			// The first node writes two messages with its lease, attempts one, and dies.
			List<MessageRecord> fresh = List.of(record("+12025550371", "attempted", Purpose.REMINDER, start),
					record("+12025550372", "orphaned", Purpose.REMINDER, start));
			first.leaseBeforeWriting(fresh);
			List<MessageRecord> written = outbox.insertAll(fresh);
			assertThat(first.attemptAll(written.subList(0, 1))).extracting(SendResult::outcome)
				.containsExactly(SendResult.Outcome.SENT);
			// The outcome as stored, as any other reader of the outbox expects it.
			org.bson.Document stored = mongo.getCollection(collection)
				.find(new org.bson.Document("_id", new org.bson.types.ObjectId(written.get(0).id)))
				.first();
			assertThat(stored.get("status")).isEqualTo("SENT");
			assertThat(stored.get("sentAt")).isInstanceOf(java.util.Date.class);
			assertThat(stored.get("leaseOwner")).isNull();
			assertThat(stored.get("reportedStatuses")).asList().containsExactly("queued");

			assertThat(second.drain()).as("the lease keeps the other node off it").isZero();
			clock.advance(settings.outbox().lease().plusSeconds(1));
			assertThat(second.drain()).isEqualTo(1);
			assertThat(second.drain()).isZero();

			assertThat(sentByFirst).containsExactly("attempted");
			assertThat(sentBySecond).containsExactly("orphaned");
			assertThat(outbox.find(written.get(1).id).orElseThrow().status).isEqualTo(MessageRecord.Status.SENT);
		}
		finally {
			clock.set(start);
			first.close();
			second.close();
			mongo.dropCollection(collection);
		}
	}

	@Test
	void whatANodeHandedToTheChannelBeforeItWasKilledIsRecordedByTheNextNodeNotSentAgain() {
		String collection = "outbox_doubt_" + UUID.randomUUID().toString().replace("-", "");
		Outbox outbox = new Outbox(mongo, collection);
		Remembering channel = new Remembering();
		Dispatcher first = dispatcher(outbox, channel);
		Dispatcher second = dispatcher(outbox, channel);
		Instant start = clock.instant();
		try {
			// The first node writes four with its lease; two reach the channel, then it is killed before
			// it can note them. Two of the four are the same text to the same number; only one went.
			String to = "+12025550391";
			List<MessageRecord> fresh = List.of(record(to, "Meeting at 7 tonight.", Purpose.REMINDER, start),
					record(to, "Meeting at 7 tonight.", Purpose.REMINDER, start),
					record("+12025550392", "Any cravings today?", Purpose.CHECK_IN, start),
					record("+12025550393", "never attempted", Purpose.CHECK_IN, start));
			first.leaseBeforeWriting(fresh);
			List<MessageRecord> written = outbox.insertAll(fresh);
			String wentFirst = ((Channel.Accepted) channel.send(written.get(0))).providerId();
			String wentThird = ((Channel.Accepted) channel.send(written.get(2))).providerId();
			first.close();

			clock.advance(settings.outbox().lease().plusSeconds(1));
			assertThat(second.drain()).isEqualTo(4);
			assertThat(second.drain()).isZero();

			assertThat(channel.bodies()).as("each text reached its number exactly as often as it was written")
				.containsExactlyInAnyOrder("Meeting at 7 tonight.", "Any cravings today?", "Meeting at 7 tonight.", "never attempted");
			List<MessageRecord> stored = written.stream().map(record -> outbox.find(record.id).orElseThrow()).toList();
			assertThat(stored).extracting(record -> record.status).containsOnly(MessageRecord.Status.SENT);
			assertThat(stored.get(0).providerId).isEqualTo(wentFirst);
			assertThat(stored.get(2).providerId).isEqualTo(wentThird);
			assertThat(stored.get(1).providerId).isNotIn(wentFirst, wentThird).isNotNull();
		}
		finally {
			clock.set(start);
			second.close();
			mongo.dropCollection(collection);
		}
	}

	@Test
	void anEntryInDoubtWaitsWhileTheChannelCannotSayWhatWentAndIsNeverSentBlind() {
		String collection = "outbox_doubt_" + UUID.randomUUID().toString().replace("-", "");
		Outbox outbox = new Outbox(mongo, collection);
		Remembering channel = new Remembering();
		Dispatcher first = dispatcher(outbox, channel, 1);
		Dispatcher second = dispatcher(outbox, channel, 1);
		Instant start = clock.instant();
		try {
			List<MessageRecord> fresh = List.of(record("+12025550394", "How are you doing?", Purpose.CHECK_IN, start));
			first.leaseBeforeWriting(fresh);
			MessageRecord written = outbox.insertAll(fresh).get(0);
			String went = ((Channel.Accepted) channel.send(written)).providerId();
			first.close();

			channel.answering = false;
			clock.advance(settings.outbox().lease().plusSeconds(1));
			second.drain();
			MessageRecord waiting = outbox.find(written.id).orElseThrow();
			assertThat(waiting.status).isEqualTo(MessageRecord.Status.QUEUED);
			assertThat(waiting.error).isEqualTo(Dispatcher.LOOK_BACK_FAILED);
			assertThat(channel.bodies()).as("nothing sent while in doubt").containsExactly("How are you doing?");

			channel.answering = true;
			clock.advance(Duration.ofHours(1));
			second.drain();
			assertThat(channel.bodies()).containsExactly("How are you doing?");
			MessageRecord recorded = outbox.find(written.id).orElseThrow();
			assertThat(recorded.status).isEqualTo(MessageRecord.Status.SENT);
			assertThat(recorded.providerId).isEqualTo(went);
		}
		finally {
			clock.set(start);
			second.close();
			mongo.dropCollection(collection);
		}
	}

	@Test
	void twilioIsAskedWhatItAcceptedForTheNumberAndOnlyTheSameTextSinceThenCounts() {
		String to = "+12025550395";
		Instant since = clock.instant().minus(Duration.ofMinutes(3));
		DateTimeFormatter rfc2822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US)
			.withZone(ZoneOffset.UTC);
		String now = rfc2822.format(clock.instant());
		String listed = "{\"messages\":[" + listedMessage("SMsame", to, "Any cravings today?", "outbound-api", "delivered", now)
				+ "," + listedMessage("SMother", to, "Something else", "outbound-api", "sent", now)
				+ "," + listedMessage("SMreply", to, "Any cravings today?", "inbound", "received", now)
				+ "," + listedMessage("SMolder", to, "Any cravings today?", "outbound-api", "delivered",
						rfc2822.format(since.minus(Duration.ofHours(2))))
				+ "],\"next_page_uri\":null,\"page\":0,\"page_size\":50}";
		twilio.stubFor(get(urlPathEqualTo(MESSAGES)).withQueryParam("To", equalTo(to))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(listed)));
		MessageRecord inDoubt = record(to, "Any cravings today?", Purpose.CHECK_IN, clock.instant());

		assertThat(twilioChannel.acceptedSince(inDoubt, since)).hasValueSatisfying(found -> assertThat(found)
			.containsExactly(new Channel.Accepted("SMsame", "delivered")));

		String down = "+12025550396";
		twilio.stubFor(get(urlPathEqualTo(MESSAGES)).withQueryParam("To", equalTo(down))
			.willReturn(error(503, 20503, "Service unavailable")));
		assertThat(twilioChannel.acceptedSince(record(down, "Any cravings today?", Purpose.CHECK_IN, clock.instant()),
				since)).as("could not be asked: not 'nothing went'").isEmpty();
	}

	@Test
	void whatTheDrainSentBeforeTheChannelBrokeIsRecordedAndNeverSentAgain() {
		String collection = "outbox_chunk_" + UUID.randomUUID().toString().replace("-", "");
		Outbox outbox = new Outbox(mongo, collection);
		Instant start = clock.instant();
		List<MessageRecord> records = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			records.add(record("+1202555038" + i, i == 3 ? "boom" : "message " + i, Purpose.REPLY, start.minusSeconds(10 - i)));
		}
		mongo.insert(records, collection);
		List<String> sent = new ArrayList<>();
		Channel breaking = new Counting(body -> {
			if (body.equals("boom")) {
				throw new IllegalStateException("the channel broke");
			}
			sent.add(body);
		});
		Dispatcher dispatcher = dispatcher(outbox, breaking, 1);
		try {
			org.assertj.core.api.Assertions.assertThatThrownBy(dispatcher::drain).hasMessageContaining("broke");
			assertThat(sent).containsExactly("message 0", "message 1", "message 2");
			clock.advance(settings.outbox().lease().plusSeconds(1));
			sent.clear();
			Dispatcher healthy = dispatcher(outbox, new Counting(sent), 1);
			healthy.drain();
			healthy.close();
			assertThat(sent).as("only what never went goes now").containsExactly("boom", "message 4");
		}
		finally {
			clock.set(start);
			dispatcher.close();
			mongo.dropCollection(collection);
		}
	}

	@Test
	void twoDispatchersOnOneOutboxSendFiveThousandMessagesExactlyOnce() throws Exception {
		String collection = "outbox_load_" + UUID.randomUUID().toString().replace("-", "");
		Outbox outbox = new Outbox(mongo, collection);
		Instant now = clock.instant();
		List<MessageRecord> records = new ArrayList<>();
		for (int i = 0; i < 5000; i++) {
			Purpose purpose = i % 10 == 0 ? Purpose.REPLY : Purpose.ALERT;
			records.add(record(String.format("+1303555%04d", i), "message " + i, purpose, now.minusMillis(i)));
		}
		mongo.insert(records, collection);
		Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
		Channel counting = new Counting(body -> counts.computeIfAbsent(body, key -> new AtomicInteger()).incrementAndGet());
		Dispatcher first = dispatcher(outbox, counting);
		Dispatcher second = dispatcher(outbox, counting);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			long started = System.nanoTime();
			Future<Integer> a = pool.submit(first::drain);
			Future<Integer> b = pool.submit(second::drain);
			int claimed = a.get() + b.get();
			double seconds = (System.nanoTime() - started) / 1e9;
			System.out.printf("Two dispatchers drained 5000 outbox entries in %.2f s (%.0f/s): %d and %d%n", seconds,
					5000 / seconds, a.get(), b.get());

			assertThat(claimed).isEqualTo(5000);
			assertThat(a.get()).as("both dispatchers took part").isPositive();
			assertThat(b.get()).as("both dispatchers took part").isPositive();
			assertThat(counts).hasSize(5000);
			assertThat(counts.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
			assertThat(mongo.count(org.springframework.data.mongodb.core.query.Query.query(
					org.springframework.data.mongodb.core.query.Criteria.where("status").is(MessageRecord.Status.SENT)),
					MessageRecord.class, collection)).isEqualTo(5000);
		}
		finally {
			pool.shutdown();
			mongo.dropCollection(collection);
		}
	}

	@Test
	void sendersWorkSideBySideButOneNumbersMessagesLeaveInOrder() {
		String collection = "outbox_lanes_" + UUID.randomUUID().toString().replace("-", "");
		Outbox outbox = new Outbox(mongo, collection);
		Instant now = clock.instant();
		List<String> numbers = List.of("+12025550361", "+12025550362", "+12025550363", "+12025550364",
				"+12025550365", "+12025550366");
		List<MessageRecord> records = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			String to = numbers.get(i % numbers.size());
			records.add(record(to, to + " #" + (i / numbers.size()), Purpose.REPLY, now.minusSeconds(600 - i)));
		}
		mongo.insert(records, collection);
		Map<String, List<Integer>> byNumber = new ConcurrentHashMap<>();
		Set<String> threads = ConcurrentHashMap.newKeySet();
		Channel channel = new Counting(body -> {
			threads.add(Thread.currentThread().getName());
			String[] parts = body.split(" #");
			byNumber.computeIfAbsent(parts[0], key -> java.util.Collections.synchronizedList(new ArrayList<>()))
				.add(Integer.parseInt(parts[1]));
		});
		Dispatcher dispatcher = dispatcher(outbox, channel, 4);
		try {
			assertThat(dispatcher.drain()).isEqualTo(60);
			assertThat(byNumber).hasSize(numbers.size());
			assertThat(byNumber.values()).allSatisfy(sequence -> assertThat(sequence).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
			assertThat(threads).as("more than one sender at work").hasSizeGreaterThan(1);
		}
		finally {
			dispatcher.close();
			mongo.dropCollection(collection);
		}
	}

	// --- helpers ---

	private Dispatcher dispatcher(Outbox outbox, Channel channel) {
		return dispatcher(outbox, channel, settings.outbox().senders());
	}

	private Dispatcher dispatcher(Outbox outbox, Channel channel, int senders) {
		MessagingSettings.Outbox o = settings.outbox();
		MessagingSettings.Outbox lanes = new MessagingSettings.Outbox(o.messagesPerSecond(), o.pollInterval(),
				o.maxAttempts(), o.firstBackoff(), o.backoffMultiplier(), o.jitter(), o.maxBackoff(), o.lease(),
				o.requestTimeout(), o.batchSize(), senders);
		return new Dispatcher(outbox, channel, Pacer.off(), optOuts, flagged, recipients, lanes, events, clock);
	}

	private static MessageRecord record(String to, String body, Purpose purpose, Instant due) {
		MessageRecord record = MessageRecord.of(new OutboundMessage(to, body, purpose, null), MessageRecord.Status.QUEUED,
				due);
		return record;
	}

	/** A channel that accepts everything and notes each body it was given. */
	private record Counting(java.util.function.Consumer<String> seen) implements Channel {

		Counting(List<String> sent) {
			this((java.util.function.Consumer<String>) body -> {
				synchronized (sent) {
					sent.add(body);
				}
			});
		}

		@Override
		public String sender() {
			return "test";
		}

		@Override
		public ChannelResult send(String to, String body) {
			seen.accept(body);
			return new Accepted("SM" + UUID.randomUUID().toString().replace("-", ""), "queued");
		}
	}

	/**
	 * A channel that keeps what it accepted, as Twilio does, and can be asked about it; or, with
	 * {@code answering} off, cannot be asked.
	 */
	private static final class Remembering implements Channel {

		private final List<MessageRecord> accepted = new ArrayList<>();
		private final List<String> sids = new ArrayList<>();
		volatile boolean answering = true;

		@Override
		public String sender() {
			return "test";
		}

		@Override
		public synchronized ChannelResult send(String to, String body) {
			MessageRecord copy = new MessageRecord();
			copy.to = to;
			copy.body = body;
			accepted.add(copy);
			sids.add("SM" + UUID.randomUUID().toString().replace("-", ""));
			return new Accepted(sids.get(sids.size() - 1), "queued");
		}

		@Override
		public synchronized java.util.Optional<List<Accepted>> acceptedSince(MessageRecord message, Instant since) {
			if (!answering) {
				return java.util.Optional.empty();
			}
			List<Accepted> found = new ArrayList<>();
			for (int i = accepted.size() - 1; i >= 0; i--) {
				if (accepted.get(i).to.equals(message.to) && accepted.get(i).body.equals(message.body)) {
					found.add(new Accepted(sids.get(i), "delivered"));
				}
			}
			return java.util.Optional.of(found);
		}

		synchronized List<String> bodies() {
			return accepted.stream().map(record -> record.body).toList();
		}
	}

	private static String listedMessage(String sid, String to, String body, String direction, String status,
			String created) {
		return "{\"sid\":\"" + sid + "\",\"to\":\"" + to + "\",\"from\":\"" + FROM + "\",\"body\":\"" + body
				+ "\",\"direction\":\"" + direction + "\",\"status\":\"" + status + "\",\"date_created\":\"" + created
				+ "\"}";
	}

	private static MappingBuilder toNumber(String to) {
		return post(urlPathEqualTo(MESSAGES)).atPriority(1).withFormParam("To", equalTo(to));
	}

	private static void stubInScenario(String to, ResponseDefinitionBuilder first, ResponseDefinitionBuilder then) {
		String scenario = "to " + to;
		twilio.stubFor(toNumber(to).inScenario(scenario).whenScenarioStateIs(STARTED).willReturn(first)
			.willSetStateTo("second"));
		twilio.stubFor(toNumber(to).inScenario(scenario).whenScenarioStateIs("second").willReturn(then));
	}

	private static ResponseDefinitionBuilder accepted(String sid) {
		return aResponse().withStatus(201).withHeader("Content-Type", "application/json")
			.withBody("{\"sid\":\"" + sid + "\",\"status\":\"queued\"}");
	}

	private static ResponseDefinitionBuilder error(int status, int code, String message) {
		return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
			.withBody("{\"code\":" + code + ",\"message\":\"" + message + "\",\"status\":" + status + "}");
	}

	private ResponseEntity<String> status(String sid, String status, String errorCode) {
		Map<String, String> params = statusParams(sid, status, errorCode);
		return postStatus(params, TwilioTestSigner.sign(TOKEN, PUBLIC_URL + STATUS_WEBHOOK, params));
	}

	private static Map<String, String> statusParams(String sid, String status, String errorCode) {
		Map<String, String> params = new LinkedHashMap<>();
		params.put("MessageSid", sid);
		params.put("AccountSid", SID);
		params.put("MessageStatus", status);
		params.put("SmsStatus", status);
		if (errorCode != null) {
			params.put("ErrorCode", errorCode);
		}
		return params;
	}

	private ResponseEntity<String> postStatus(Map<String, String> params, String signature) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		if (signature != null) {
			headers.set("X-Twilio-Signature", signature);
		}
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		params.forEach(form::add);
		return http.postForEntity(STATUS_WEBHOOK, new HttpEntity<>(form, headers), String.class);
	}
}
