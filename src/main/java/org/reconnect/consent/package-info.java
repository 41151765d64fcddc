/**
 * Allies and their consent: invitation, the ally's own YES (double opt-in), the append-only
 * ledger of consent changes, and the check made at the moment an alert is sent.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "system", "participants", "messaging", "flows" })
package org.reconnect.consent;
