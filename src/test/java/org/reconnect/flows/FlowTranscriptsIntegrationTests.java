package org.reconnect.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.reconnect.MutableClock;
import org.reconnect.SimulatorAppTestBase;
import org.reconnect.transcripts.Transcript;
import org.reconnect.transcripts.TranscriptPlayer;
import org.reconnect.transcripts.TranscriptResult;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Runs every transcript (conversation-flows/tests/*.yaml, and the policy transcripts of the tests)
 * through the real runtime with the same player the console uses ({@link TranscriptPlayer}): the
 * participant's texts (with {@code party: ally}, the ally's) go in through the phone simulator's
 * inbound path, and the replies must be exactly those written, in order, with nothing else. A coach
 * can add a transcript without writing Java.
 */
class FlowTranscriptsIntegrationTests extends SimulatorAppTestBase {

	private static final AtomicInteger PHONES = new AtomicInteger();

	@Autowired
	TranscriptPlayer player;

	@Autowired
	MutableClock clock;

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

	private void play(Path file) {
		clock.set(START);
		String phone = String.format("+1202555%04d", 200 + PHONES.getAndIncrement());
		String allyPhone = String.format("+1202556%04d", 200 + PHONES.getAndIncrement());
		TranscriptResult result = player.play(Transcript.read(file), phone, allyPhone);
		assertThat(result.passed()).as(result.describe()).isTrue();
		assertThat(clock.instant()).as("the clock is back where the transcript found it").isEqualTo(START);
	}
}
