package org.reconnect.transcripts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;

/**
 * One transcript file: who the participant is, the flow it starts, and its steps in order.
 *
 * @param flow the flow started first, or null when the steps start flows themselves
 * @param language the participant's, or null for the configured default (the first offered)
 * @param ally with {@code party: ally}, the ally the participant names, whose side is played;
 *        null when the participant's side is played
 */
public record Transcript(String file, String flow, String name, String timeZone, String language, Ally ally,
		List<Step> steps) {

	/**
	 * The ally of a {@code party: ally} transcript: their name, their language (null: the
	 * participant's) and the alert kinds the participant asks for (null: the default ones).
	 */
	public record Ally(String name, String language, List<String> kinds) {
	}

	private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(m|h|d)");

	/**
	 * One step: {@code expect} (the next replies, exactly), {@code send} (a text from the phone),
	 * {@code after} (time passes with no reply, and the due work of that moment runs as the
	 * scheduler's sweep would: timeouts, expiries, consent renewals, escalation steps, reminders),
	 * {@code start} (a flow starts), {@code state} (the open conversation, "flow/state" or "none"),
	 * {@code consent} (with {@code party: ally}: the ally's consent state, e.g. "ACTIVE"),
	 * {@code participant} (with {@code party: ally}: a text from the participant's phone),
	 * {@code share} (the milestones the participant shares with allies, e.g. [DAYS_TAKING_PART]).
	 */
	public record Step(int number, String kind, List<String> texts) {

		public String text() {
			return texts.get(0);
		}

		@Override
		public String toString() {
			return "step " + number + " (" + kind + ": " + String.join(" | ", texts) + ")";
		}
	}

	/** The flow this transcript tests: the one it starts with, or else the first one a step starts. */
	public String testedFlow() {
		if (flow != null) {
			return flow;
		}
		return steps.stream().filter(s -> s.kind().equals("start")).map(Step::text).findFirst().orElse(null);
	}

	public static Transcript read(Path file) {
		try {
			return parse(file.toString(), Files.readString(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	static Transcript parse(String file, String yaml) {
		Map<String, Object> root = new Yaml().load(yaml);
		Map<String, Object> who = (Map<String, Object>) root.getOrDefault("participant", Map.of());
		List<Step> steps = new ArrayList<>();
		int number = 0;
		for (Map<String, Object> step : (List<Map<String, Object>>) root.getOrDefault("steps", List.of())) {
			number++;
			Map.Entry<String, Object> only = step.entrySet().iterator().next();
			Object value = only.getValue();
			List<String> texts = value instanceof List<?> list ? list.stream().map(String::valueOf).toList()
					: List.of(String.valueOf(value));
			steps.add(new Step(number, only.getKey(), texts));
		}
		Ally ally = null;
		if ("ally".equals(root.get("party"))) {
			Map<String, Object> named = (Map<String, Object>) root.getOrDefault("ally", Map.of());
			List<String> kinds = (List<String>) named.get("kinds");
			ally = new Ally((String) named.getOrDefault("name", "Maria Lopez"), (String) named.get("language"),
					kinds == null ? null : List.copyOf(kinds));
		}
		return new Transcript(file, (String) root.get("flow"), (String) who.getOrDefault("name", "Sam Rivera"),
				(String) who.getOrDefault("time_zone", "America/New_York"), (String) who.get("language"),
				ally, List.copyOf(steps));
	}

	/** "30m", "2h", "1d". */
	static Duration duration(String text) {
		Matcher found = DURATION.matcher(text.trim());
		if (!found.matches()) {
			throw new IllegalArgumentException("not a duration like 30m, 2h or 1d: " + text);
		}
		long amount = Long.parseLong(found.group(1));
		return switch (found.group(2)) {
			case "m" -> Duration.ofMinutes(amount);
			case "h" -> Duration.ofHours(amount);
			default -> Duration.ofDays(amount);
		};
	}
}
