package org.reconnect.participants;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.reconnect.messaging.ChannelKind;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** The participant aggregate: its state changes are the methods below. */
@Document("participants")
class Participant {

	@Id
	private String id;

	private String name;

	@Indexed(unique = true)
	private String phone;

	private String zone;

	private String checkInTime;

	private String language;

	/** Local HH:mm; absent means the default quiet hours. */
	private String quietStart;

	private String quietEnd;

	private ParticipantStatus status;

	@Indexed
	private String coach;

	private Instant enrolledAt;

	@Indexed(sparse = true)
	private Instant pausedUntil;

	/** Per-participant responsiveness settings; null means the defaults. */
	private Long graceMinutes;

	private Integer missedToQuiet;

	private Boolean anyMessageCounts;

	/** How messages reach them; absent means SMS. */
	private ChannelKind channel;

	/** Whether a failed WhatsApp message goes again by SMS; absent means yes. */
	private Boolean smsFallback;

	@Version
	private Long version;

	Participant() {
	}

	static Participant enrol(String name, String phone, ZoneId zone, LocalTime checkInTime, String language, String coach,
			Instant now) {
		Participant participant = new Participant();
		participant.name = name;
		participant.phone = phone;
		participant.zone = zone.getId();
		participant.checkInTime = checkInTime.toString();
		participant.language = language;
		participant.status = ParticipantStatus.ACTIVE;
		participant.coach = coach;
		participant.enrolledAt = now;
		return participant;
	}

	void checkInAt(LocalTime time) {
		checkInTime = time.toString();
	}

	void rename(String name) {
		this.name = name;
	}

	/** A new number: messages go to it from now on (the unique index refuses one already taken). */
	void reachAt(String phone) {
		this.phone = phone;
	}

	/** They live in another zone: check-ins and quiet hours are read in it. */
	void moveTo(ZoneId zone) {
		this.zone = zone.getId();
	}

	/** Another coach's caseload from now on. */
	void assignTo(String coach) {
		this.coach = coach;
	}

	String coach() {
		return coach;
	}

	/** Everything written to them from now on comes in this language. */
	void speak(String language) {
		this.language = language;
	}

	/*
	 * A pause and its end are single atomic updates of the stored participant, so that of requests
	 * at the same moment exactly one changes the state (and is announced): the rules are here.
	 */

	/** Where pausing until {@code until} changes something: not opted out, and not paused until then already. */
	static Query pausable(String id, Instant until) {
		return Query.query(Criteria.where("_id").is(id)
			.and("status").ne(ParticipantStatus.OPTED_OUT)
			.orOperator(Criteria.where("status").ne(ParticipantStatus.PAUSED), Criteria.where("pausedUntil").ne(until)));
	}

	/** Pauses check-ins and escalation until {@code until}. */
	static Update pause(Instant until) {
		return new Update().set("status", ParticipantStatus.PAUSED).set("pausedUntil", until).inc("version", 1);
	}

	/** Where a pause with no end changes something: the participant is active. */
	static Query pausableUntilResumed(String id) {
		return Query.query(Criteria.where("_id").is(id).and("status").is(ParticipantStatus.ACTIVE));
	}

	/** Pauses check-ins and escalation until the participant (or their coach) resumes them: no end date. */
	static Update pauseUntilResumed() {
		return new Update().set("status", ParticipantStatus.PAUSED).unset("pausedUntil").inc("version", 1);
	}

	/** Where a pause can end: the participant is paused. */
	static Query resumable(String id) {
		return Query.query(Criteria.where("_id").is(id).and("status").is(ParticipantStatus.PAUSED));
	}

	/** Ends a pause early or on time. */
	static Update resume() {
		return new Update().set("status", ParticipantStatus.ACTIVE).unset("pausedUntil").inc("version", 1);
	}

	boolean optedOut() {
		return status == ParticipantStatus.OPTED_OUT;
	}

	void respondWithin(ResponsivenessSettings settings) {
		graceMinutes = settings.gracePeriod().toMinutes();
		missedToQuiet = settings.missedToQuiet();
		anyMessageCounts = settings.anyMessageCounts();
	}

	void optOut() {
		status = ParticipantStatus.OPTED_OUT;
	}

	void optBackIn() {
		if (status == ParticipantStatus.OPTED_OUT) {
			status = ParticipantStatus.ACTIVE;
		}
	}

	void reachBy(ChannelKind channel, boolean smsFallback) {
		this.channel = channel;
		this.smsFallback = smsFallback;
	}

	ChannelKind channel() {
		return channel == null ? ChannelKind.SMS : channel;
	}

	boolean smsFallback() {
		return smsFallback == null || smsFallback;
	}

	void keepQuietHours(QuietHours hours) {
		quietStart = hours.start().toString();
		quietEnd = hours.end().toString();
	}

	String phone() {
		return phone;
	}

	ParticipantProfile profile(ResponsivenessSettings defaults) {
		ResponsivenessSettings responsiveness = new ResponsivenessSettings(
				graceMinutes == null ? defaults.gracePeriod() : java.time.Duration.ofMinutes(graceMinutes),
				missedToQuiet == null ? defaults.missedToQuiet() : missedToQuiet,
				anyMessageCounts == null ? defaults.anyMessageCounts() : anyMessageCounts);
		return new ParticipantProfile(new ParticipantId(id), name, phone, ZoneId.of(zone), LocalTime.parse(checkInTime),
				language, status, coach, enrolledAt, pausedUntil, responsiveness, quietHours(), channel(), smsFallback());
	}

	private QuietHours quietHours() {
		return quietStart == null || quietEnd == null ? QuietHours.DEFAULT
				: new QuietHours(LocalTime.parse(quietStart), LocalTime.parse(quietEnd));
	}
}
