/**
 * Channels (Twilio SMS, the simulator), inbound webhooks with signature check and
 * de-duplication, outbound sending with its record, and the STOP/START/HELP keywords.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "system")
package org.reconnect.messaging;
