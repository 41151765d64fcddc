package org.reconnect.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Yes, no and half answers as people type them (src/test/resources/answers/answers-table.csv),
 * read by the shipped answers files, and what a malformed answers file says.
 */
class AnswersTests {

	record Row(String reply, String kind) {
	}

	@Test
	void readsAnswersAsPeopleTypeThem() throws IOException {
		List<String> wrong = new ArrayList<>();
		List<Row> rows = table();
		for (Row row : rows) {
			String read = Answers.shipped().read(row.reply()).map(Enum::name).orElse("NONE");
			if (!read.equals(row.kind())) {
				wrong.add("'" + row.reply() + "' read as " + read + ", expected " + row.kind());
			}
		}
		assertThat(rows).hasSizeGreaterThan(80);
		assertThat(wrong).isEmpty();
	}

	@Test
	void theMatchersOfAFlowReadTheSameWords() {
		assertThat(new Matcher.Answer(Answers.Kind.YES).matches("la verdad sí")).isTrue();
		assertThat(new Matcher.Answer(Answers.Kind.NO).matches("la verdad sí")).isFalse();
		assertThat(new Matcher.Answer(Answers.Kind.SOMEWHAT).matches("not sure")).isTrue();
		assertThat(new Matcher.Answer(Answers.Kind.NO).matches("not sure")).isFalse();
		assertThat(FlowReader.WORD_MATCHERS).containsKeys("yes", "no", "somewhat");
	}

	@Test
	void aPhraseUnderTwoHeadingsStopsTheStartNamingIt() {
		assertThatThrownBy(() -> Answers.load("classpath*:answers/broken/twice_*.txt"))
			.hasMessageContaining("twice_en.txt:5").hasMessageContaining("'maybe'").hasMessageContaining("[yes]");
		assertThatThrownBy(() -> Answers.load("classpath*:answers/broken/heading_*.txt"))
			.hasMessageContaining("heading_en.txt:2").hasMessageContaining("[perhaps]");
	}

	private static List<Row> table() throws IOException {
		try (InputStream in = AnswersTests.class.getResourceAsStream("/answers/answers-table.csv")) {
			List<Row> rows = new ArrayList<>();
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] parts = line.split("\\|");
				rows.add(new Row(parts[0], parts[1]));
			}
			return rows;
		}
	}
}
