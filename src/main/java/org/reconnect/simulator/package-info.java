/**
 * The simulator's demo time: the clock a coach jumps ahead to watch timeouts, expiry and
 * escalation happen, with its API. What else the simulator is made of stays where it must: the
 * simulated phone and channel in messaging (they implement its package-private channel over the
 * outbox's records), the simulator page in the console (it is a console page), the switch and
 * the shiftable clock in system (the embedded stores, messaging and the clock read them).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "system", "scheduling" })
package org.reconnect.simulator;
