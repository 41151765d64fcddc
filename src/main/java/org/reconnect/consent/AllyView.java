package org.reconnect.consent;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.reconnect.participants.ParticipantId;
import org.reconnect.participants.QuietHours;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An ally as a coach sees them, with their consent as the ledger says it is now.
 *
 * @param zone the ally's time zone for quiet hours, {@code timeZone} in the API; null means the participant's
 * @param language the language the ally is written to in; null means the participant's
 * @param consent REQUESTED, EXPIRED (no answer in time), GRANTED, LAPSED (past its end),
 * DECLINED, REVOKED (by the participant or coach) or WITHDRAWN (by the ally)
 * @param kinds the kinds of alert asked for or agreed to
 * @param asking what an ally whose consent holds is being asked to add (e.g. PROGRESS), until they answer
 * or the time to answer passes; empty otherwise. Not covered until their yes.
 * @param quietHours the ally's own quiet hours in their zone; null means the organisation's
 * ({@code reconnect.escalation.quiet-hours-*})
 */
public record AllyView(String id, ParticipantId participant, String name, String phone,
		@JsonProperty("timeZone") @JsonAlias("zone") ZoneId zone, String language,
		String consent,
		List<AlertKind> kinds, List<AlertKind> asking, Instant requestedAt, Instant consentFrom, Instant consentUntil,
		QuietHours quietHours) {
}
