package org.reconnect.consent;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.reconnect.flows.AllyAnswered;
import org.reconnect.flows.ConversationRuntime;
import org.reconnect.flows.FlowCatalog;
import org.reconnect.flows.InvitedAlly;
import org.reconnect.messaging.Messenger;
import org.reconnect.messaging.OptOutChanged;
import org.reconnect.messaging.OutboundMessage;
import org.reconnect.messaging.Purpose;
import org.reconnect.participants.ParticipantErased;
import org.reconnect.participants.ParticipantId;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantService;
import org.reconnect.participants.QuietHours;
import org.reconnect.system.InvalidInput;
import org.reconnect.system.PhoneNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The consent module's public face: invite an ally, revoke, and say who may be told what right
 * now. Every change is a new ledger entry; what holds is always derived from the ledger. The
 * invitation itself is a conversation flow with the ally (ally-invitation), whose answer comes
 * back here as {@link AllyAnswered}.
 */
@Service
public class ConsentService {

	private static final Logger log = LoggerFactory.getLogger(ConsentService.class);

	/**
	 * The reason an invitation's ledger entry keeps once the participant is erased: whatever words
	 * the coach or participant gave for naming the ally leave with them.
	 */
	public static final String NAMED_AS_ALLY = "named as an ally";

	/** What an ally is asked to agree to unless the participant asks for more (crisis). */
	public static final Set<AlertKind> DEFAULT_KINDS = EnumSet.of(AlertKind.MISSED_CHECK_INS, AlertKind.BACK_IN_TOUCH);

	private final Allies allies;
	private final ConsentLedger ledger;
	private final ParticipantService participants;
	private final PhoneNumbers phones;
	private final Messenger messenger;
	private final ConsentSettings settings;
	private final MongoTemplate mongo;
	private final Clock clock;
	private final ConversationRuntime conversations;
	private final FlowCatalog flows;
	private final AllyTexts texts;
	private final ConsentEntries entries;
	private final ConsentRenewals renewals;
	private final ConsentAdditions additions;
	private final AllyNaming naming;

	ConsentService(Allies allies, ConsentLedger ledger, ParticipantService participants, PhoneNumbers phones,
			Messenger messenger, ConsentSettings settings, MongoTemplate mongo, Clock clock,
			ConversationRuntime conversations, FlowCatalog flows, AllyTexts texts, ConsentEntries entries,
			ConsentRenewals renewals, ConsentAdditions additions, AllyNaming naming) {
		this.additions = additions;
		this.naming = naming;
		this.entries = entries;
		this.renewals = renewals;
		this.texts = texts;
		this.conversations = conversations;
		this.flows = flows;
		this.allies = allies;
		this.ledger = ledger;
		this.participants = participants;
		this.phones = phones;
		this.messenger = messenger;
		this.settings = settings;
		this.mongo = mongo;
		this.clock = clock;
	}

	/**
	 * Names an ally and asks them, through the invitation flow, whether they agree to the given
	 * kinds of alert. The participant (or the coach at their request) is the only one who names
	 * allies.
	 *
	 * @param kinds what the ally would be told; empty or null means {@link #DEFAULT_KINDS}
	 * @param language the ally's language (en or es); null or blank means the participant's
	 * @param by "participant" or "coach:<username>"
	 * @param cause the message or request that carried it
	 * @throws InvalidInput when the name, phone or zone cannot be used
	 * @throws AllyQuestionOpen when the number has a question open (another participant's included)
	 */
	public AllyView invite(ParticipantId participantId, String name, String rawPhone, String zone, Set<AlertKind> kinds,
			String language, String why, String by, String cause) {
		return invite(participantId, name, rawPhone, zone, null, kinds, language, why, by, cause);
	}

	/**
	 * {@link #invite} with the ally's own quiet hours.
	 *
	 * @param quietHours the ally's own, in their zone; null means the organisation's
	 */
	public AllyView invite(ParticipantId participantId, String name, String rawPhone, String zone, QuietHours quietHours,
			Set<AlertKind> kinds, String language, String why, String by, String cause) {
		ParticipantProfile participant = participants.find(participantId).orElseThrow();
		String allyName = name == null ? "" : name.trim();
		if (allyName.isEmpty() || allyName.length() > 100) {
			throw InvalidInput.of("name", "problem.ally.name");
		}
		String phone = phones.toE164("phone", rawPhone);
		if (phone.equals(participant.phone())) {
			throw InvalidInput.of("phone", "problem.ally.own-phone");
		}
		ZoneId allyZone = zone(zone);
		String allyLanguage = language == null || language.isBlank() ? null : language.trim();
		if (allyLanguage != null && !participants.languages().contains(allyLanguage)) {
			throw InvalidInput.of("language", "problem.ally.language", language,
					String.join(", ", participants.languages()));
		}
		if (!flows.exists(settings.invitationFlow())) {
			throw new IllegalStateException("flow " + settings.invitationFlow() + " is not loaded: no ally can be asked");
		}
		List<AlertKind> asked = List.copyOf(kinds == null || kinds.isEmpty() ? DEFAULT_KINDS : EnumSet.copyOf(kinds));
		Instant now = clock.instant();
		Ally ally = naming.named(participantId, allyName, phone, allyZone, quietHours, allyLanguage, now);
		Instant answerBy = now.plus(settings.answerWithin());
		append(ally, ConsentChange.REQUESTED, asked, why == null ? NAMED_AS_ALLY : why, by, now, now, answerBy, cause);
		conversations.startWithAlly(new InvitedAlly(ally.id, participantId, phone, ally.firstName(), allyLanguage),
				settings.invitationFlow(), invitationEntry(asked), answerBy);
		log.info("Ally {} invited for participant {} ({})", ally.id, participantId, asked);
		return ally.view(state(ally), now);
	}

	/**
	 * Where the invitation flow starts, so that it names exactly what is asked: its {@code entries}
	 * "crisis", "progress" (good news beside the alerts), "crisis-progress", or "progress-only".
	 */
	static String invitationEntry(List<AlertKind> asked) {
		boolean crisis = asked.contains(AlertKind.CRISIS);
		if (!asked.contains(AlertKind.PROGRESS)) {
			return crisis ? "crisis" : null;
		}
		if (asked.size() == 1) {
			return "progress-only";
		}
		return crisis ? "crisis-progress" : "progress";
	}

	/**
	 * Asks an ally whose consent holds whether they also want good news (PROGRESS), at the
	 * participant's request: the invitation flow's {@code progress-added} entry, their own YES or NO.
	 * Whatever they answer, what they agreed to before stays as it is; a YES covers PROGRESS until
	 * their consent ends, and it is read from the ledger again when each note goes.
	 *
	 * @param by "coach:<username>"
	 * @return empty when the ally is not the participant's
	 * @throws ProgressNotAskable when they have no consent in force, still have a question to answer,
	 * or agreed to good news already
	 * @throws AllyQuestionOpen when their number has another question open (their renewal, or another
	 * participant's question to the same number)
	 */
	public Optional<AllyView> askForProgress(ParticipantId participant, String allyId, String by, String cause) {
		return additions.askForProgress(participant, allyId, by, cause);
	}

	/**
	 * Sets when the ally may be alerted: their time zone and their own quiet hours, both replaced.
	 *
	 * @param zone an IANA zone; null or blank means the participant's
	 * @param quietHours null means the organisation's
	 * @return empty when the ally is not the participant's
	 * @throws InvalidInput naming {@code timeZone} when it is not a zone
	 */
	public Optional<AllyView> keepAllyHours(ParticipantId participant, String allyId, String zone, QuietHours quietHours) {
		ZoneId allyZone = zone(zone);
		for (int attempt = 1; attempt <= 5; attempt++) {
			Ally ally = allies.findById(allyId).filter(a -> a.participantId.equals(participant.value())).orElse(null);
			if (ally == null) {
				return Optional.empty();
			}
			ally.keepHours(allyZone, quietHours);
			try {
				Ally saved = allies.save(ally);
				log.info("Quiet hours of ally {} for participant {} set", ally.id, participant);
				return Optional.of(saved.view(state(saved), clock.instant()));
			}
			catch (org.springframework.dao.OptimisticLockingFailureException ex) {
				// a renewal prompt changed it meanwhile: read it again
			}
		}
		throw new IllegalStateException("ally " + allyId + " kept changing");
	}

	private static ZoneId zone(String zone) {
		if (zone == null || zone.isBlank()) {
			return null;
		}
		try {
			return ZoneId.of(zone.trim());
		}
		catch (java.time.DateTimeException ex) {
			throw InvalidInput.of("timeZone", "problem.ally.time-zone", zone);
		}
	}

	/** Allies whose consent is asked for or holds, per participant: a handful of people, not a list. */
	static final int MOST_ALLIES = AllyNaming.MOST_ALLIES;

	/** Allies whose consent covers this kind of alert at this moment; asked again right before each alert goes. */
	public List<AllyView> alliesWhoConsented(ParticipantId participant, AlertKind kind) {
		Instant now = clock.instant();
		List<AllyView> consented = new ArrayList<>();
		for (Ally ally : allies.findByParticipantId(participant.value())) {
			ConsentState state = state(ally);
			if (state.covers(kind, now)) {
				consented.add(ally.view(state, now));
			}
		}
		return consented;
	}

	/** Whether the ally's consent covers this kind of alert at this instant, read from the ledger now. */
	public boolean consentHolds(String allyId, AlertKind kind) {
		Instant now = clock.instant();
		return allies.findById(allyId).map(ally -> state(ally).covers(kind, now)).orElse(false);
	}

	public Optional<AllyView> ally(String allyId) {
		Instant now = clock.instant();
		return allies.findById(allyId).map(ally -> ally.view(state(ally), now));
	}

	public List<AllyView> allies(ParticipantId participant) {
		Instant now = clock.instant();
		return allies.findByParticipantId(participant.value()).stream().map(ally -> ally.view(state(ally), now)).toList();
	}

	/** The participants who named an ally on this number (E.164), whatever that ally's consent. */
	public List<ParticipantId> participantsWithAllyOn(String phone) {
		return allies.findByPhone(phone).stream().map(ally -> new ParticipantId(ally.participantId)).distinct().toList();
	}

	/** The participant's whole consent ledger, oldest first. */
	public List<ConsentRecord> ledger(ParticipantId participant) {
		return ledger.findByParticipantIdOrderByAtAscIdAsc(participant.value()).stream().map(ConsentRecord::of).toList();
	}

	/**
	 * The participant (by SMS or through their coach) ends an ally's consent, at once.
	 *
	 * @return false when the ally is not theirs or had nothing left to revoke
	 */
	public boolean revoke(ParticipantId participant, String allyId, String by, String cause) {
		Ally ally = allies.findById(allyId).filter(a -> a.participantId.equals(participant.value())).orElse(null);
		if (ally == null) {
			return false;
		}
		Instant now = clock.instant();
		ConsentState state = state(ally);
		if (!state.granted(now) && !state.awaitingAnswer(now)) {
			return false;
		}
		append(ally, ConsentChange.REVOKED, state.kinds(), "the participant asked", by, now, null, now, cause);
		conversations.endWithAlly(ally.id);
		log.info("Consent of ally {} for participant {} revoked", ally.id, participant);
		return true;
	}

	/** Allies of the participant whose first name matches, with consent to revoke (for "REMOVE Maria"). */
	List<Ally> revocableByFirstName(ParticipantId participant, String firstName) {
		Instant now = clock.instant();
		return allies.findByParticipantId(participant.value()).stream().filter(ally -> {
			ConsentState state = state(ally);
			return ally.firstName().equalsIgnoreCase(firstName.trim()) && (state.granted(now) || state.awaitingAnswer(now));
		}).toList();
	}

	/**
	 * Asks each ally whose consent ends within the renewal window whether to renew (see
	 * {@link ConsentRenewals}).
	 *
	 * @return how many were asked
	 */
	public int promptRenewals() {
		return renewals.promptRenewals();
	}

	ConsentState state(Ally ally) {
		return entries.state(ally);
	}

	private void append(Ally ally, ConsentChange change, List<AlertKind> kinds, String why, String by, Instant at, Instant from,
			Instant until, String messageKey) {
		entries.append(ally, change, kinds, why, by, at, from, until, messageKey);
	}

	/**
	 * The ally answered the invitation flow: YES grants the asked-for kinds for the configured
	 * time, NO declines. The flow has thanked them; only a request still awaiting an answer can
	 * be answered, checked here against the ledger.
	 */
	@EventListener
	void on(AllyAnswered answered) {
		Ally ally = allies.findById(answered.allyId()).orElse(null);
		if (ally == null) {
			return;
		}
		Instant now = clock.instant();
		ConsentState state = state(ally);
		if (!state.awaitingAnswer(now)) {
			if (!additions.answer(ally, state, answered, now)) {
				log.info("Ally {} answered after their request closed ({}); nothing recorded", ally.id, state.status(now));
			}
			return;
		}
		if (answered.granted()) {
			append(ally, ConsentChange.GRANTED, state.kinds(), "the ally said yes", "ally", now, now, now.plus(settings.validFor()),
					answered.messageKey());
		}
		else {
			append(ally, ConsentChange.DECLINED, state.kinds(), "the ally said no", "ally", now, null, null, answered.messageKey());
		}
	}

	/** The ally asked for no more alerts (STOP ALERTS): every consent of that number ends now. */
	boolean withdraw(String phone, String messageKey) {
		boolean any = withdrawAll(phone, "the ally asked to stop", messageKey);
		if (any) {
			messenger.send(new OutboundMessage(phone, texts.text(phone, "consent.withdrawn"), Purpose.REPLY,
					messageKey));
		}
		return any;
	}

	/**
	 * STOP from an ally's number withdraws every consent of that number at once, an invitation
	 * still open included. Messaging's one STOP confirmation is what they hear: nothing more can
	 * be sent to them.
	 */
	@EventListener
	void on(OptOutChanged change) {
		if (change.optedOut() && withdrawAll(change.phone(), "the ally texted STOP", null)) {
			log.info("An ally's number opted out: their consents are withdrawn");
		}
	}

	private boolean withdrawAll(String phone, String why, String messageKey) {
		Instant now = clock.instant();
		boolean any = false;
		for (Ally ally : allies.findByPhone(phone)) {
			ConsentState state = state(ally);
			if (state.granted(now) || state.awaitingAnswer(now)) {
				append(ally, ConsentChange.WITHDRAWN, state.kinds(), why, "ally", now, null, now, messageKey);
				any = true;
			}
			conversations.endWithAlly(ally.id);
		}
		return any;
	}

	/**
	 * Names and numbers of the participant's allies go, and the words given for naming them; the
	 * ledger (ids, changes, kinds, fixed reasons) stays. Safe to repeat.
	 */
	@EventListener
	void on(ParticipantErased erased) {
		List<Ally> theirs = allies.findByParticipantId(erased.participant().value());
		Instant now = clock.instant();
		for (Ally ally : theirs) {
			ConsentState state = state(ally);
			if (state.granted(now) || state.awaitingAnswer(now)) {
				append(ally, ConsentChange.REVOKED, state.kinds(), "the participant was erased", "system", now, null, now, null);
			}
			conversations.endWithAlly(ally.id);
		}
		allies.deleteAll(theirs);
		mongo.updateMulti(Query.query(Criteria.where("participantId").is(erased.participant().value()).and("change")
			.is(ConsentChange.REQUESTED.name())), new Update().set("why", NAMED_AS_ALLY), ConsentEntry.class);
	}
}
