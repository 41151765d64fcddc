package org.reconnect.console;

import org.reconnect.flows.CheckInByHand;
import org.reconnect.system.Refusal;

/** A check-in the coach sent by hand that did not go: the API answers 409 naming why ({@code reason}). */
class CheckInNotDelivered extends Refusal {

	private final String reason;

	CheckInNotDelivered(CheckInByHand.Refusal refusal, String id, String status) {
		super("problem.detail.check-in." + refusal.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), status, id);
		this.reason = refusal.name();
	}

	String reason() {
		return reason;
	}
}
