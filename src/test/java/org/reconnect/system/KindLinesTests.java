package org.reconnect.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.reconnect.system.KindLines.KindLine;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;

/** Word files as their editors write them: comments and blank lines left out, a mistake named by file and line. */
class KindLinesTests {

	@Test
	void readsEachKindLineWithItsNumberAndLeavesOutCommentsAndBlankLines() {
		Resource file = file("keywords_es.txt", "# palabras\n\nstop:  parar  baja \r\nphrase: ^ya no (quiero|deseo)\n");
		assertThat(KindLines.read(file)).containsExactly(new KindLine("keywords_es.txt", 3, "stop", "parar  baja"),
				new KindLine("keywords_es.txt", 4, "phrase", "^ya no (quiero|deseo)"));
	}

	@Test
	void aLineWithoutAKindIsRefusedNamingTheFileAndTheLine() {
		assertThatThrownBy(() -> KindLines.read(file("keywords_en.txt", "stop: stop\nquit\n")))
			.hasMessageStartingWith("keywords_en.txt line 2: expected 'kind: value'");
	}

	@Test
	void anUnknownKindIsRefusedWithWhatTheReaderExpects() {
		KindLine line = KindLines.read(file("acknowledgements_en.txt", "agre: ok\n")).get(0);
		assertThat(line.unknown("use agree or answer")).hasMessage(
				"acknowledgements_en.txt line 1: unknown kind 'agre': use agree or answer");
	}

	private static Resource file(String name, String text) {
		return new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8)) {
			@Override
			public String getFilename() {
				return name;
			}
		};
	}
}
