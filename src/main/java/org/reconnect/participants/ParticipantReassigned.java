package org.reconnect.participants;

/** The participant is now in another coach's caseload; {@code by} is "coach:<name>" of who moved them. */
public record ParticipantReassigned(ParticipantId participant, String from, String to, String by) {
}
