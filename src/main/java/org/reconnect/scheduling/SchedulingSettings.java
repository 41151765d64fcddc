package org.reconnect.scheduling;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Scheduling rules (the demo clock's steps, under the same prefix: {@code SimulatorSettings}).
 *
 * @param checkInLateLimit a check-in that could not go at its time (the service was down) is sent
 * late up to this long after it fell due, and skipped after that
 * @param sweepInterval how often deadlines (expired check-ins) are looked for
 * @param handOffThreads threads that hand due check-ins and reminders over at once, on each node
 * @param handOffBatch check-ins or reminders one thread claims and hands over together: one write
 * each for the batch's claims, messages and records, instead of several per hand-off
 * @param handOffLease a check-in or reminder claimed this long ago and still not handed over (its
 * node stopped half way) is taken over and finished by the sweep of any node; longer than any
 * hand-off of a live node takes, or one could go twice
 */
@Validated
@ConfigurationProperties("reconnect.scheduling")
record SchedulingSettings(@DefaultValue("2h") Duration checkInLateLimit, @DefaultValue("1m") Duration sweepInterval,
		@DefaultValue("4") int handOffThreads, @DefaultValue("100") @Min(1) int handOffBatch,
		@DefaultValue("2m") Duration handOffLease) {
}
