package org.reconnect.escalation;

import org.reconnect.messaging.SendResult;

/**
 * How the console reached one staff member with a notice or an alert, reported back for the
 * record; usernames and outcomes only, never a number or an address.
 *
 * @param username the coach or supervisor
 * @param sms null when they have no phone on file
 * @param emailed null when they have no e-mail address on file or mail is not set up; else
 * whether the mail server took the message
 */
public record StaffReach(String username, SendResult sms, Boolean emailed) {

	/** On its way by at least one channel. */
	public boolean reached() {
		return sms != null && sms.sent() || Boolean.TRUE.equals(emailed);
	}

	/** The outcome to show: the SMS's when there was one, else the e-mail's, else NO_CHANNEL. */
	String outcome() {
		if (sms != null) {
			return sms.outcome().name();
		}
		if (emailed != null) {
			return emailed ? "EMAILED" : "FAILED";
		}
		return "NO_CHANNEL";
	}

	/** In words for the audit log: what went by which channel. */
	String describe(String what) {
		if (sms == null && emailed == null) {
			return what + ": no phone or e-mail on file; it waits in the attention list";
		}
		StringBuilder line = new StringBuilder();
		if (sms != null) {
			line.append(what).append(" by SMS: ").append(sms.outcome());
		}
		if (emailed != null) {
			line.append(line.isEmpty() ? what : ";").append(" by email: ").append(emailed ? "SENT" : "FAILED");
		}
		return line.toString();
	}
}
