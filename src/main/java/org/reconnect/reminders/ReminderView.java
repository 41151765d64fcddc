package org.reconnect.reminders;

import java.time.Instant;
import java.util.List;

/**
 * A reminder as the coach sees it.
 *
 * @param description the schedule in plain words, e.g. "Every Tue and Thu at 7:00 PM"
 * @param nextReminderAt when the next text goes (null when nothing is left to send)
 * @param deliveries the latest decisions about sends: sent, deferred, skipped and why
 * @param replies the participant's latest answers to this reminder
 * @param inQuietHours what a text that falls due in the participant's quiet hours does
 */
public record ReminderView(String id, String title, String place, String note, String timeZone, String start,
		String rule, int durationMinutes, String description, List<Lead> leads, List<String> skipped,
		List<MoveView> moved, Instant nextReminderAt, Instant nextMeetingAt, List<DeliveryView> deliveries,
		List<ReplyView> replies, InQuietHours inQuietHours) {

	public record MoveView(String from, String to) {
	}

	/**
	 * @param lead when the text went relative to the meeting, in the reader's words ("1 hour before")
	 * @param before with {@code daysBefore} and {@code at}, the same as the reminder's leads are sent:
	 *        a span before the meeting (PT1H), or a local time some days before it; null for a record
	 *        kept before these were
	 */
	@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
	public record DeliveryView(String occurrence, Instant meetingAt, String lead, String before, Integer daysBefore,
			String at, Instant plannedAt, Instant decidedAt, String outcome) {

		static DeliveryView of(Reminder.Delivery d, java.util.function.Function<Lead, String> words) {
			Lead lead = Lead.parseKept(d.lead());
			return new DeliveryView(d.occurrence(), d.meetingAt(), lead == null ? d.lead() : words.apply(lead),
					lead == null || lead.before() == null ? null : lead.before().toString(),
					lead == null ? null : lead.daysBefore(), lead == null || lead.at() == null ? null : lead.at().toString(),
					d.plannedAt(), d.decidedAt(), d.outcome().name());
		}
	}

	public record ReplyView(String reminderId, String title, String occurrence, Instant meetingAt, String answer,
			Instant receivedAt) {
	}

	/** @param leadWords a lead in the reader's words */
	static ReminderView of(Reminder r, String description, java.util.function.Function<Lead, String> leadWords) {
		return new ReminderView(r.id, r.title, r.place, r.note, r.zone, r.start, r.rule, r.durationMinutes,
				description, r.leadList(), List.copyOf(r.skipped),
				r.moved.stream().map(m -> new MoveView(m.from(), m.to())).toList(), r.nextSendAt, r.nextMeetingAt,
				r.deliveries.stream().map(d -> DeliveryView.of(d, leadWords)).toList(),
				replies(r), r.quietHoursChoice());
	}

	static List<ReplyView> replies(Reminder r) {
		return r.replies.stream()
			.map(p -> new ReplyView(r.id, r.title, p.occurrence(), p.meetingAt(), p.answer().name(), p.receivedAt()))
			.toList();
	}
}
