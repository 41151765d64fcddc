package org.reconnect.participants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.reconnect.messaging.Sender;

/** Who wrote: a participant's profile with one read of the store, or an unknown number. */
class SenderLookupTests {

	private final ParticipantService participants = mock(ParticipantService.class);

	private final ParticipantRecipients lookup = new ParticipantRecipients(participants);

	@Test
	void aParticipantsNumberIsTheirProfileReadOnce() {
		ParticipantProfile ana = new ParticipantProfile(new ParticipantId("p1"), "Ana", "+12025550143",
				ZoneId.of("America/New_York"), LocalTime.of(9, 0), "es", ParticipantStatus.ACTIVE, "coach",
				Instant.parse("2030-03-01T10:00:00Z"), null, null);
		when(participants.findByPhone("+12025550143")).thenReturn(Optional.of(ana));

		Sender sender = lookup.identify("+12025550143");

		assertThat(sender).isSameAs(ana);
		verify(participants, times(1)).findByPhone("+12025550143");
	}

	@Test
	void anyOtherNumberIsUnknownWithItsNumber() {
		when(participants.findByPhone("+12025550199")).thenReturn(Optional.empty());

		assertThat(lookup.identify("+12025550199")).isEqualTo(new Sender.Unknown("+12025550199"));
	}
}
