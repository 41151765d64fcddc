package org.reconnect.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.reconnect.flows.AllyAnswered;
import org.reconnect.flows.ConversationRuntime;
import org.reconnect.flows.FlowCatalog;
import org.reconnect.messaging.ChannelKind;
import org.reconnect.messaging.Messenger;
import org.reconnect.participants.ParticipantId;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantService;
import org.reconnect.participants.ParticipantStatus;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The consent module started alone, on the embedded store with the clock of system: participants,
 * flows and messaging, which it uses through their public services, are stood in for. An ally is
 * asked; nothing holds until their own YES, which then covers exactly the kinds asked for; each
 * change is a ledger line and a {@link ConsentChanged} event carrying the typed change.
 */
@ApplicationModuleTest(extraIncludes = { "system", "embedded" })
@TestPropertySource(properties = { "spring.quartz.auto-startup=false",
		// the health groups name contributors of modules not started here
		"management.endpoint.health.validate-group-membership=false",
		"spring.quartz.properties.org.quartz.scheduler.instanceName=consent-module-tests",
		"reconnect.messaging.twilio.account-sid=", "reconnect.messaging.twilio.auth-token=" })
class ConsentModuleTests {

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) throws IOException {
		String dir = Files.createTempDirectory("reconnect-consent-module").toString();
		registry.add("reconnect.data-dir", () -> dir);
	}

	@MockitoBean
	ParticipantService participants;

	@MockitoBean
	FlowCatalog flows;

	@MockitoBean
	ConversationRuntime conversations;

	@MockitoBean
	Messenger messenger;

	private final ConsentService consent;

	private final ApplicationEventPublisher events;

	ConsentModuleTests(ConsentService consent, ApplicationEventPublisher events) {
		this.consent = consent;
		this.events = events;
	}

	@Test
	void nothingHoldsUntilTheAllysOwnYesWhichCoversExactlyWhatWasAsked(AssertablePublishedEvents published) {
		ParticipantId sam = new ParticipantId("consent-module-sam");
		given(participants.find(sam)).willReturn(Optional.of(new ParticipantProfile(sam, "Sam Rivera", "+12025550143",
				ZoneId.of("America/New_York"), LocalTime.of(9, 0), "en", ParticipantStatus.ACTIVE, "coach",
				Instant.parse("2030-01-01T00:00:00Z"), null, null, null, ChannelKind.SMS, false)));
		given(participants.languages()).willReturn(List.of("en", "es"));
		given(flows.exists(anyString())).willReturn(true);

		AllyView asked = consent.invite(sam, "Maria Lopez", "+1 202 555 0178", null,
				EnumSet.of(AlertKind.MISSED_CHECK_INS), null, null, "coach:coach", "request-1");

		assertThat(asked.consent()).isEqualTo("REQUESTED");
		assertThat(asked.phone()).isEqualTo("+12025550178");
		verify(conversations).startWithAlly(argThat(ally -> ally.allyId().equals(asked.id())), eq("ally-invitation"),
				isNull(), any());
		assertThat(consent.consentHolds(asked.id(), AlertKind.MISSED_CHECK_INS)).as("asked is not agreed").isFalse();

		events.publishEvent(new AllyAnswered(asked.id(), sam, true, "conversation-1", "message-1"));

		assertThat(consent.consentHolds(asked.id(), AlertKind.MISSED_CHECK_INS)).isTrue();
		assertThat(consent.consentHolds(asked.id(), AlertKind.CRISIS)).as("not asked for").isFalse();
		assertThat(consent.alliesWhoConsented(sam, AlertKind.MISSED_CHECK_INS)).extracting(AllyView::id)
			.containsExactly(asked.id());
		assertThat(consent.ledger(sam)).extracting(ConsentRecord::change)
			.containsExactly(ConsentChange.REQUESTED, ConsentChange.GRANTED);
		assertThat(published.ofType(ConsentChanged.class).matching(ConsentChanged::allyId, asked.id()))
			.extracting(ConsentChanged::change)
			.containsExactly(ConsentChange.REQUESTED, ConsentChange.GRANTED);
	}
}
