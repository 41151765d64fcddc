package org.reconnect.flows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The flows in force, read from the flow directory at start-up. Each revision is stored by its
 * content hash, so a conversation finishes on the revision it started on. An invalid file is
 * reported and skipped; it never stops the service.
 */
@Component
class FlowRegistry {

	private static final Logger log = LoggerFactory.getLogger(FlowRegistry.class);

	private final FlowReader reader = new FlowReader();
	private final FlowRevisions revisions;
	private final Clock clock;
	private final Map<String, FlowDefinition> current = new ConcurrentHashMap<>();
	private final Map<String, FlowDefinition> byRevision = new ConcurrentHashMap<>();
	private final Map<String, String> errors = new ConcurrentHashMap<>();

	FlowRegistry(FlowSettings settings, FlowRevisions revisions, Clock clock) {
		this.revisions = revisions;
		this.clock = clock;
		loadDirectory(settings.directory());
	}

	private void loadDirectory(Path directory) {
		if (!Files.isDirectory(directory)) {
			log.error("Flow directory {} not found: no flow can run until it exists", directory.toAbsolutePath());
			return;
		}
		try (Stream<Path> files = Files.list(directory)) {
			files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().forEach(this::load);
		}
		catch (IOException ex) {
			log.error("Could not list flow directory {}: {}", directory, ex.getMessage());
		}
	}

	private void load(Path file) {
		try {
			String content = Files.readString(file, StandardCharsets.UTF_8);
			FlowDefinition flow = reader.read(file.toString(), content);
			if (!revisions.existsById(flow.revision())) {
				revisions.save(new FlowRevision(flow.revision(), flow.name(), file.toString(), content, clock.instant()));
			}
			byRevision.put(flow.revision(), flow);
			current.put(flow.name(), flow);
			log.info("Loaded flow {} revision {}", flow.name(), flow.revision());
		}
		catch (FlowInvalid ex) {
			errors.put(file.toString(), ex.getMessage());
			log.error("Flow not loaded: {}", ex.getMessage());
		}
		catch (IOException ex) {
			errors.put(file.toString(), ex.getMessage());
			log.error("Flow file {} could not be read: {}", file, ex.getMessage());
		}
	}

	Optional<FlowDefinition> current(String name) {
		return Optional.ofNullable(current.get(name));
	}

	/** The revision a conversation started on, read back from the store after a restart. */
	FlowDefinition revision(String revision) {
		return byRevision.computeIfAbsent(revision, r -> revisions.findById(r)
			.map(stored -> reader.read(stored.file(), stored.content()))
			.orElseThrow(() -> new IllegalStateException("flow revision " + r + " is not stored")));
	}

	Map<String, String> errors() {
		return Map.copyOf(errors);
	}
}
