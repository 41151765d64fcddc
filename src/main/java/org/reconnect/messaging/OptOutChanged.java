package org.reconnect.messaging;

/** A number opted out of every message (STOP) or back in (START). */
public record OptOutChanged(String phone, boolean optedOut) {
}
