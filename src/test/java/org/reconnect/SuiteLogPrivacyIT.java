package org.reconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Runs after the whole suite, in mvn verify (maven-failsafe-plugin): reads the log output of every
 * test class (target/surefire-reports/*-output.txt, where surefire redirects it) and fails on the
 * first lines that show a phone number or a message text, naming file, line and what was found.
 * It cannot pass on nothing: it demands the output of many classes, many lines and the
 * application's own start-up lines.
 */
class SuiteLogPrivacyIT {

	private static final Path REPORTS = Path.of("target", "surefire-reports");

	/** The program's own senders in the tests (LoopTestSupport): not a person's number. */
	private static final Set<String> SENDERS = Set.of("+15005550006", "+14155238886");

	@Test
	void noTestLogShowsAPhoneNumberOrAMessageText() throws IOException {
		String subset = System.getProperty("suite.subset", "");
		assumeTrue(subset.isBlank() || subset.startsWith("${"),
				"surefire ran only -Dtest=" + subset + ": there is no whole suite's output to read");
		LogLeaks leaks = LogLeaks.of(SENDERS, Path.of("conversation-flows"), Path.of("src/main/resources/messages"),
				Path.of("src/test/java"));
		List<Path> outputs;
		try (Stream<Path> files = Files.list(REPORTS)) {
			outputs = files.filter(file -> file.getFileName().toString().endsWith("-output.txt")).sorted().toList();
		}
		List<String> found = new ArrayList<>();
		long lines = 0;
		long startUps = 0;
		for (Path output : outputs) {
			List<String> content = LogLeaks.lines(output);
			for (int i = 0; i < content.size(); i++) {
				String line = content.get(i);
				lines++;
				if (line.contains("Started ReconnectApplication") || line.contains("Tomcat started on port")) {
					startUps++;
				}
				int number = i + 1;
				leaks.find(line).ifPresent(what -> found.add(output.getFileName() + ":" + number + ": " + what + "\n    "
						+ (line.length() > 300 ? line.substring(0, 300) + "..." : line)));
			}
		}
		System.out.printf("Read %,d lines of log output from %d test classes (%d application start-ups)%n", lines,
				outputs.size(), startUps);
		assertThat(outputs).as("test classes with log output in " + REPORTS).hasSizeGreaterThanOrEqualTo(15);
		assertThat(lines).as("lines of log output").isGreaterThan(2_000);
		assertThat(startUps).as("application start-ups seen in the log").isGreaterThanOrEqualTo(3);
		assertThat(found).as("log lines that show a phone number or a message text").isEmpty();
	}
}
