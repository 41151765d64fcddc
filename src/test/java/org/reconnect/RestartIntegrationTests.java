package org.reconnect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.Scheduler;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.reconnect.flows.ConversationRuntime;
import org.reconnect.flows.ConversationView;
import org.reconnect.participants.ParticipantId;
import org.reconnect.scheduling.CheckInSlots;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;

/**
 * Stops the service and starts it again on the same data directory, with the simulator channel
 * (no Twilio account): participants, schedules, Quartz triggers, a conversation in the middle and
 * a coach's passkey survive, and a check-in that fell due while the service was down follows the misfire policy.
 */
class RestartIntegrationTests {

	private static final String SLOT = "America/New_York@09:00";

	private static final Bytes PASSKEY_USER = Bytes.random();

	private static final Bytes PASSKEY = Bytes.random();

	@TempDir
	Path dataDir;

	/** 07:30 on a Saturday in New York. */
	private final MutableClock clock = new MutableClock(Instant.parse("2030-03-09T12:30:00Z"));

	@Test
	void schedulesAndConversationsSurviveARestartAndMissedCheckInsFollowTheMisfirePolicy() throws Exception {
		String id;
		try (ConfigurableApplicationContext first = start()) {
			RestClient api = api(first);
			JsonNode sam = api.post().uri("/api/participants").contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("name", "Sam", "phone", "+1 202 555 0171", "timeZone", "America/New_York", "checkInTime", "09:00"))
				.retrieve().body(JsonNode.class);
			id = sam.get("id").asText();
			api.post().uri("/api/participants/" + id + "/check-ins").retrieve().toBodilessEntity();
			simulate(api, "+12025550171", "4");
			assertThat(first.getBean(ConversationRuntime.class).open(new ParticipantId(id)).orElseThrow().state())
				.isEqualTo("cravings");
			// the coach registers a passkey (as the registration ceremony stores it)
			first.getBean(PublicKeyCredentialUserEntityRepository.class).save(ImmutablePublicKeyCredentialUserEntity.builder()
				.id(PASSKEY_USER).name("coach").displayName("coach").build());
			first.getBean(UserCredentialRepository.class).save(ImmutableCredentialRecord.builder()
				.credentialType(PublicKeyCredentialType.PUBLIC_KEY).credentialId(PASSKEY).userEntityUserId(PASSKEY_USER)
				.publicKey(new ImmutablePublicKeyCose(new byte[] { 1, 2, 3 })).signatureCount(3).label("Work phone")
				.created(clock.instant()).lastUsed(clock.instant()).build());
		}

		// Down through Saturday's 09:00 (14:00 UTC); back 90 minutes later, inside the 2h late limit.
		clock.set(Instant.parse("2030-03-09T15:30:00Z"));
		try (ConfigurableApplicationContext second = start()) {
			RestClient api = api(second);
			ParticipantId sam = new ParticipantId(id);
			ConversationRuntime conversations = second.getBean(ConversationRuntime.class);
			CheckInSlots checkIns = second.getBean(CheckInSlots.class);

			assertThat(api.get().uri("/api/participants/" + id).retrieve().body(JsonNode.class).at("/profile/name").asText())
				.isEqualTo("Sam");
			Trigger trigger = second.getBean(Scheduler.class).getTrigger(TriggerKey.triggerKey(SLOT, "check-in-slots"));
			assertThat(trigger.getNextFireTime().toInstant()).isEqualTo(Instant.parse("2030-03-09T14:00:00Z"));
			assertThat(trigger.getMisfireInstruction()).isEqualTo(SimpleTrigger.MISFIRE_INSTRUCTION_FIRE_NOW);

			// The coach's passkey is still there to sign in with.
			assertThat(second.getBean(PublicKeyCredentialUserEntityRepository.class).findByUsername("coach").getId())
				.isEqualTo(PASSKEY_USER);
			assertThat(second.getBean(UserCredentialRepository.class).findByCredentialId(PASSKEY).getSignatureCount())
				.isEqualTo(3);

			// The conversation goes on where it was, from the state stored in MongoDB.
			simulate(api, "+12025550171", "no");
			assertThat(conversations.open(sam).orElseThrow().state()).isEqualTo("connection");
			simulate(api, "+12025550171", "my sister");
			assertThat(conversations.open(sam)).isEmpty();

			// What Quartz runs when the misfired trigger fires now: 90 minutes late is still useful.
			assertThat(checkIns.fire(SLOT)).isEqualTo(1);
			assertThat(lastTo(api, "+12025550171")).startsWith("Hi Sam, it's check-in time.");
			assertThat(checkIns.nextSlotFire(sam)).contains(Instant.parse("2030-03-10T13:00:00Z"));
		}

		// Down through Sunday's 09:00 (13:00 UTC); back three hours later: too late, skipped.
		clock.set(Instant.parse("2030-03-10T16:00:00Z"));
		try (ConfigurableApplicationContext third = start()) {
			RestClient api = api(third);
			ParticipantId sam = new ParticipantId(id);
			ConversationRuntime conversations = third.getBean(ConversationRuntime.class);
			int before = conversations.history(sam).size();

			assertThat(third.getBean(CheckInSlots.class).fire(SLOT)).isZero();
			assertThat(conversations.history(sam)).hasSize(before);
			assertThat(third.getBean(CheckInSlots.class).nextCheckIn(sam)).contains(Instant.parse("2030-03-11T13:00:00Z"));
			assertThat(lastTo(api, "+12025550171")).startsWith("Hi Sam, it's check-in time.");
			List<ConversationView> history = conversations.history(sam);
			assertThat(history).extracting(ConversationView::status).doesNotContain("EXPIRED");
		}
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(ReconnectApplication.class)
			.initializers(context -> context.getBeanFactory().registerSingleton("testClock", clock))
			// As command-line arguments, so they win over application.yml as a deployer's would.
			.run("--server.port=0", "--spring.quartz.auto-startup=false",
					"--spring.quartz.properties.org.quartz.scheduler.instanceName=restart-tests", "--reconnect.data-dir=" + dataDir,
					"--reconnect.console.initial-coach.password=restart-pass-2030", "--reconnect.messaging.twilio.account-sid=",
					"--reconnect.messaging.twilio.auth-token=");
	}

	private static RestClient api(ConfigurableApplicationContext context) {
		String port = context.getEnvironment().getProperty("local.server.port");
		return RestClient.builder()
			.baseUrl("http://localhost:" + port)
			.defaultHeaders(headers -> headers.setBasicAuth("coach", "restart-pass-2030"))
			.build();
	}

	private static void simulate(RestClient api, String from, String body) {
		JsonNode reply = api.post().uri("/api/simulator/inbound").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("from", from, "body", body)).retrieve().body(JsonNode.class);
		assertThat(reply.get("outcome").asText()).isEqualTo("HANDLED");
	}

	private static String lastTo(RestClient api, String to) {
		JsonNode messages = api.get().uri(uri -> uri.path("/api/simulator/messages").queryParam("to", to).build())
			.retrieve().body(JsonNode.class);
		return messages.get(0).get("body").asText();
	}
}
