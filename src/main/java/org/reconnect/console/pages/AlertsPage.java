package org.reconnect.console.pages;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.reconnect.coaches.CrisisReach;
import org.reconnect.consent.AllyView;
import org.reconnect.consent.ConsentService;
import org.reconnect.console.AlertsInbox;
import org.reconnect.coaches.CrisisReach;
import org.reconnect.console.NoticeAlreadyAcknowledged;
import org.reconnect.escalation.AttentionItem;
import org.reconnect.escalation.EscalationService;
import org.reconnect.escalation.ResponsivenessView;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.system.InvalidInput;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

/**
 * The alerts inbox: open escalations and crisis notices in the coach's caseload, who else was
 * told and when, and one button to acknowledge (htmx swaps the card; without script the form
 * posts and comes back here). Supervisors also see crisis notices from numbers nobody has
 * enrolled, with the number masked ({@link AlertsInbox}).
 */
@Controller
class AlertsPage {

	/** A path in this console: one slash, then URL characters only (no backslash, space or control character). */
	private static final Pattern LOCAL_PATH = Pattern.compile("/(?![/\\\\])[A-Za-z0-9._~!$&'()*+,;=:@%/?#-]*");

	private final CoachScope scope;
	private final EscalationService escalation;
	private final ConsentService consent;
	private final CaseloadBoard board;
	private final AlertsInbox inbox;
	private final CrisisReach reach;
	private final MessageSource texts;

	AlertsPage(CoachScope scope, EscalationService escalation, ConsentService consent, CaseloadBoard board,
			AlertsInbox inbox, CrisisReach reach, MessageSource texts) {
		this.reach = reach;
		this.texts = texts;
		this.scope = scope;
		this.escalation = escalation;
		this.consent = consent;
		this.board = board;
		this.inbox = inbox;
	}

	@GetMapping("/alerts")
	String inbox(Authentication coach, Model model) {
		List<AlertCard> cards = new ArrayList<>();
		for (ParticipantProfile participant : scope.caseload(coach)) {
			List<AttentionItem> open = escalation.openAttention(participant.id());
			if (!open.isEmpty()) {
				cards.add(card(participant, open, null));
			}
		}
		cards.sort(Comparator.comparing(AlertCard::crisis).reversed().thenComparing(AlertCard::since));
		model.addAttribute("cards", cards);
		model.addAttribute("unenrolled", inbox.unenrolledCrises(coach).stream().map(n -> unenrolled(n, null)).toList());
		model.addAttribute("supervisor", scope.isSupervisor(coach));
		// Said plainly where notices wait: a crisis that reaches nobody must not go unnoticed.
		model.addAttribute("nobodyForCrises", scope.isSupervisor(coach) && !reach.supervisorsReachable());
		model.addAttribute("youUnreachable", !reach.reachable(coach.getName()));
		return "alerts";
	}

	/**
	 * Acknowledges a crisis notice from a number nobody has enrolled (supervisors only: for anyone
	 * else it is not found, like another coach's participant).
	 */
	@PostMapping("/alerts/notices/{notice}/acknowledge")
	String acknowledgeUnenrolled(@PathVariable String notice, Authentication coach, HtmxRequest htmx, Model model) {
		AttentionItem item;
		String done;
		try {
			item = inbox.acknowledge(notice, coach);
			done = say("alerts.done.notice");
		}
		catch (NoticeAlreadyAcknowledged already) {
			item = escalation.notice(notice).orElseThrow();
			done = say("alerts.done.already");
		}
		if (htmx.isHtmxRequest()) {
			model.addAttribute("notice", unenrolled(item, done));
			return "alerts :: notice";
		}
		return "redirect:/alerts";
	}

	/** Acknowledges the participant's open escalation: the ladder stops above the steps taken. */
	@PostMapping("/alerts/{id}/acknowledge")
	String acknowledge(@PathVariable String id, @RequestParam(required = false) String back, Authentication coach,
			HtmxRequest htmx, Model model) {
		ParticipantProfile participant = scope.owned(id, coach);
		escalation.acknowledge(participant.id(), coach.getName());
		return answer(participant, back, htmx, model, say("alerts.done.escalation"));
	}

	/** Acknowledges one crisis or handover notice. */
	@PostMapping("/alerts/{id}/notices/{notice}/acknowledge")
	String acknowledgeNotice(@PathVariable String id, @PathVariable String notice,
			@RequestParam(required = false) String back, Authentication coach, HtmxRequest htmx, Model model) {
		ParticipantProfile participant = scope.owned(id, coach);
		escalation.acknowledgeNotice(participant.id(), notice, coach.getName());
		return answer(participant, back, htmx, model, say("alerts.done.notice"));
	}

	private String answer(ParticipantProfile participant, String back, HtmxRequest htmx, Model model, String done) {
		if (htmx.isHtmxRequest()) {
			model.addAttribute("card", card(participant, escalation.openAttention(participant.id()), done));
			return "alerts :: card";
		}
		if (back == null || back.isBlank()) {
			return "redirect:/alerts";
		}
		// only a path inside the console: never an open redirect, never a line break in the Location header
		if (back.length() > 200 || !LOCAL_PATH.matcher(back).matches()) {
			throw InvalidInput.of("back", "problem.back");
		}
		return "redirect:" + back;
	}

	private AlertCard card(ParticipantProfile participant, List<AttentionItem> open, String done) {
		ResponsivenessView responsiveness = escalation.responsiveness(participant.id());
		CaseloadRow row = board.row(participant);
		List<Told> told = open.stream()
			.map(item -> new Told(item.id(), words("words.kind.", item.kind()), who(item, participant),
					outcome(item.outcome()), item.at(), isNotice(item)))
			.toList();
		Instant since = open.stream().map(AttentionItem::at).min(Comparator.naturalOrder()).orElse(Instant.EPOCH);
		boolean ladderOpen = responsiveness.openEpisode() != null && responsiveness.acknowledgedAt() == null
				&& told.stream().anyMatch(t -> !t.notice());
		return new AlertCard(participant.id().value(), participant.name(), row, told, since, row.crisis(), ladderOpen,
				done);
	}

	/** What became of an alert, in words (words.outcome. keys). */
	String outcome(String outcome) {
		return words("words.outcome.", outcome == null ? "" : outcome);
	}

	/** The words for a code (QUIET, NO_CONSENT, ...), or the code in lower case when the bundle has none. */
	private String words(String prefix, String code) {
		return texts.getMessage(prefix + code, null, code.toLowerCase(Locale.ROOT).replace('_', ' '),
				LocaleContextHolder.getLocale());
	}

	private String say(String key, Object... values) {
		return texts.getMessage(key, values, LocaleContextHolder.getLocale());
	}

	private static boolean isNotice(AttentionItem item) {
		return item.recipient() == null;
	}

	private String who(AttentionItem item, ParticipantProfile participant) {
		if (item.recipient() == null) {
			return say("alerts.who.you", words("words.kind.", item.kind()));
		}
		if (item.recipient().equals("participant")) {
			return say("alerts.who.participant", participant.firstName());
		}
		if (item.recipient().startsWith("coach:")) {
			return say("alerts.who.coach", item.recipient().substring("coach:".length()));
		}
		if (item.recipient().startsWith("ally:")) {
			return consent.ally(item.recipient().substring("ally:".length()))
				.map(AllyView::name)
				.map(name -> say("alerts.who.ally", name))
				.orElse(say("alerts.who.an-ally"));
		}
		return item.recipient();
	}

	private UnenrolledNotice unenrolled(AttentionItem notice, String done) {
		return new UnenrolledNotice(notice.id(), notice.maskedPhone(), notice.at(), outcome(notice.outcome()),
				notice.acknowledgedAt() == null, done);
	}

	/**
	 * A crisis notice from a number nobody has enrolled.
	 *
	 * @param maskedPhone the sender's number, masked (never shown whole)
	 * @param open false once someone has acknowledged it
	 */
	public record UnenrolledNotice(String id, String maskedPhone, Instant at, String outcome, boolean open,
			String done) {
	}

	/** One participant's open alerts. */
	public record AlertCard(String id, String name, CaseloadRow row, List<Told> told, Instant since, boolean crisis,
			boolean ladderOpen, String done) {
	}

	/** Who was told, how it went and when; a notice can be acknowledged on its own. */
	public record Told(String id, String kind, String who, String outcome, Instant at, boolean notice) {
	}
}
