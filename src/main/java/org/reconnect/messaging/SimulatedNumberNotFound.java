package org.reconnect.messaging;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A number the coach may not use in the simulator: answered exactly like a number nobody has, so
 * another caseload's numbers cannot be probed.
 */
class SimulatedNumberNotFound extends ErrorResponseException {

	SimulatedNumberNotFound(String field) {
		super(HttpStatus.NOT_FOUND, problem(field), null);
	}

	private static ProblemDetail problem(String field) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No participant in your caseload, "
				+ "nor an ally of one, has the number in '" + field + "': send the number of one of your participants or their allies");
		problem.setTitle("Number not found");
		return problem;
	}
}
