package org.reconnect.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/** The JSON Schema that editors use agrees with the reader: shipped flows pass, bad ones fail. */
class FlowSchemaTests {

	private final ObjectMapper yaml = new YAMLMapper();
	private final Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
		.getSchema(read("conversation-flows/flow.schema.json"), InputFormat.JSON);

	@Test
	void everyShippedFlowMatchesTheSchema() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("conversation-flows"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
				assertThat(schema.validate(yaml.readTree(file.toFile()))).as(file.toString()).isEmpty();
			}
		}
	}

	@Test
	void theSchemaRefusesWhatTheReaderRefuses() throws IOException {
		for (String fixture : List.of("unknown-key", "unknown-action", "unknown-matcher", "unknown-event",
				"unknown-spec-version", "bad-duration", "missing-spec-version", "unknown-party", "bad-record-consent",
				"routine-not-true-or-false")) {
			JsonNode flow = yaml.readTree(Path.of("src/test/resources/flows/errors/" + fixture + ".yaml").toFile());
			List<Error> errors = schema.validate(flow);
			assertThat(errors).as(fixture).isNotEmpty();
		}
	}

	private static String read(String path) {
		try {
			return Files.readString(Path.of(path));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
