package org.reconnect.reminders;

import java.time.Instant;

import org.reconnect.participants.ParticipantId;

/**
 * A participant answered a meeting reminder.
 *
 * @param answer GOING, CANT_MAKE_IT or NEED_SUPPORT
 */
public record ReminderAnswered(ParticipantId participant, String reminderId, Instant meetingAt, String answer) {
}
