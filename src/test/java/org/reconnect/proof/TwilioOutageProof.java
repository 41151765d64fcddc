package org.reconnect.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reconnect.proof.Harness.say;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Twilio unavailable (every send answered 503) for 10 minutes ({@code -Dproof.twilio-outage})
 * while check-ins fall due, a group a minute: they wait in the outbox, which the supervisor sees
 * in readiness, in the metrics and on the coach console (its API); when Twilio is back (at most a minute later, the longest wait
 * between probes) every one goes, once, and the groups start and finish going out in the order they fell due
 * (within a group, messages go on parallel lanes and two nodes, so single ones overtake).
 */
class TwilioOutageProof {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void messagesWaitInTheOutboxAndAllGoOnceInOrderWhenTwilioReturns() throws Exception {
		Duration outage = Harness.duration("proof.twilio-outage", "PT10M");
		int perGroup = Harness.number("proof.checkins", 200);
		int groups = (int) Math.max(2, outage.toMinutes());
		try (Harness run = Harness.start(2)) {
			run.twilios.forEach(FakeTwilio::unavailable);
			say("Twilio answers 503 from now on");
			ZoneId zone = Harness.afternoonZone();
			ZonedDateTime first = ZonedDateTime.now(zone)
				.plus(Duration.ofMillis(45_000 + groups * perGroup * Harness.number("proof.enrol-ms", 20)))
				.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
			List<Instant> dues = new ArrayList<>();
			for (int g = 0; g < groups; g++) {
				LocalTime time = first.toLocalTime().plusMinutes(g);
				run.enrol(g * perGroup, (g + 1) * perGroup, zone, time);
				dues.add(first.plusMinutes(g).toInstant());
			}
			say("%d groups of %,d check-ins due a minute apart from %s", groups, perGroup, dues.get(0));
			Instant back = dues.get(0).plus(outage.compareTo(Duration.ofMinutes(groups - 1).plusSeconds(30)) >= 0 ? outage
					: Duration.ofMinutes(groups - 1).plusSeconds(30));
			Thread.sleep(Math.max(0, Duration.between(Instant.now(), dues.get(0)).toMillis()));

			// The outage: what the supervisor sees, every half minute.
			String lastReadiness = "";
			String lastConsole = "";
			while (Instant.now().isBefore(back)) {
				Thread.sleep(Math.min(30_000, Math.max(1, Duration.between(Instant.now(), back).toMillis())));
				lastReadiness = run.nodes.get(0).get("/actuator/health/readiness").body();
				JsonNode outbox = outbox(lastReadiness);
				String prometheus = run.nodes.get(1).get("/actuator/prometheus").body();
				lastConsole = run.nodes.get(1).get("/api/outbox/backlog").body();
				say("backlog: readiness outbox %s; reconnect_outbox_backlog %s; console %s; refused by Twilio so far %d",
						outbox.isMissingNode() ? "?"
								: outbox.path("status").asString() + " due=" + outbox.at("/details/due").asLong()
										+ " retrying=" + outbox.at("/details/retrying").asLong() + " oldest="
										+ outbox.at("/details/oldestDueAge").asString(),
						gauge(prometheus), lastConsole, run.twilios.stream().mapToLong(FakeTwilio::refused).sum());
			}
			// The coach console's view (the caseload page's notice, from the same figures as this API).
			assertThat(lastConsole).as("the console shows the backlog").containsPattern("\"due\":[1-9]");
			JsonNode during = outbox(lastReadiness);
			assertThat(during.at("/details/due").isNumber()).as(lastReadiness).isTrue();
			long waiting = during.at("/details/due").asLong() + during.at("/details/retrying").asLong();
			int sentDuring = run.sent().size();

			run.twilios.forEach(FakeTwilio::available);
			Instant returned = Instant.now();
			say("Twilio back");
			int all = groups * perGroup;
			boolean complete = run.awaitNumbers(TwoNodesProof.CHECK_IN, all, Duration.ofMinutes(10));
			Thread.sleep(10_000);
			List<FakeTwilio.Sent> sent = run.sent().stream().filter(s -> s.body().contains(TwoNodesProof.CHECK_IN)).toList();
			Map<String, Long> perNumber = run.perNumber(TwoNodesProof.CHECK_IN);
			long twice = perNumber.values().stream().filter(n -> n > 1).count();
			Instant lastOut = sent.stream().map(FakeTwilio.Sent::at).max(Instant::compareTo).orElse(returned);
			say("RESULT during the outage: %d sent, %,d waiting in the outbox at its end (of %,d due)", sentDuring, waiting, all);
			say("RESULT after: %,d of %,d check-ins sent, %d twice, all out %s after Twilio returned", perNumber.size(),
					all, twice, Duration.between(returned, lastOut));
			List<String> order = new ArrayList<>();
			long inversions = 0;
			Instant previousFirst = null;
			Instant previousLast = null;
			boolean groupsInOrder = true;
			for (int g = 0; g < groups; g++) {
				int group = g;
				List<Instant> times = sent.stream().filter(s -> groupOf(s.to(), perGroup) == group)
					.map(FakeTwilio.Sent::at).sorted().toList();
				if (times.isEmpty()) {
					continue;
				}
				order.add("group " + g + " (due " + dues.get(g) + "): " + times.get(0) + " .. " + times.get(times.size() - 1));
				if (previousLast != null) {
					Instant firstOfThis = times.get(0);
					groupsInOrder &= !firstOfThis.isBefore(previousFirst) && !times.get(times.size() - 1).isBefore(previousLast);
					inversions += sent.stream().filter(s -> groupOf(s.to(), perGroup) < group && s.at().isAfter(firstOfThis))
						.count();
				}
				previousFirst = times.get(0);
				previousLast = times.get(times.size() - 1);
			}
			order.forEach(line -> say("RESULT sent %s", line));
			// Each node claims batches in due order, but sends a batch on several lanes at once and the two
			// nodes drain side by side: single messages overtake each other, groups start and end in order.
			long inversionsOnANode = 0;
			for (FakeTwilio twilio : run.twilios) {
				int highest = -1;
				for (FakeTwilio.Sent each : twilio.sent()) {
					int group = groupOf(each.to(), perGroup);
					inversionsOnANode += group < highest ? 1 : 0;
					highest = Math.max(highest, group);
				}
			}
			say("RESULT %d check-ins went after one that fell due later on the same node; %d across the two nodes",
					inversionsOnANode, inversions);

			assertThat(sentDuring).isZero();
			assertThat(waiting).isEqualTo(all);
			assertThat(complete).isTrue();
			assertThat(perNumber).hasSize(all).allSatisfy((number, count) -> assertThat(count).isOne());
			assertThat(groupsInOrder).as("groups start and finish going out in the order they fell due").isTrue();
		}
	}

	private static int groupOf(String phone, int perGroup) {
		return (Integer.parseInt(phone.substring(5)) - 2000000) / perGroup;
	}

	/** The outbox component of a readiness answer (its members in any order), or a missing node. */
	private static JsonNode outbox(String readiness) {
		try {
			return JSON.readTree(readiness).at("/components/outbox");
		}
		catch (JacksonException ex) {
			return JSON.missingNode();
		}
	}

	private static String gauge(String prometheus) {
		StringBuilder out = new StringBuilder();
		Matcher m = Pattern.compile("(?m)^reconnect_outbox_backlog\\{[^}]*state=\"(\\w+)\"[^}]*} (\\S+)").matcher(prometheus);
		while (m.find()) {
			out.append(m.group(1)).append('=').append((long) Double.parseDouble(m.group(2))).append(' ');
		}
		return out.toString().trim();
	}
}
