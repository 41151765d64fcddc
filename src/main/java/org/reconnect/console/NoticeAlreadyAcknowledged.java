package org.reconnect.console;

import org.reconnect.system.Refusal;

import java.time.Instant;

/** Someone already has the notice in hand; nothing more to do. */
public class NoticeAlreadyAcknowledged extends Refusal {

	NoticeAlreadyAcknowledged(String id, Instant at) {
		super("problem.detail.already-acknowledged", id, at);
	}
}
