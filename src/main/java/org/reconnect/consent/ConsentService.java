package org.reconnect.consent;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.reconnect.messaging.Messenger;
import org.reconnect.messaging.OutboundMessage;
import org.reconnect.messaging.Purpose;
import org.reconnect.participants.ParticipantId;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantService;
import org.reconnect.system.InvalidInput;
import org.reconnect.system.PhoneNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** The consent module's public face: invite an ally, and say who may be alerted right now. */
@Service
public class ConsentService {

	private static final Logger log = LoggerFactory.getLogger(ConsentService.class);

	/** The one kind of alert there is so far; the ledger names it as the scope of a consent. */
	static final String MISSED_CHECK_INS = "missed-check-ins";

	private final Allies allies;
	private final ConsentLedger ledger;
	private final ParticipantService participants;
	private final PhoneNumbers phones;
	private final Messenger messenger;
	private final ConsentSettings settings;
	private final Clock clock;

	ConsentService(Allies allies, ConsentLedger ledger, ParticipantService participants, PhoneNumbers phones,
			Messenger messenger, ConsentSettings settings, Clock clock) {
		this.allies = allies;
		this.ledger = ledger;
		this.participants = participants;
		this.phones = phones;
		this.messenger = messenger;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Names an ally and asks them, by SMS, whether they agree. The participant (or the coach at
	 * their request) is the only one who names allies.
	 *
	 * @throws InvalidInput when the name or phone cannot be used
	 */
	public AllyView invite(ParticipantId participantId, String name, String rawPhone, String cause) {
		ParticipantProfile participant = participants.find(participantId).orElseThrow();
		String allyName = name == null ? "" : name.trim();
		if (allyName.isEmpty() || allyName.length() > 100) {
			throw InvalidInput.of("name", "is required, 1 to 100 characters: send the ally's name");
		}
		String phone = phones.toE164("phone", rawPhone);
		if (phone.equals(participant.phone())) {
			throw InvalidInput.of("phone", "is the participant's own number: send the ally's number");
		}
		Instant now = clock.instant();
		Ally ally = allies.save(Ally.requested(participantId, allyName, phone, now, now.plus(settings.answerWithin())));
		record(ally, "REQUESTED", now, null, cause);
		messenger.send(new OutboundMessage(phone, "Hi " + ally.firstName() + ", " + participant.firstName()
				+ " would like you as their check-in ally. If they stop replying to their check-ins for a while, we'd send "
				+ "you a short note, only that, never what they told us. Reply YES to agree or NO to decline. You can "
				+ "reply STOP ALERTS any time.", Purpose.CONSENT_REQUEST, ally.id));
		log.info("Ally {} invited for participant {}", ally.id, participantId);
		return ally.view(now);
	}

	/** Allies whose consent holds at this moment; asked again right before each alert goes. */
	public List<AllyView> alliesWhoConsented(ParticipantId participant) {
		Instant now = clock.instant();
		return allies.findByParticipantId(participant.value())
			.stream()
			.filter(ally -> ally.active(now))
			.map(ally -> ally.view(now))
			.toList();
	}

	/** Whether the ally's consent holds at this instant. */
	public boolean consentHolds(String allyId) {
		Instant now = clock.instant();
		return allies.findById(allyId).map(ally -> ally.active(now)).orElse(false);
	}

	public List<AllyView> allies(ParticipantId participant) {
		Instant now = clock.instant();
		return allies.findByParticipantId(participant.value()).stream().map(ally -> ally.view(now)).toList();
	}

	/** The ally answered the request: YES grants consent for the configured time, NO declines. */
	boolean answer(Ally ally, boolean yes, String messageKey) {
		Instant now = clock.instant();
		if (!ally.awaitingAnswer(now)) {
			return false;
		}
		if (yes) {
			ally.grant(now.plus(settings.validFor()));
		}
		else {
			ally.decline();
		}
		allies.save(ally);
		record(ally, yes ? "GRANTED" : "DECLINED", now, ally.consentUntil, messageKey);
		String participantName = participants.find(new ParticipantId(ally.participantId))
			.map(ParticipantProfile::firstName)
			.orElse("your friend");
		messenger.send(new OutboundMessage(ally.phone, yes
				? "Thank you, " + ally.firstName() + ". If " + participantName
						+ " goes quiet for a while, we'll let you know. Reply STOP ALERTS any time."
				: "Understood, " + ally.firstName() + ". You won't get any alerts. Thank you for letting us know.",
				Purpose.REPLY, ally.id));
		return true;
	}

	/** The ally asked for no more alerts (STOP ALERTS): every consent of that number ends now. */
	boolean withdraw(String phone, String messageKey) {
		Instant now = clock.instant();
		boolean any = false;
		for (Ally ally : allies.findByPhone(phone)) {
			if (ally.consent == Ally.Consent.GRANTED || ally.consent == Ally.Consent.REQUESTED) {
				ally.withdraw();
				allies.save(ally);
				record(ally, "WITHDRAWN", now, null, messageKey);
				any = true;
			}
		}
		if (any) {
			messenger.send(new OutboundMessage(phone, "Done. You won't get any more alerts. Thank you for being there.",
					Purpose.REPLY, messageKey));
		}
		return any;
	}

	private void record(Ally ally, String change, Instant at, Instant until, String messageKey) {
		ledger.save(new ConsentEntry(null, ally.id, ally.participantId, change, MISSED_CHECK_INS, at, until, messageKey));
	}
}
