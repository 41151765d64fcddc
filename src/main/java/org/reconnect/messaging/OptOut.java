package org.reconnect.messaging;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A number that said STOP: nothing but the one confirmation goes to it until START. */
@Document("opt_outs")
class OptOut {

	@Id
	String phone;

	Instant since;

	OptOut() {
	}

	OptOut(String phone, Instant since) {
		this.phone = phone;
		this.since = since;
	}
}
