package org.reconnect.messaging;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A number the coach may not use in the simulator: answered exactly like a number nobody has, so
 * another caseload's numbers cannot be probed. Its title and detail are problem.*.simulated-number
 * in messages/problems*.properties, resolved in the reader's language by the API's handler.
 */
class SimulatedNumberNotFound extends ErrorResponseException {

	SimulatedNumberNotFound(String field) {
		super(HttpStatus.NOT_FOUND, ProblemDetail.forStatus(HttpStatus.NOT_FOUND), null,
				"problem.detail.simulated-number-not-found", new Object[] { field });
	}

	@Override
	public String getTitleMessageCode() {
		return "problem.title.simulated-number-not-found";
	}
}
