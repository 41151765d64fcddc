package org.reconnect.consent;

import java.time.Instant;

import org.reconnect.system.Refusal;

/**
 * The ally's number has a question still open (an invitation, a request for good news or a
 * renewal): a number is asked one thing at a time, so that its YES answers what it was asked. Try
 * again once it is answered, or after {@link #tryAfter()}. A question another participant's ally
 * on the same number was asked is not named, nor whose it is.
 */
public class AllyQuestionOpen extends Refusal {

	private final AllyQuestion question;

	private final Instant tryAfter;

	private AllyQuestionOpen(AllyQuestion question, Instant tryAfter, String code, Object... arguments) {
		super(code, arguments);
		this.question = question;
		this.tryAfter = tryAfter;
	}

	/** This participant's ally was asked {@code question}. */
	static AllyQuestionOpen ofTheirs(String allyId, AllyQuestion question, Instant closes) {
		return new AllyQuestionOpen(question, closes, "problem.detail.question-open." + question, allyId,
				closes.toString());
	}

	/** Another participant's ally on the same number was asked something: neither is named. */
	static AllyQuestionOpen ofAnother(Instant closes) {
		return new AllyQuestionOpen(null, closes, "problem.detail.question-open.other", closes.toString());
	}

	/** The question open, when it is this participant's; null when it is another's. */
	public AllyQuestion question() {
		return question;
	}

	/** When the open question closes at the latest: asking again then is never refused for it. */
	public Instant tryAfter() {
		return tryAfter;
	}
}
