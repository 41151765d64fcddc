package org.reconnect.console.pages;

import java.util.Arrays;
import java.util.Locale;

import org.reconnect.coaches.Coach;
import org.reconnect.coaches.CoachAccounts;
import org.reconnect.escalation.Responsiveness;
import org.reconnect.messaging.Messenger;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;

/**
 * The caseload at a glance ({@code /}): who needs the coach first, filtered by state and name.
 * The table refreshes itself: htmx asks for {@code /caseload/table} every 20 s.
 */
@Controller
class CaseloadPage {

	private final CaseloadBoard board;
	private final Messenger messenger;
	private final CoachScope scope;
	private final ProgressCharts charts;
	private final CoachAccounts accounts;

	private static final int LONGEST_SEARCH = 100;

	/** Weeks in the caseload's answer rate. */
	private static final int WEEKS = 8;

	CaseloadPage(CaseloadBoard board, Messenger messenger, CoachScope scope, ProgressCharts charts,
			CoachAccounts accounts) {
		this.accounts = accounts;
		this.board = board;
		this.messenger = messenger;
		this.scope = scope;
		this.charts = charts;
	}

	@GetMapping("/")
	String caseload(@RequestParam(defaultValue = "") String state, @RequestParam(defaultValue = "") String q,
			Authentication coach, Model model) {
		fill(state, q, coach, model);
		model.addAttribute("states", Arrays.stream(Responsiveness.values()).map(StateOption::of).toList());
		model.addAttribute("weeks", charts.weekly(scope.caseload(coach), WEEKS));
		// while participants read their username, the coach is told so once, above the table
		model.addAttribute("unnamed",
				accounts.find(coach.getName()).map(Coach::displayName).isEmpty() ? coach.getName() : null);
		return "caseload";
	}

	/** The table alone, for htmx's polling and the filter form. */
	@HxRequest
	@GetMapping("/caseload/table")
	String table(@RequestParam(defaultValue = "") String state, @RequestParam(defaultValue = "") String q,
			Authentication coach, Model model) {
		fill(state, q, coach, model);
		return "caseload :: table";
	}

	private void fill(String state, String q, Authentication coach, Model model) {
		Responsiveness filter = parse(state);
		// a search is part of a name and is not stored: a longer one is cut, as a filter never shows an error page
		String search = q.length() > LONGEST_SEARCH ? q.substring(0, LONGEST_SEARCH) : q;
		model.addAttribute("rows", board.rows(coach, filter, search));
		model.addAttribute("state", filter == null ? "" : filter.name());
		model.addAttribute("q", search);
		// Messages waiting on a provider that does not answer: coaches should know before a
		// participant tells them a check-in never came.
		model.addAttribute("backlog", messenger.backlog());
	}

	private static Responsiveness parse(String state) {
		try {
			return state.isBlank() ? null : Responsiveness.valueOf(state.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null; // an unknown filter shows everyone rather than an error page
		}
	}

	/** A choice in the state filter: its value and the message key of its words. */
	public record StateOption(String value, String word) {

		static StateOption of(Responsiveness state) {
			return new StateOption(state.name(), CaseloadRow.key(state));
		}
	}
}
