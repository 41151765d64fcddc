package org.reconnect.consent;

import org.reconnect.system.Refusal;

/**
 * An ally cannot be asked for good news (PROGRESS) now: they have no consent in force to add it
 * to, they were asked something they have not answered yet, or they already agreed to it.
 */
public class ProgressNotAskable extends Refusal {

	/** Why, for a page that says it in its own words. */
	public enum Reason {
		/** No consent in force (never agreed, said no, expired, lapsed, ended): name them again instead. */
		NO_CONSENT,
		/** Their invitation, or a request for good news, still awaits their answer. */
		ASKED,
		/** Their consent covers PROGRESS already. */
		AGREED
	}

	private final Reason reason;

	private ProgressNotAskable(Reason reason, String code, Object... arguments) {
		super(code, arguments);
		this.reason = reason;
	}

	static ProgressNotAskable noConsent(String allyId, String consent, String participantId) {
		return new ProgressNotAskable(Reason.NO_CONSENT, "problem.detail.progress.no-consent", allyId, consent, participantId);
	}

	static ProgressNotAskable asked(String allyId) {
		return new ProgressNotAskable(Reason.ASKED, "problem.detail.progress.asked", allyId);
	}

	static ProgressNotAskable agreed(String allyId) {
		return new ProgressNotAskable(Reason.AGREED, "problem.detail.progress.agreed", allyId);
	}

	public Reason reason() {
		return reason;
	}
}
