package org.reconnect.messaging;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.reconnect.messaging.RecipientPolicy.Recipient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Quiet hours and the daily cap of one recipient: what the modules that know people say
 * ({@link RecipientPolicy}), else the configured defaults. Quiet hours apply to participants;
 * recipients no policy knows are not held here.
 */
@Component
public class RecipientRules {

	private final ObjectProvider<RecipientPolicy> policies;
	private final MessagingSettings.Compliance defaults;

	RecipientRules(ObjectProvider<RecipientPolicy> policies, MessagingSettings settings) {
		this.policies = policies;
		this.defaults = settings.compliance();
	}

	Recipient of(String phone) {
		Optional<Recipient> known = policies.orderedStream()
			.map(policy -> policy.recipient(phone))
			.flatMap(Optional::stream)
			.findFirst();
		return withDefaults(known);
	}

	/** {@link #of} for several numbers, one lookup per policy. */
	Map<String, Recipient> of(Collection<String> phones) {
		Map<String, Recipient> known = new HashMap<>();
		policies.orderedStream().forEach(policy -> policy.recipients(phones).forEach(known::putIfAbsent));
		Map<String, Recipient> all = new HashMap<>();
		phones.forEach(phone -> all.put(phone, withDefaults(Optional.ofNullable(known.get(phone)))));
		return all;
	}

	/** The configured defaults: quiet hours, daily cap and zone. */
	Recipient defaults() {
		return new Recipient(defaults.defaultZone(), defaults.quietFrom(), defaults.quietUntil(), defaults.dailyCap());
	}

	private Recipient withDefaults(Optional<Recipient> known) {
		if (known.isEmpty()) {
			// Someone no module here knows (an ally, a coach): escalation holds allies' alerts for
			// their own quiet hours before it sends, so messaging adds no second hold.
			return new Recipient(defaults.defaultZone(), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, defaults.dailyCap());
		}
		Recipient recipient = known.get();
		return new Recipient(recipient.zone() == null ? defaults.defaultZone() : recipient.zone(),
				recipient.quietFrom() == null ? defaults.quietFrom() : recipient.quietFrom(),
				recipient.quietUntil() == null ? defaults.quietUntil() : recipient.quietUntil(),
				recipient.dailyCap() == null ? defaults.dailyCap() : recipient.dailyCap());
	}

	/**
	 * The first instant at or after {@code at} when a message that waits out quiet hours may go to
	 * the number: the very rule the outbox applies when it sends (a participant's own quiet hours,
	 * else the configured ones; none for a number no module knows). Escalation holds a nudge by it,
	 * so the outbox then sends the nudge at once rather than holding it for a second night.
	 */
	public Instant heldUntil(String phone, Instant at) {
		return quietUntil(of(phone), at).orElse(at);
	}

	/** When the recipient's quiet hours end, or empty when {@code now} is outside them. */
	static Optional<Instant> quietUntil(Recipient recipient, Instant now) {
		LocalTime from = recipient.quietFrom();
		LocalTime until = recipient.quietUntil();
		if (from.equals(until)) {
			return Optional.empty();
		}
		ZonedDateTime local = now.atZone(recipient.zone());
		LocalTime time = local.toLocalTime();
		LocalDate day = local.toLocalDate();
		if (from.isAfter(until)) { // across midnight, e.g. 21:00-08:00
			if (!time.isBefore(from)) {
				return Optional.of(ZonedDateTime.of(day.plusDays(1), until, recipient.zone()).toInstant());
			}
			if (time.isBefore(until)) {
				return Optional.of(ZonedDateTime.of(day, until, recipient.zone()).toInstant());
			}
			return Optional.empty();
		}
		if (!time.isBefore(from) && time.isBefore(until)) {
			return Optional.of(ZonedDateTime.of(day, until, recipient.zone()).toInstant());
		}
		return Optional.empty();
	}

	/** The recipient's local day around {@code now}, as [start, end). */
	static Instant[] day(Recipient recipient, Instant now) {
		LocalDate day = now.atZone(recipient.zone()).toLocalDate();
		return new Instant[] { day.atStartOfDay(recipient.zone()).toInstant(),
				day.plusDays(1).atStartOfDay(recipient.zone()).toInstant() };
	}
}
