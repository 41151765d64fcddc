package org.reconnect.participants;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.reconnect.LoopTestSupport;
import org.reconnect.consent.ConsentRecord;
import org.reconnect.consent.ConsentService;
import org.reconnect.escalation.AuditKind;
import org.reconnect.escalation.AuditView;
import org.reconnect.escalation.EscalationService;
import org.reconnect.messaging.Messenger;
import org.reconnect.messaging.OutboundMessage;
import org.reconnect.messaging.Purpose;
import org.reconnect.messaging.SendResult;
import org.reconnect.messaging.SentMessage;
import org.reconnect.system.SystemSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

/**
 * Erasure leaves nothing of the person behind: their web chat link stops working, messages to
 * others that named them (the ally's alerts, the coach's crisis SMS) lose their text, and one
 * still waiting in the outbox never goes; the words given for naming an ally leave the consent
 * ledger and the audit log, whose ids and reasons stay; and the embedded store's file holds no
 * copy of their name or number once the erasure returns. An erasure a stopped node left half done
 * is finished by the sweep.
 */
class ErasureIntegrationTests extends LoopTestSupport {

	private static final String WHY = "Teodora is her sister, call after six";

	@Autowired
	ParticipantService participants;

	@Autowired
	ConsentService consent;

	@Autowired
	EscalationService escalation;

	@Autowired
	Messenger messenger;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	PendingErasures pendingErasures;

	@Autowired
	SystemSettings system;

	@Test
	void erasureLeavesNoCopyOfThePersonBehind() throws IOException {
		String name = "Marisol Quintanilla";
		String phone = "+13475550171";
		String ally = "+13475550172";
		String waiting = "+13475550174";
		String id = enrol(name, phone, "America/New_York", "10:41");
		invite(id, "Teodora Vance", ally);
		sms(ally, "YES");
		String chat = webChatLink(phone);
		sms(phone, "I want to end it all");
		// an alert that could not go yet: Twilio refused it once, so it waits in the outbox for a retry
		StubMapping refused = twilio.stubFor(post(urlPathEqualTo(MESSAGES)).withRequestBody(containing("To=%2B13475550174"))
			.willReturn(aResponse().withStatus(503)));
		SendResult queued = messenger.send(
				new OutboundMessage(waiting, "Hi, Marisol could use a call.", Purpose.ALERT, "erasure-test").about(id));
		twilio.removeStub(refused);
		int attempts = sentTo(waiting).size();

		assertThat(texts(COACH_PHONE)).as("the coach's crisis SMS names her").anyMatch(text -> text.contains("Marisol"));
		assertThat(texts(ally)).as("the ally's crisis alert names her").anyMatch(text -> text.contains("Marisol"));
		assertThat(messenger.status(queued.messageId()).orElseThrow().status()).isEqualTo("QUEUED");
		assertThat(storeFilesHolding(name, phone, WHY)).as("before erasure the store holds her, so this check can fail")
			.isNotEmpty();

		assertThat(coach().exchange("/api/participants/" + id, HttpMethod.DELETE, HttpEntity.EMPTY, Void.class)
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

		assertThat(http.getForEntity("/chat/" + chat, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(http.postForEntity("/chat/" + chat + "/messages", Map.of("body", "hello"), String.class)
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(texts(COACH_PHONE)).noneMatch(text -> text.contains("Marisol") || text.contains("Quintanilla"));
		assertThat(texts(ally)).noneMatch(text -> text.contains("Marisol"));
		assertThat(messenger.status(queued.messageId()).orElseThrow().status()).as("never sent").isEqualTo("DROPPED");
		drainOutbox();
		assertThat(sentTo(waiting)).as("no attempt after the erasure").hasSize(attempts);

		List<ConsentRecord> ledger = consent.ledger(new ParticipantId(id));
		assertThat(ledger).extracting(entry -> entry.change().name()).contains("REQUESTED", "GRANTED", "REVOKED");
		assertThat(ledger).extracting(ConsentRecord::why).doesNotContain(WHY).contains(ConsentService.NAMED_AS_ALLY);
		List<AuditView> audit = escalation.audit(new ParticipantId(id));
		assertThat(audit).extracting(AuditView::kind).contains(AuditKind.CONSENT_REQUESTED, AuditKind.CRISIS, AuditKind.ERASED);
		assertThat(audit).allSatisfy(entry -> assertThat(entry.toString()).doesNotContain("sister", "Marisol", phone));
		assertThat(audit).filteredOn(entry -> entry.kind() == AuditKind.CONSENT_REQUESTED)
			.extracting(AuditView::reason)
			.allMatch(reason -> reason.startsWith(ConsentService.NAMED_AS_ALLY + " (by coach:coach; kinds"));

		assertThat(storeFilesHolding(name, phone, WHY)).as("the store's files once erasure returned").isEmpty();

		participants.erase(new ParticipantId(id)); // a repeat changes nothing
		assertThat(escalation.audit(new ParticipantId(id))).filteredOn(entry -> entry.kind() == AuditKind.ERASED).hasSize(1);
	}

	@Test
	void anErasureCutShortIsFinishedByTheSweep() throws IOException {
		String name = "Bartholomew Okonkwo";
		String phone = "+13475550173";
		String id = enrol(name, phone, "America/New_York", "10:43");
		invite(id, "Ines Farrow", "+13475550175");
		String chat = webChatLink(phone);
		// The node stopped right after it recorded the erasure and deleted the profile.
		pendingErasures.save(new PendingErasure(id, phone, clock.instant()));
		mongo.remove(org.springframework.data.mongodb.core.query.Query.query(
				org.springframework.data.mongodb.core.query.Criteria.where("_id").is(id)), Participant.class);
		assertThat(http.getForEntity("/chat/" + chat, String.class).getStatusCode()).as("not erased yet")
			.isEqualTo(HttpStatus.OK);

		assertThat(participants.finishErasures()).as("a live node may still be at it").isZero();
		clock.advance(ParticipantService.ERASURE_RETRY_AFTER.plus(Duration.ofSeconds(1)));
		assertThat(participants.finishErasures()).isEqualTo(1);

		assertThat(http.getForEntity("/chat/" + chat, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(consent.allies(new ParticipantId(id))).isEmpty();
		assertThat(consent.ledger(new ParticipantId(id))).extracting(ConsentRecord::why).doesNotContain(WHY);
		assertThat(escalation.audit(new ParticipantId(id))).extracting(AuditView::kind).containsOnlyOnce(AuditKind.ERASED);
		assertThat(pendingErasures.findById(id)).isEmpty();
		assertThat(storeFilesHolding(name, phone, WHY)).isEmpty();
		assertThat(participants.finishErasures()).isZero();
	}

	private void invite(String participant, String allyName, String allyPhone) {
		ResponseEntity<JsonNode> invited = coach().postForEntity("/api/participants/" + participant + "/allies",
				Map.of("name", allyName, "phone", allyPhone, "why", WHY, "kinds",
						List.of("MISSED_CHECK_INS", "BACK_IN_TOUCH", "CRISIS")),
				JsonNode.class);
		assertThat(invited.getStatusCode()).isEqualTo(HttpStatus.CREATED);
	}

	private String webChatLink(String phone) {
		ResponseEntity<JsonNode> link = coach().postForEntity("/api/web-chat/links", Map.of("phone", phone), JsonNode.class);
		assertThat(link.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String token = link.getBody().get("token").asText();
		assertThat(http.getForEntity("/chat/" + token, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
		return token;
	}

	/** The texts of the records of messages to a number, as the outbox keeps them (null once erased). */
	private List<String> texts(String to) {
		return messenger.recent(to, 500).stream().map(SentMessage::body).filter(Objects::nonNull).toList();
	}

	/** The files of the data directory that hold any of these strings, as bytes on disk (UTF-8). */
	private List<String> storeFilesHolding(String... secrets) throws IOException {
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.list(system.dataDir())) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
				for (String secret : secrets) {
					if (content.contains(new String(secret.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1))) {
						found.add(file.getFileName() + ": " + secret);
					}
				}
			}
		}
		return found;
	}
}
