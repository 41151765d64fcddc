package org.reconnect.messaging;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A number Twilio called invalid or unable to get SMS; shown to coaches to check with the person. */
@Document("flagged_numbers")
record FlaggedNumber(@Id String phone, String code, Instant at) {
}
