package org.reconnect.participants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * What messaging learns of a participant's contact: their language picks a WhatsApp template, and
 * a profile kept without one reads the first configured language, never one written in Java.
 */
class ParticipantContactsTests {

	private final ParticipantService participants = mock(ParticipantService.class);

	private final ParticipantRecipients contacts = new ParticipantRecipients(participants);

	@Test
	void aParticipantsOwnLanguageElseTheFirstConfiguredOne() {
		when(participants.languages()).thenReturn(List.of("es", "en"));
		when(participants.findByPhone("+12025550143")).thenReturn(Optional.of(profile("+12025550143", "en")));
		when(participants.findByPhone("+12025550144")).thenReturn(Optional.of(profile("+12025550144", null)));

		assertThat(contacts.contact("+12025550143").orElseThrow().language()).isEqualTo("en");
		assertThat(contacts.contact("+12025550144").orElseThrow().language()).isEqualTo("es");
	}

	private static ParticipantProfile profile(String phone, String language) {
		return new ParticipantProfile(new ParticipantId("p" + phone), "Ana Ríos", phone, ZoneId.of("America/New_York"),
				LocalTime.of(9, 0), language, ParticipantStatus.ACTIVE, "coach", Instant.parse("2030-03-01T10:00:00Z"),
				null, null);
	}
}
