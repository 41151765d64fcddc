package org.reconnect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.reconnect.flows.ConversationRuntime;
import org.reconnect.messaging.Messenger;
import org.reconnect.messaging.SentMessage;
import org.reconnect.participants.EnrolParticipant;
import org.reconnect.participants.ParticipantId;
import org.reconnect.participants.ParticipantService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.yaml.snakeyaml.Yaml;

/**
 * Runs every transcript (conversation-flows/tests/*.yaml, and the policy transcripts of the tests)
 * through the real runtime: the participant's texts go in through the phone simulator's inbound
 * path, and the replies must be exactly those written, in order, with nothing else. A coach can
 * add a transcript without writing Java.
 */
class FlowTranscriptsIntegrationTests extends SimulatorAppTestBase {

	private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(m|h|d)");
	private static final AtomicInteger PHONES = new AtomicInteger();

	@Autowired
	ParticipantService participants;

	@Autowired
	ConversationRuntime conversations;

	@Autowired
	Messenger messenger;

	@Autowired
	MutableClock clock;

	@Autowired
	TestRestTemplate http;

	@TestFactory
	Stream<DynamicTest> everyTranscriptPlaysExactlyAsWritten() throws IOException {
		List<Path> files = new ArrayList<>();
		for (Path dir : List.of(Path.of("conversation-flows/tests"), Path.of("src/test/resources/flows/policies/tests"))) {
			try (Stream<Path> listing = Files.list(dir)) {
				listing.filter(f -> f.toString().endsWith(".yaml")).sorted().forEach(files::add);
			}
		}
		assertThat(files).isNotEmpty();
		return files.stream().map(file -> DynamicTest.dynamicTest(file.toString(), () -> play(file)));
	}

	@SuppressWarnings("unchecked")
	private void play(Path file) throws IOException {
		Map<String, Object> transcript = new Yaml().load(Files.readString(file));
		Map<String, Object> who = (Map<String, Object>) transcript.getOrDefault("participant", Map.of());
		String phone = String.format("+1202555%04d", 200 + PHONES.getAndIncrement());
		clock.set(START);
		ParticipantId id = participants.enrol(new EnrolParticipant((String) who.getOrDefault("name", "Sam Rivera"), phone,
				(String) who.getOrDefault("time_zone", "America/New_York"), "09:00",
				(String) who.getOrDefault("language", "en")), "coach").id();
		Replies replies = new Replies(phone);
		if (transcript.containsKey("flow")) {
			conversations.start(id, (String) transcript.get("flow"));
		}
		int number = 0;
		for (Map<String, Object> step : (List<Map<String, Object>>) transcript.get("steps")) {
			number++;
			String where = file + " step " + number + " " + step;
			if (step.containsKey("expect")) {
				Object expected = step.get("expect");
				List<String> texts = expected instanceof List<?> list ? (List<String>) list : List.of((String) expected);
				assertThat(replies.next(texts.size())).as(where).containsExactlyElementsOf(texts);
				continue;
			}
			assertThat(replies.unread()).as("replies nobody expected before " + where).isEmpty();
			if (step.containsKey("send")) {
				var response = http.withBasicAuth("coach", "sim-pass")
					.postForEntity("/api/simulator/inbound", Map.of("from", phone, "body", step.get("send").toString()),
							String.class);
				assertThat(response.getStatusCode()).as(where).isEqualTo(HttpStatus.OK);
			}
			else if (step.containsKey("after")) {
				clock.advance(duration(step.get("after").toString()));
				conversations.timeoutsDue();
				conversations.expireDue();
			}
			else if (step.containsKey("start")) {
				conversations.start(id, step.get("start").toString());
			}
			else if (step.containsKey("state")) {
				assertThat(conversations.open(id).map(c -> c.flow() + "/" + c.state()).orElse("none")).as(where)
					.isEqualTo(step.get("state"));
			}
		}
		assertThat(replies.unread()).as(file + ": replies nobody expected at the end").isEmpty();
	}

	private static Duration duration(String text) {
		Matcher found = DURATION.matcher(text.trim());
		assertThat(found.matches()).as("duration " + text).isTrue();
		long amount = Long.parseLong(found.group(1));
		return switch (found.group(2)) {
			case "m" -> Duration.ofMinutes(amount);
			case "h" -> Duration.ofHours(amount);
			default -> Duration.ofDays(amount);
		};
	}

	/** The texts sent to one phone, read in order. */
	private final class Replies {

		private final String phone;
		private int read;

		Replies(String phone) {
			this.phone = phone;
		}

		List<String> next(int count) {
			List<String> all = all();
			List<String> next = all.subList(read, Math.min(all.size(), read + count));
			read += next.size();
			return next;
		}

		List<String> unread() {
			List<String> all = all();
			return all.subList(Math.min(read, all.size()), all.size());
		}

		private List<String> all() {
			List<String> newestFirst = messenger.recent(phone, 200).stream().map(SentMessage::body).toList();
			List<String> oldestFirst = new ArrayList<>(newestFirst);
			java.util.Collections.reverse(oldestFirst);
			return oldestFirst;
		}
	}
}
