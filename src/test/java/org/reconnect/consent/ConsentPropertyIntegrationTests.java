package org.reconnect.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.reconnect.LoopTestSupport;
import org.reconnect.escalation.EscalationService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.JsonNode;

/**
 * Property-style: over many random sequences of check-ins, answers, expiries, sweeps, clock jumps,
 * pauses and consent changes (YES, NO, STOP ALERTS, REMOVE, new invitations, OK), no alert ever
 * reaches an ally whose consent does not hold at that moment, by an independent model of the
 * consent rules, and no alert or coach message carries anything the participant answered. The
 * participant shares every milestone and some invitations ask for PROGRESS too: no progress note
 * reaches an ally unless an invitation that named PROGRESS holds at that moment (the alerts' kinds
 * never carry over to it), and none carries an answer. The seed is fixed, so a failure is
 * reproducible; the message names the run and the step.
 */
class ConsentPropertyIntegrationTests extends LoopTestSupport {

	private static final long SEED = 20_300_308L;
	private static final int RUNS = 10;
	private static final int STEPS = 45;
	private static final Duration ANSWER_WITHIN = Duration.ofDays(7);
	private static final Duration VALID_FOR = Duration.ofDays(365);
	private static final List<String> ALLY_NAMES = List.of("Ames Hart", "Bryn Cole");

	@Autowired
	EscalationService escalation;

	@Autowired
	org.reconnect.progress.ProgressService progressNotes;

	/** One invitation of one ally, as the consent rules say it should stand. */
	static final class Invitation {

		final Instant requestedAt;

		/** Whether it asked for PROGRESS notes as well as the default alerts. */
		final boolean progress;

		String state = "REQUESTED";

		Instant grantedAt;

		Invitation(Instant requestedAt, boolean progress) {
			this.requestedAt = requestedAt;
			this.progress = progress;
		}

		boolean awaiting(Instant now) {
			return state.equals("REQUESTED") && now.isBefore(requestedAt.plus(ANSWER_WITHIN));
		}

		boolean active(Instant now) {
			return state.equals("GRANTED") && now.isBefore(grantedAt.plus(VALID_FOR));
		}
	}

	@Test
	void noAlertEverReachesAnAllyWithoutConsentAndNoneCarriesAnAnswer() {
		Random random = new Random(SEED);
		// Its own sequence, so the alerts' runs stay the ones the seed always gave.
		Random progress = new Random(SEED + 1);
		Set<String> answers = new HashSet<>();
		int alertsChecked = 0;
		int coachMessagesChecked = 0;
		int alertsStopped = 0;
		int progressNotesChecked = 0;
		for (int run = 0; run < RUNS; run++) {
			clock.set(START.plus(Duration.ofDays(800L + 40L * run)));
			String participant = "+1415555" + String.format("%04d", 100 + run);
			List<String> allies = List.of("+1312555" + String.format("%04d", 100 + 2 * run),
					"+1312555" + String.format("%04d", 101 + 2 * run));
			String id = enrol("Pat Quill", participant, "America/Los_Angeles", "13:" + String.format("%02d", run));
			// Everything shared: only the allies' consent stands between a milestone and a note.
			coach().put("/api/participants/" + id + "/progress-sharing", Map.of("shared",
					List.of("FIRST_CHECK_IN", "DAYS_TAKING_PART", "CONNECTED_WEEK", "BACK_AFTER_QUIET_SPELL")));
			Map<String, List<Invitation>> model = new HashMap<>();
			Map<String, Integer> seen = new HashMap<>();
			allies.forEach(phone -> model.put(phone, new ArrayList<>()));
			for (int which = 0; which < allies.size(); which++) {
				invite(id, allies, which, model, progress.nextBoolean());
				if (random.nextInt(10) < 7) {
					yes(model.get(allies.get(which)));
					sms(allies.get(which), "yes");
				}
				seen.put(allies.get(which), sentTo(allies.get(which)).size());
			}
			int coachSeen = sentTo(COACH_PHONE).size();

			for (int step = 0; step < STEPS; step++) {
				String where = "run " + run + ", step " + step;
				int ally = random.nextInt(2);
				String allyPhone = allies.get(ally);
				String event;
				// Each step is a day's skeleton (a check-in, perhaps an answer, its deadline) or one
				// random event between them: consent changes, OKs, pauses and clock moves.
				switch (random.nextInt(20)) {
					case 0, 1, 2 -> {
						event = "day";
						// A check-in goes outside quiet hours (its time cannot be set inside them): in
						// them, it waits for the morning here.
						clock.set(outsideQuietHours(clock.instant()));
						coach().postForEntity("/api/participants/" + id + "/check-ins", null, JsonNode.class);
						if (random.nextInt(4) == 0) {
							String answer = "zq" + random.nextInt(1_000_000) + "x";
							answers.add(answer);
							sms(participant, random.nextBoolean() ? answer : "I talked to " + answer);
						}
						clock.advance(Duration.ofHours(6));
						sweep();
					}
					case 3, 4, 5, 6 -> {
						event = "jump";
						clock.advance(Duration.ofHours(1 + random.nextInt(18)));
						sweep();
					}
					case 7, 8, 9 -> {
						event = "YES";
						yes(model.get(allyPhone));
						sms(allyPhone, random.nextBoolean() ? "YES" : "Yes");
					}
					case 10 -> {
						event = "NO";
						model.get(allyPhone)
							.stream()
							.filter(invitation -> invitation.awaiting(clock.instant()))
							.reduce((first, second) -> second)
							.ifPresent(invitation -> invitation.state = "DECLINED");
						sms(allyPhone, "no");
					}
					case 11, 12 -> {
						event = "STOP ALERTS";
						end(model.get(allyPhone), "WITHDRAWN");
						sms(allyPhone, "STOP ALERTS");
					}
					case 13 -> {
						event = "REMOVE";
						end(model.get(allyPhone), "REVOKED");
						sms(participant, "REMOVE " + ALLY_NAMES.get(ally).split(" ")[0]);
					}
					case 14, 15 -> {
						event = "revoke by coach";
						end(model.get(allyPhone), "REVOKED");
						for (JsonNode view : coach().getForObject("/api/participants/" + id + "/allies", JsonNode.class)) {
							if (view.get("phone").asText().equals(allyPhone)) {
								coach().exchange("/api/participants/" + id + "/allies/" + view.get("id").asText(),
										HttpMethod.DELETE, HttpEntity.EMPTY, String.class);
							}
						}
					}
					case 16, 17 -> {
						event = "invite";
						invite(id, allies, ally, model, progress.nextBoolean());
					}
					case 18 -> {
						event = "OK";
						sms(allyPhone, "OK");
					}
					default -> {
						event = "pause";
						sms(participant, random.nextBoolean() ? "PAUSE 2 days" : "RESUME");
					}
				}

				Instant now = clock.instant();
				for (String phone : allies) {
					List<String> sent = sentTo(phone);
					for (String text : sent.subList(seen.get(phone), sent.size())) {
						if (isProgressNote(text)) {
							progressNotesChecked++;
							assertThat(model.get(phone).stream()
								.anyMatch(invitation -> invitation.progress && invitation.active(now)))
								.as("%s (%s): a progress note reached %s without PROGRESS consent: %s", where, event, phone,
										text)
								.isTrue();
						}
						else if (isAlert(text)) {
							alertsChecked++;
							assertThat(model.get(phone).stream().anyMatch(invitation -> invitation.active(now)))
								.as("%s (%s): an alert reached %s without consent: %s", where, event, phone, text)
								.isTrue();
						}
						assertThat(answers).as("%s (%s): an ally's message carries an answer", where, event)
							.noneMatch(text::contains);
					}
					seen.put(phone, sent.size());
				}
				List<String> toCoach = sentTo(COACH_PHONE);
				for (String text : toCoach.subList(coachSeen, toCoach.size())) {
					coachMessagesChecked++;
					assertThat(answers).as("%s (%s): a coach alert carries an answer", where, event)
						.noneMatch(text::contains);
				}
				coachSeen = toCoach.size();
			}
			for (JsonNode entry : coach().getForObject("/api/participants/" + id + "/audit", JsonNode.class)) {
				if (entry.get("reason").asText().contains("no active consent")) {
					alertsStopped++;
				}
			}
			assertThat(coach().exchange("/api/participants/" + id, HttpMethod.DELETE, HttpEntity.EMPTY, Void.class)
				.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		}
		// Not vacuous: allies were alerted, and alerts were stopped at send time for want of consent.
		assertThat(alertsChecked).as("alerts that reached an ally").isPositive();
		assertThat(alertsStopped).as("alerts stopped at send time").isPositive();
		assertThat(coachMessagesChecked).isPositive();
		assertThat(progressNotesChecked).as("progress notes that reached an ally").isPositive();
	}

	/** The ending every progress note has, and no alert. */
	private static boolean isProgressNote(String text) {
		return text.contains("A word of encouragement could mean a lot") || text.contains("A friendly word could mean a lot");
	}

	private static boolean isAlert(String text) {
		return text.contains("hasn't checked in since") || text.contains("is still quiet since")
				|| text.contains("is back in touch") || text.contains("could use a caring voice");
	}

	/** The instant itself, or 08:00 in Los Angeles (the default quiet hours' end) when it falls inside them. */
	private static Instant outsideQuietHours(Instant at) {
		java.time.ZonedDateTime local = at.atZone(java.time.ZoneId.of("America/Los_Angeles"));
		if (local.getHour() >= 8 && local.getHour() < 21) {
			return at;
		}
		java.time.ZonedDateTime morning = local.toLocalTime().getHour() >= 21 ? local.plusDays(1) : local;
		return morning.toLocalDate().atTime(8, 0).atZone(local.getZone()).toInstant();
	}

	/** What the sweep job does: expire check-ins past their deadline, run due escalation, send due progress notes. */
	private void sweep() {
		conversations.expireDue();
		escalation.sweep();
		progressNotes.sendDue();
	}

	/** YES answers the newest invitation still awaiting an answer. */
	private void yes(List<Invitation> invitations) {
		invitations.stream()
			.filter(invitation -> invitation.awaiting(clock.instant()))
			.reduce((first, second) -> second)
			.ifPresent(invitation -> {
				invitation.state = "GRANTED";
				invitation.grantedAt = clock.instant();
			});
	}

	/** STOP ALERTS and REMOVE end whatever is granted or still asked; what already ended stays ended. */
	private static void end(List<Invitation> invitations, String state) {
		for (Invitation invitation : invitations) {
			if (invitation.state.equals("GRANTED") || invitation.state.equals("REQUESTED")) {
				invitation.state = state;
			}
		}
	}

	private void invite(String participant, List<String> allies, int which, Map<String, List<Invitation>> model,
			boolean progress) {
		String phone = allies.get(which);
		// The second ally lives in Tokyo: their alerts often wait out their night, which is when a
		// revocation can fall between an alert being scheduled and being sent.
		Map<String, Object> request = new HashMap<>(Map.of("name", ALLY_NAMES.get(which), "phone", phone));
		if (which == 1) {
			request.put("timeZone", "Asia/Tokyo");
		}
		if (progress) {
			request.put("kinds", List.of("MISSED_CHECK_INS", "BACK_IN_TOUCH", "PROGRESS"));
		}
		ResponseEntity<JsonNode> invited = coach().postForEntity("/api/participants/" + participant + "/allies", request,
				JsonNode.class);
		// A number is one ally of the participant: while they are asked, or agree, they are not asked again.
		Instant now = clock.instant();
		if (model.get(phone).stream().anyMatch(invitation -> invitation.awaiting(now) || invitation.active(now))) {
			assertThat(invited.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
			return;
		}
		assertThat(invited.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		model.get(phone).add(new Invitation(now, progress));
	}
}
