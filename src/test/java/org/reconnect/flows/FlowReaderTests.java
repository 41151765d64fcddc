package org.reconnect.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.Yaml;

/**
 * Every error and warning has a fixture: a small flow and, in its closing comments, the exact
 * messages it must give. Every migration has an input and its expected output.
 */
class FlowReaderTests {

	private static final Path FIXTURES = Path.of("src/test/resources/flows");

	private final FlowReader reader = new FlowReader();

	@TestFactory
	Stream<DynamicTest> eachErrorFixtureGivesItsExactMessage() throws IOException {
		return fixtures("errors").map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
			List<String> expected = expectations(file);
			assertThat(expected).as("an error fixture names one message").hasSize(1);
			assertThatThrownBy(() -> reader.read(file.toString(), Files.readString(file)))
				.isInstanceOf(FlowInvalid.class)
				.hasMessage(file + ":" + expected.get(0));
		}));
	}

	@TestFactory
	Stream<DynamicTest> eachWarningFixtureLoadsWithItsExactWarnings() throws IOException {
		return fixtures("warnings").map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
			FlowDefinition flow = reader.read(file.toString(), Files.readString(file));
			assertThat(flow.warnings()).containsExactlyElementsOf(
					expectations(file).stream().map(message -> file + ":" + message).toList());
		}));
	}

	@TestFactory
	Stream<DynamicTest> eachMigrationGivesItsExpectedTree() throws IOException {
		return fixtures("migrations").filter(f -> f.toString().endsWith(".input.yaml"))
			.map(input -> DynamicTest.dynamicTest(input.getFileName().toString(), () -> {
				Path expected = Path.of(input.toString().replace(".input.yaml", ".expected.yaml"));
				var migrated = new FlowMigrations(input.toString())
					.migrate(FlowReader.parse(input.toString(), Files.readString(input)));
				Yaml yaml = new Yaml();
				java.io.StringWriter written = new java.io.StringWriter();
				yaml.serialize(migrated, written);
				Object actual = yaml.load(written.toString());
				assertThat(actual).isEqualTo(yaml.load(Files.readString(expected)));
				reader.read(expected.toString(), Files.readString(expected));
			}));
	}

	@Test
	void aFileOverTheSizeLimitIsRefusedBeforeItIsParsed() {
		String huge = "spec_version: 2\n# " + "x".repeat(FlowReader.MAX_BYTES) + "\n";
		assertThatThrownBy(() -> reader.read("huge.yaml", huge)).isInstanceOf(FlowInvalid.class)
			.hasMessage("huge.yaml:1:1: the file is " + huge.getBytes(StandardCharsets.UTF_8).length
					+ " bytes, more than the 65536 allowed: split it into smaller flows");
	}

	@Test
	void everyShippedFlowLoadsWithoutErrors() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("conversation-flows"))) {
			List<Path> flows = files.filter(f -> f.toString().endsWith(".yaml")).toList();
			assertThat(flows).hasSizeGreaterThanOrEqualTo(4);
			for (Path file : flows) {
				FlowDefinition flow = reader.read(file.toString(), Files.readString(file));
				assertThat(flow.languages()).contains("en", "es");
				assertThat(flow.warnings()).as(file + " warnings").noneMatch(w -> w.contains("unreachable")
						|| w.contains("can never match") || w.contains("missing"));
			}
		}
	}

	@Test
	void onlyTheFlowsMadeToComeBackSayTheyMayBePutOnARoutine() throws IOException {
		java.util.Map<String, Boolean> routine = new java.util.TreeMap<>();
		try (Stream<Path> files = Files.list(Path.of("conversation-flows"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
				FlowDefinition flow = reader.read(file.toString(), Files.readString(file));
				routine.put(flow.name(), flow.routine());
			}
		}
		assertThat(routine).containsEntry("weekly-reflection", true).containsEntry("small-steps", true)
			.containsEntry("onboarding", false).containsEntry("reminder-reply", false)
			.containsEntry("daily-checkin", false).containsEntry("ally-invitation", false);
	}

	@Test
	void theSameContentGivesTheSameRevisionAndAnyChangeANewOne() throws IOException {
		String content = Files.readString(Path.of("conversation-flows/daily-checkin.yaml"));
		String revision = reader.read("a.yaml", content).revision();
		assertThat(reader.read("b.yaml", content).revision()).isEqualTo(revision);
		assertThat(reader.read("a.yaml", content.replace("Talk tomorrow.", "See you tomorrow.")).revision())
			.isNotEqualTo(revision);
	}

	private static Stream<Path> fixtures(String folder) throws IOException {
		try (Stream<Path> files = Files.list(FIXTURES.resolve(folder))) {
			return files.sorted().toList().stream();
		}
	}

	private static List<String> expectations(Path file) throws IOException {
		return Files.readAllLines(file)
			.stream()
			.filter(line -> line.startsWith("# expect: "))
			.map(line -> line.substring("# expect: ".length()))
			.toList();
	}
}
