package org.reconnect.participants;

/**
 * A participant's personal data was erased at their request. Modules delete what they hold about
 * them; the phone is carried so records keyed by number can go too, and is never logged. It may
 * come more than once for one participant (an erasure cut short runs again), so listeners must be
 * safe to repeat.
 */
public record ParticipantErased(ParticipantId participant, String phone) {
}
