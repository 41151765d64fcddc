package org.reconnect.consent;

/**
 * The number is already an ally of the participant, with consent asked for or given (perhaps by
 * a request a moment ago): the same person is not asked twice. Once their consent has ended they
 * may be asked again.
 */
public class AllyAlreadyNamed extends RuntimeException {

	private final String allyId;

	AllyAlreadyNamed(String allyId, String consent) {
		super("this number is already an ally of the participant (ally " + allyId + ", consent " + consent
				+ "): wait for their answer, or revoke them first (DELETE .../allies/" + allyId + ") to ask again");
		this.allyId = allyId;
	}

	public String allyId() {
		return allyId;
	}
}
