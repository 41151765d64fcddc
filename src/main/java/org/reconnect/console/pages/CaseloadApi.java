package org.reconnect.console.pages;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** The caseload board's rows as JSON, for tools that show a caseload elsewhere: the same order and signals. */
@RestController
class CaseloadApi {

	private final CaseloadBoard board;
	private final MotivationDips dips;

	CaseloadApi(CaseloadBoard board, MotivationDips dips) {
		this.board = board;
		this.dips = dips;
	}

	@Operation(summary = "The caseload at a glance",
			description = "The signed-in coach's participants (everyone for a supervisor) as the caseload page shows "
					+ "them, the people who need the coach first: state, last heard from, check-in streak, next "
					+ "contact, open alerts, an open crisis notice, and motivation that dips (a run of low-mood answers "
					+ "or missed check-ins up to the latest check-in, with the days it covers and its words in the "
					+ "coach's language), or null. For coaches only: nothing of it is ever sent to an ally.")
	@GetMapping(path = "/api/caseload", produces = MediaType.APPLICATION_JSON_VALUE)
	List<CaseloadEntry> caseload(Authentication coach, Locale locale) {
		return board.rows(coach, null, null).stream().map(row -> entry(row, locale)).toList();
	}

	private CaseloadEntry entry(CaseloadRow row, Locale locale) {
		MotivationDip dip = row.dip();
		Motivation motivation = dip == null ? null
				: new Motivation(dip.kind().name(), dip.days(), dip.from(), dip.to(), dips.words(dip, locale));
		return new CaseloadEntry(row.id(), row.name(), row.state().name(), row.lastHeard(), row.streak(),
				row.nextContact(), row.openAlerts(), row.crisis(), motivation);
	}

	/** One participant on the caseload; {@code motivation} is null unless it dips. */
	public record CaseloadEntry(String id, String name, String state, Instant lastHeard, int streak, Instant nextContact,
			int openAlerts, boolean crisis, Motivation motivation) {
	}

	/**
	 * @param kind LOW_MOOD or MISSED
	 * @param from the first day of the run (the participant's date)
	 * @param to its last day
	 * @param words e.g. "Low mood 3 days, Dec 2–4"
	 */
	public record Motivation(String kind, int days, LocalDate from, LocalDate to, String words) {
	}
}
