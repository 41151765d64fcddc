package org.reconnect.reminders;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.fortuna.ical4j.model.Recur;

/**
 * The occurrences of a reminder and the sends they lead to, computed with ical4j's RFC 5545
 * recurrence rules in the meeting's zone (never by hand, never by Quartz cron). A local time that
 * does not exist (a spring-forward gap) moves forward by the gap's length, as RFC 5545 says and
 * as java.time resolves it; a local time that occurs twice (fall-back) happens once, at the first
 * (RFC 5545 3.3.5).
 */
final class ReminderPlan {

	/** How far ahead a recurrence is searched, in windows, before it counts as finished. */
	private static final int WINDOW_DAYS = 366;

	private static final int WINDOWS = 5;

	/** One occurrence of a meeting; {@code key} is its original local date-time (for skip and move). */
	record Occurrence(String key, ZonedDateTime start) {
	}

	/** One planned send: an occurrence and the index of the lead. */
	record Send(Occurrence occurrence, int lead, Instant plannedAt) {
	}

	private static final Comparator<Send> ORDER = Comparator.comparing(Send::plannedAt)
		.thenComparing(s -> s.occurrence().start().toInstant())
		.thenComparingInt(Send::lead);

	private ReminderPlan() {
	}

	/** Occurrences starting strictly after {@code after}, at most {@code limit}, in order. */
	static List<Occurrence> occurrences(Reminder reminder, Instant after, int limit) {
		return occurrences(reminder.zoneId(), reminder.startLocal(), reminder.rule, reminder.skipped, reminder.moved,
				after, null, limit);
	}

	/** Occurrences starting in [from, to), at most {@code limit}, in order. */
	static List<Occurrence> between(Reminder reminder, Instant from, Instant to, int limit) {
		return occurrences(reminder.zoneId(), reminder.startLocal(), reminder.rule, reminder.skipped, reminder.moved,
				from.minusNanos(1), to, limit);
	}

	static List<Occurrence> occurrences(ZoneId zone, LocalDateTime start, String rule, List<String> skipped,
			List<Reminder.Move> moved, Instant after, Instant before, int limit) {
		Set<String> skip = new HashSet<>(skipped);
		Map<String, String> moves = new HashMap<>();
		moved.forEach(m -> moves.put(m.from(), m.to()));
		List<Occurrence> found = new ArrayList<>();
		for (Reminder.Move move : moved) {
			found.add(new Occurrence(move.from(), ZonedDateTime.of(LocalDateTime.parse(move.to()), zone)));
		}
		ZonedDateTime seed = ZonedDateTime.of(start, zone);
		// The rule is expanded in local time (as if the zone had no offset changes), each local
		// date-time then placed in the zone: a start in a spring-forward gap moves only itself, not
		// every later occurrence (ical4j would carry the shifted time on from a zoned seed).
		ZonedDateTime floatingSeed = start.atZone(ZoneOffset.UTC);
		if (rule == null) {
			String key = start.toString();
			if (!skip.contains(key) && !moves.containsKey(key)) {
				found.add(new Occurrence(key, seed));
			}
		}
		else {
			Recur<ZonedDateTime> recur = new Recur<>(floatingUntil(rule, zone));
			ZonedDateTime from = floating(after.atZone(zone).minusDays(1));
			if (from.isBefore(floatingSeed)) {
				from = floatingSeed.minusSeconds(1);
			}
			int kept = 0;
			Set<String> seen = new HashSet<>();
			for (int window = 0; window < WINDOWS && kept < limit; window++) {
				ZonedDateTime to = from.plusDays(WINDOW_DAYS);
				if (before != null && from.toLocalDateTime().atZone(zone).toInstant().isAfter(before)) {
					break;
				}
				for (ZonedDateTime raw : recur.getDates(floatingSeed, from, to)) {
					// A local time that occurs twice happens at the first (RFC 5545 3.3.5); one that does
					// not exist moves forward by the gap's length.
					ZonedDateTime date = ZonedDateTime.ofLocal(raw.toLocalDateTime(), zone, null);
					String key = date.toLocalDateTime().toString();
					if (!date.toInstant().isAfter(after) || skip.contains(key) || moves.containsKey(key) || !seen.add(key)) {
						continue;
					}
					found.add(new Occurrence(key, date));
					kept++;
				}
				from = to;
			}
		}
		return found.stream()
			.filter(o -> o.start().toInstant().isAfter(after))
			.filter(o -> before == null || o.start().toInstant().isBefore(before))
			.sorted(Comparator.comparing((Occurrence o) -> o.start().toInstant()))
			.limit(limit)
			.toList();
	}

	/** A zoned time as the same wall-clock time in the offset-free frame the rule is expanded in. */
	private static ZonedDateTime floating(ZonedDateTime zoned) {
		return zoned.toLocalDateTime().atZone(ZoneOffset.UTC);
	}

	private static final Pattern UTC_UNTIL = Pattern.compile("UNTIL=(\\d{8}T\\d{6})Z", Pattern.CASE_INSENSITIVE);

	private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

	/** A UTC UNTIL as the zone's wall-clock time, for the offset-free expansion. */
	static String floatingUntil(String rule, ZoneId zone) {
		Matcher until = UTC_UNTIL.matcher(rule);
		if (!until.find()) {
			return rule;
		}
		LocalDateTime utc = LocalDateTime.parse(until.group(1), BASIC);
		String local = BASIC.format(utc.atZone(ZoneOffset.UTC).withZoneSameInstant(zone).toLocalDateTime());
		return until.replaceFirst("UNTIL=" + local + "Z");
	}

	/**
	 * The first send planned after the given one (by planned time, then meeting, then lead), or
	 * after {@code now} when there is none yet; null when the reminder has nothing more to send.
	 */
	static Send nextSend(Reminder reminder, Send after) {
		List<Lead> leads = reminder.leadList();
		if (leads.isEmpty()) {
			return null;
		}
		Duration longest = leads.stream().map(Lead::span).max(Comparator.naturalOrder()).orElseThrow();
		Instant from = after.plannedAt();
		// Every send after `from` belongs to a meeting after `from`; a meeting later than the
		// longest lead past the best send found cannot plan one before it. Look at a few
		// meetings first, more only when those cannot settle it.
		for (int limit : new int[] { 8, 64, 512 }) {
			List<Occurrence> next = occurrences(reminder, from, limit);
			Send best = null;
			boolean settled = next.size() < limit;
			for (Occurrence occurrence : next) {
				if (best != null && occurrence.start().toInstant().minus(longest).isAfter(best.plannedAt())) {
					settled = true;
					break;
				}
				for (int i = 0; i < leads.size(); i++) {
					Send send = new Send(occurrence, i, leads.get(i).sendAt(occurrence.start()));
					if (ORDER.compare(send, after) > 0 && (best == null || ORDER.compare(send, best) < 0)) {
						best = send;
					}
				}
			}
			if (settled || limit == 512) {
				return best;
			}
		}
		return null;
	}

	/** The first send planned strictly after {@code now}. */
	static Send nextSendAfter(Reminder reminder, Instant now) {
		return nextSend(reminder, new Send(new Occurrence("", now.atZone(reminder.zoneId())), Integer.MAX_VALUE, now));
	}

	/** The send the reminder points at now, rebuilt from its stored fields. */
	static Send current(Reminder reminder) {
		return new Send(new Occurrence(reminder.nextOccurrence, reminder.nextMeetingAt.atZone(reminder.zoneId())),
				reminder.nextLead, reminder.nextPlannedAt);
	}
}
