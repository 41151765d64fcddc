package org.reconnect.reminders;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import org.reconnect.participants.ParticipantErased;
import org.reconnect.participants.ParticipantId;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Each participant's private calendar feed: an .ics document, written with ical4j, behind a URL
 * with an unguessable token (256 random bits). Issuing a new token revokes the old one.
 */
@Service
public class ReminderCalendar {

	/** How far back and ahead the feed shows occurrences. */
	private static final Duration PAST = Duration.ofDays(30);

	private static final Duration AHEAD = Duration.ofDays(180);

	private static final int MAX_EVENTS = 500;

	private final SecureRandom random = new SecureRandom();
	private final CalendarFeeds feeds;
	private final Reminders reminders;
	private final Clock clock;

	ReminderCalendar(CalendarFeeds feeds, Reminders reminders, Clock clock) {
		this.feeds = feeds;
		this.reminders = reminders;
		this.clock = clock;
	}

	/** A new token for the participant's feed; any earlier token stops working. */
	public String issue(ParticipantId participant) {
		revoke(participant);
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		feeds.save(new CalendarFeed(hash(token), participant.value(), clock.instant()));
		return token;
	}

	/** @return whether there was a feed to revoke */
	public boolean revoke(ParticipantId participant) {
		var existing = feeds.findByParticipantId(participant.value());
		feeds.deleteAll(existing);
		return !existing.isEmpty();
	}

	@EventListener
	void on(ParticipantErased erased) {
		revoke(erased.participant());
	}

	/** The feed's calendar, or empty when the token is unknown or revoked. */
	public Optional<String> render(String token) {
		if (token == null || token.length() > 100) {
			return Optional.empty();
		}
		return feeds.findById(hash(token)).map(feed -> write(feed.participantId()));
	}

	private String write(String participantId) {
		Instant now = clock.instant();
		Calendar calendar = new Calendar().add(new ProdId("-//Reconnect//Reminders//EN"))
			.add(ImmutableVersion.VERSION_2_0)
			.add(ImmutableCalScale.GREGORIAN);
		int events = 0;
		for (Reminder reminder : reminders.findByParticipantId(participantId)) {
			for (ReminderPlan.Occurrence occurrence : ReminderPlan.between(reminder, now.minus(PAST), now.plus(AHEAD),
					MAX_EVENTS)) {
				if (events++ >= MAX_EVENTS) {
					break;
				}
				VEvent event = new VEvent(occurrence.start().toInstant(), Duration.ofMinutes(reminder.durationMinutes),
						reminder.title);
				event.replace(new DtStamp(now));
				event.add(new Uid(reminder.id + "-" + occurrence.key().replace(":", "") + "@reconnect"));
				if (reminder.place != null) {
					event.add(new Location(reminder.place));
				}
				if (reminder.note != null) {
					event.add(new Description(reminder.note));
				}
				calendar.add(event);
			}
		}
		return calendar.toString();
	}

	private static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
