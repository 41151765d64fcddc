package org.reconnect.flows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The flows in force, read from the flow directory at start-up and again whenever a file changes
 * (polled, so it works on any file system). A changed file is validated first: an invalid change
 * leaves the previous revision running and reports why. Each revision is stored by its content
 * hash, so a conversation finishes on the revision it started on.
 */
@Component
class FlowRegistry {

	private static final Logger log = LoggerFactory.getLogger(FlowRegistry.class);

	private final FlowReader reader = new FlowReader();
	private final FlowRevisions revisions;
	private final Path directory;
	private final Clock clock;
	/** Flow name to the revision new conversations start on. */
	private final Map<String, FlowDefinition> current = new ConcurrentHashMap<>();
	private final Map<String, FlowDefinition> byRevision = new ConcurrentHashMap<>();
	/** File to what was last read from it: its content hash, and the error if it did not load. */
	private final Map<Path, FileState> files = new ConcurrentHashMap<>();

	private record FileState(int contentHash, String flowName, String error) {
	}

	/** What loading each file gave, for the console and the validate command. */
	record Report(String file, String flow, String revision, String error, List<String> warnings) {
	}

	FlowRegistry(FlowSettings settings, FlowRevisions revisions, Clock clock) {
		this.revisions = revisions;
		this.directory = settings.directory();
		this.clock = clock;
		refresh();
	}

	/** Reads every flow file that is new or changed since the last look. */
	@Scheduled(fixedDelayString = "${reconnect.flows.reload-interval:5s}", initialDelayString = "${reconnect.flows.reload-interval:5s}")
	synchronized void refresh() {
		if (!Files.isDirectory(directory)) {
			log.error("Flow directory {} not found: no flow can run until it exists", directory.toAbsolutePath());
			return;
		}
		Set<Path> seen = new HashSet<>();
		try (Stream<Path> listing = Files.list(directory)) {
			listing.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
				.sorted()
				.forEach(file -> {
					seen.add(file);
					load(file);
				});
		}
		catch (IOException ex) {
			log.error("Could not list flow directory {}: {}", directory, ex.getMessage());
			return;
		}
		for (Path gone : new HashSet<>(files.keySet())) {
			if (!seen.contains(gone)) {
				FileState state = files.remove(gone);
				if (state.flowName() != null) {
					current.remove(state.flowName());
					log.warn("Flow file {} was removed: flow {} starts no new conversations", gone, state.flowName());
				}
			}
		}
	}

	private void load(Path file) {
		String content;
		try {
			content = Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			files.put(file, new FileState(0, null, file + ": cannot be read: " + ex.getMessage()));
			return;
		}
		FileState before = files.get(file);
		if (before != null && before.contentHash() == content.hashCode()) {
			return;
		}
		String previousName = before == null ? null : before.flowName();
		try {
			FlowDefinition flow = reader.read(file.toString(), content);
			if (!revisions.existsById(flow.revision())) {
				revisions.save(new FlowRevision(flow.revision(), flow.name(), file.toString(), content, clock.instant()));
			}
			byRevision.put(flow.revision(), flow);
			current.put(flow.name(), flow);
			files.put(file, new FileState(content.hashCode(), flow.name(), null));
			log.info("Loaded flow {} revision {} from {} ({} warnings)", flow.name(), flow.revision(), file,
					flow.warnings().size());
			flow.warnings().forEach(warning -> log.warn("Flow warning: {}", warning));
		}
		catch (FlowInvalid ex) {
			files.put(file, new FileState(content.hashCode(), previousName, ex.getMessage()));
			log.error("Flow not loaded{}: {}", previousName != null ? " (the previous revision keeps running)" : "",
					ex.getMessage());
		}
	}

	Optional<FlowDefinition> current(String name) {
		return Optional.ofNullable(current.get(name));
	}

	Set<String> names() {
		return Set.copyOf(current.keySet());
	}

	/** The revision a conversation started on, read back from the store after a restart. */
	FlowDefinition revision(String revision) {
		return byRevision.computeIfAbsent(revision, r -> revisions.findById(r)
			.map(stored -> reader.read(stored.file(), stored.content()))
			.orElseThrow(() -> new IllegalStateException("flow revision " + r + " is not stored")));
	}

	/** Every flow file with its error or its warnings, by file name. */
	List<Report> reports() {
		Map<Path, Report> reports = new TreeMap<>();
		files.forEach((file, state) -> {
			FlowDefinition flow = state.flowName() == null ? null : current.get(state.flowName());
			reports.put(file, new Report(file.toString(), state.flowName(), flow == null ? null : flow.revision(),
					state.error(), flow == null ? List.of() : flow.warnings()));
		});
		return List.copyOf(reports.values());
	}
}
