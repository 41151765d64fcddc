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
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

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

	/**
	 * The participant and this number together: unique, so a number is one ally of a participant
	 * however many requests name it at once. Sparse: allies named before it existed have none
	 * (their duplicates, if any, stay; a new request finds them by participant and number).
	 */
	@Indexed(unique = true, sparse = true)
	String participantNumber;

	/**
	 * When they were last asked, set in the same write that names them or claims them for a new
	 * request: until the ledger shows that request, the number is being asked and is not asked
	 * again. Absent on allies named before it existed.
	 */
	Instant requestedAt;

	/**
	 * When a consent in force was last asked to add something (good news), set and saved against the
	 * version before its ledger entry is written: of two requests at the same moment one is made.
	 */
	Instant additionRequestedAt;

	/** The ally's time zone for quiet hours; null means the participant's. */
	String zone;

	/** The ally's own quiet hours, local HH:mm; null means the organisation's. */
	String quietStart;

	String quietEnd;

	/** The language to write to the ally in; null means the participant's. */
	String language;

	/** The consent end a renewal prompt was sent for, so each lapse is prompted once. */
	Instant renewalPromptedFor;

	/**
	 * When that renewal prompt was sent: one asked late, after waiting for another question, may be
	 * answered for the time to answer from then. Absent on prompts sent before it existed.
	 */
	Instant renewalPromptedAt;

	/**
	 * When a text of this number that no step took was last answered with "this number only sends
	 * alerts" (kept on the number's first ally record, see {@link AllyReplyHandler}).
	 */
	Instant onlyAlertsSaidAt;

	@Version
	Long version;

	static Ally named(ParticipantId participant, String name, String phone, ZoneId zone, String language,
			Instant requestedAt) {
		Ally ally = new Ally();
		ally.participantId = participant.value();
		ally.name = name;
		ally.phone = phone;
		ally.zone = zone == null ? null : zone.getId();
		ally.language = language;
		ally.participantNumber = participant.value() + ":" + phone;
		ally.requestedAt = requestedAt;
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

	/**
	 * Whether a request for this ally is under way that the ledger does not show yet (named or
	 * claimed a moment ago): the ledger's last request is not the one recorded here.
	 */
	boolean beingAsked(ConsentState state) {
		return requestedAt != null && !requestedAt.equals(state.requestedAt());
	}

	/**
	 * Whether a request to add to their consent is under way that the ledger does not show yet (saved
	 * a moment ago), within the time to answer one.
	 */
	boolean additionBeingAsked(ConsentState state, Instant now, java.time.Duration answerWithin) {
		return additionRequestedAt != null && now.isBefore(additionRequestedAt.plus(answerWithin))
				&& (state.adding() == null || !additionRequestedAt.equals(state.adding().requestedAt()));
	}

	/**
	 * Claims the ally, whose consent ended, for a new request: one atomic update, which only the
	 * first of requests at the same moment makes (the ledger's last request still the one here).
	 */
	static Query claimable(String id, Instant lastRequested) {
		return Query.query(Criteria.where("_id").is(id).and("requestedAt").in(null, lastRequested));
	}

	/** Asked again: the name, zone, quiet hours and language may have changed. */
	static Update askedAgain(String name, ZoneId zone, QuietHours hours, String language, String participantNumber,
			Instant at) {
		return new Update().set("name", name)
			.set("zone", zone == null ? null : zone.getId())
			.set("quietStart", hours == null ? null : hours.start().toString())
			.set("quietEnd", hours == null ? null : hours.end().toString())
			.set("language", language)
			.set("participantNumber", participantNumber)
			.set("requestedAt", at)
			.inc("version", 1);
	}

	String firstName() {
		return org.reconnect.system.Names.first(name);
	}

	AllyView view(ConsentState state, Instant now) {
		return new AllyView(id, new ParticipantId(participantId), name, phone, zone == null ? null : ZoneId.of(zone),
				language, state.status(now), state.kinds() == null ? List.of() : state.kinds(), state.asking(now),
				state.requestedAt(),
				state.from(), state.until(), quietHours());
	}
}
