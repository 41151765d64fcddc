package org.reconnect.scheduling;

import java.util.List;

import org.reconnect.escalation.EscalationService;
import org.reconnect.flows.ConversationRuntime;
import org.reconnect.participants.ParticipantService;
import org.springframework.stereotype.Service;

/**
 * Everything that falls due with time, in one place: check-ins whose slot has come, waits that
 * timed out, check-ins past their expiry, escalation steps, reminders. Quartz runs it on real time
 * (slot triggers and the sweep); the demo clock runs it after a jump, because Quartz does not see
 * our clock move.
 */
@Service
public class DueWork {

	private final CheckInSlots slots;
	private final ConversationRuntime conversations;
	private final EscalationService escalation;
	private final List<TimedWork> timed;
	private final ParticipantService participants;

	DueWork(CheckInSlots slots, ConversationRuntime conversations, EscalationService escalation,
			List<TimedWork> timed, ParticipantService participants) {
		this.participants = participants;
		this.slots = slots;
		this.conversations = conversations;
		this.escalation = escalation;
		this.timed = timed;
	}

	/**
	 * Runs whatever is due at the clock's now: the check-in slots that fell due, then the sweep.
	 * Each part claims its work atomically, so it is safe beside Quartz firing the same.
	 */
	public Done runUntilNow() {
		int checkIns = slots.fireDue();
		Done swept = sweep();
		return swept.withCheckIns(checkIns + swept.checkIns());
	}

	/**
	 * The sweep: check-ins and reminders a stopped node left claimed but not handed over, timeouts,
	 * expiries, pauses and escalation steps, timed work (reminders) still due (after the pending
	 * ones, whose next sends wait for them), erasures a stopped node left half done.
	 */
	public Done sweep() {
		int recovered = slots.recover();
		int reminderRecovered = timed.stream().mapToInt(TimedWork::recover).sum();
		int timeouts = conversations.timeoutsDue();
		int expired = conversations.expireDue();
		int escalations = escalation.sweep();
		int reminderSends = timed.stream().mapToInt(TimedWork::fireDue).sum();
		participants.finishErasures();
		return new Done(recovered, timeouts, expired, escalations, reminderSends + reminderRecovered);
	}

	/**
	 * What one run did: how many of each kind of due work it handled.
	 *
	 * @param reminders all timed work: reminders, routines and milestone texts (the name is the API's)
	 */
	public record Done(int checkIns, int timeouts, int expired, int escalations, int reminders)
			implements java.io.Serializable {

		Done withCheckIns(int count) {
			return new Done(count, timeouts, expired, escalations, reminders);
		}

		/** This run and {@code other} together. */
		public Done plus(Done other) {
			return new Done(checkIns + other.checkIns, timeouts + other.timeouts, expired + other.expired,
					escalations + other.escalations, reminders + other.reminders);
		}

		public static Done nothing() {
			return new Done(0, 0, 0, 0, 0);
		}
	}
}
