package org.reconnect.consent;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.reconnect.participants.ParticipantId;
import org.reconnect.participants.QuietHours;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Someone the participant chose to be told when they go quiet: who they are and how to reach
 * them. Whether they may be told anything is never stored here: it is derived from the consent
 * ledger ({@link ConsentState}).
 */
@Document("allies")
class Ally {

	@Id
	String id;

	@Indexed
	String participantId;

	String name;

	@Indexed
	String phone;

	/** The ally's time zone for quiet hours; null means the participant's. */
	String zone;

	/** The ally's own quiet hours, local HH:mm; null means the organisation's. */
	String quietStart;

	String quietEnd;

	/** The language to write to the ally in; null means the participant's. */
	String language;

	/** The consent end a renewal prompt was sent for, so each lapse is prompted once. */
	Instant renewalPromptedFor;

	@Version
	Long version;

	static Ally named(ParticipantId participant, String name, String phone, ZoneId zone, String language) {
		Ally ally = new Ally();
		ally.participantId = participant.value();
		ally.name = name;
		ally.phone = phone;
		ally.zone = zone == null ? null : zone.getId();
		ally.language = language;
		return ally;
	}

	/** Their zone (null: the participant's) and their own quiet hours (null: the organisation's). */
	void keepHours(ZoneId zone, QuietHours hours) {
		this.zone = zone == null ? null : zone.getId();
		this.quietStart = hours == null ? null : hours.start().toString();
		this.quietEnd = hours == null ? null : hours.end().toString();
	}

	QuietHours quietHours() {
		return quietStart == null || quietEnd == null ? null
				: new QuietHours(LocalTime.parse(quietStart), LocalTime.parse(quietEnd));
	}

	String firstName() {
		return org.reconnect.system.Names.first(name);
	}

	AllyView view(ConsentState state, Instant now) {
		return new AllyView(id, new ParticipantId(participantId), name, phone, zone == null ? null : ZoneId.of(zone),
				language, state.status(now), state.kinds() == null ? List.of() : state.kinds(), state.requestedAt(),
				state.from(), state.until(), quietHours());
	}
}
