package org.reconnect.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.bson.BsonValue;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.reconnect.MutableClock;
import org.reconnect.SimulatorAppTestBase;
import org.reconnect.consent.ConsentChange;
import org.reconnect.participants.ParticipantId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.JsonNode;

/**
 * Audit kinds are an enum stored by name: lines written while kinds were strings read back under
 * the same name (in the service and in the API's JSON), and what the code writes now is stored as
 * the plain name of a declared kind.
 */
class AuditKindsIntegrationTests extends SimulatorAppTestBase {

	@Autowired
	TestRestTemplate http;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	EscalationService escalation;

	@Autowired
	MutableClock clock;

	@Test
	void aLineStoredWhenKindsWereStringsReadsBackUnderTheSameName() {
		TestRestTemplate coach = http.withBasicAuth("coach", "sim-pass-2030");
		String id = enrol(coach, "Ola Berg", "+12025550491");
		// as the code before the enum wrote it: "CONSENT_" + the consent ledger's change, a string
		mongo.getCollection("audit").insertOne(new Document("at", Date.from(START)).append("participantId", id)
			.append("kind", "CONSENT_" + "RENEWAL_REQUESTED")
			.append("subject", "ally:old-ally")
			.append("reason", "consent ends soon (by system; kinds [MISSED_CHECK_INS])")
			.append("refs", List.of("old-entry"))
			.append("_class", "org.reconnect.escalation.AuditEntry"));

		assertThat(escalation.audit(new ParticipantId(id))).extracting(AuditView::kind, AuditView::subject)
			.contains(org.assertj.core.groups.Tuple.tuple(AuditKind.CONSENT_RENEWAL_REQUESTED, "ally:old-ally"));
		ResponseEntity<JsonNode> api = coach.getForEntity("/api/participants/" + id + "/audit", JsonNode.class);
		assertThat(api.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(api.getBody().findValuesAsString("kind")).contains("CONSENT_RENEWAL_REQUESTED");
		coach.delete("/api/participants/" + id);
	}

	@Test
	void everyKindTheCodeWritesIsADeclaredOneStoredByItsName() {
		clock.set(START);
		TestRestTemplate coach = http.withBasicAuth("coach", "sim-pass-2030");
		String id = enrol(coach, "Pia Holm", "+12025550492");
		String ally = "+12025550493";
		assertThat(coach.postForEntity("/api/participants/" + id + "/allies",
				Map.of("name", "Rut Lind", "phone", ally, "kinds", List.of("MISSED_CHECK_INS")), JsonNode.class)
			.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		coach.postForEntity("/api/simulator/inbound", Map.of("from", ally, "body", "YES"), JsonNode.class);
		coach.delete("/api/participants/" + id);

		List<Document> written = mongo.getCollection("audit").find(new Document("participantId", id)).into(new java.util.ArrayList<>());
		assertThat(written).extracting(line -> line.get("kind"))
			.as("stored as plain names, as before the enum")
			.containsSubsequence("CONSENT_REQUESTED", "CONSENT_GRANTED", "ERASED")
			.allMatch(String.class::isInstance);
		Set<String> declared = Arrays.stream(AuditKind.values()).map(Enum::name).collect(Collectors.toSet());
		List<BsonValue> everyStoredKind = mongo.getCollection("audit").distinct("kind", BsonValue.class)
			.into(new java.util.ArrayList<>());
		assertThat(everyStoredKind).as("every kind written by the tests of this context so far").isNotEmpty()
			.allMatch(kind -> kind.isString() && declared.contains(kind.asString().getValue()));
	}

	@Test
	void eachConsentChangeIsAuditedUnderTheNameItHadAsAString() {
		for (ConsentChange change : ConsentChange.values()) {
			assertThat(AuditKind.of(change).name()).isEqualTo("CONSENT_" + change.name());
		}
	}

	private static String enrol(TestRestTemplate coach, String name, String phone) {
		return coach.postForEntity("/api/participants", Map.of("name", name, "phone", phone, "timeZone",
				"America/New_York", "checkInTime", "10:30"), JsonNode.class).getBody().get("id").asText();
	}
}
