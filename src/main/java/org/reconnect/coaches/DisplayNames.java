package org.reconnect.coaches;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.Size;

import org.reconnect.system.CleanText;
import org.reconnect.system.Inputs;
import org.reconnect.system.InvalidInput;
import org.reconnect.system.UnicodeText;

/**
 * Reads the name participants read for a coach ("Dana", "Dana R."), checked as every name a coach
 * types is: plain text on one line ({@link CleanText}), at most {@value #LONGEST} characters, and
 * not blank when given.
 */
final class DisplayNames {

	static final int LONGEST = 40;

	private DisplayNames() {
	}

	/**
	 * @return the name, trimmed and in NFC; null when not given (participants then read the username)
	 * @throws InvalidInput naming {@code displayName} when it is blank, too long or not plain text
	 */
	static String read(String raw) {
		if (raw == null) {
			return null;
		}
		String name = UnicodeText.nfc(raw.strip());
		List<InvalidInput.FieldProblem> problems = new ArrayList<>(Inputs.problems("", new Given(name)));
		if (name.isEmpty()) {
			problems.add(InvalidInput.FieldProblem.of("displayName", "problem.coach.display-name", LONGEST));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return name;
	}

	/** The name, under the field's name, for the checks the request records use. */
	record Given(@Size(max = LONGEST) @CleanText String displayName) {
	}
}
