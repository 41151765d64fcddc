package org.reconnect.messaging;

/**
 * Twilio called a number invalid (21211) or not able to receive SMS (21614): the coach should
 * check it with the participant. Nothing more is tried until the number changes.
 */
public record NumberFlagged(String phone, String code) {
}
