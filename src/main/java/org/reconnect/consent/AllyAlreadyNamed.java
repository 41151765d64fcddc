package org.reconnect.consent;

import org.reconnect.system.Refusal;

/**
 * The number is already an ally of the participant, with consent asked for or given (perhaps by
 * a request a moment ago): the same person is not asked twice. Once their consent has ended they
 * may be asked again.
 */
public class AllyAlreadyNamed extends Refusal {

	private final String allyId;

	AllyAlreadyNamed(String allyId, String consent) {
		super("problem.detail.already-ally", allyId, consent);
		this.allyId = allyId;
	}

	public String allyId() {
		return allyId;
	}
}
