package org.reconnect.flows;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

/** What flows there are, with their revision, errors and warnings, for coaches and the console. */
@Service
public class FlowCatalog {

	private final FlowRegistry registry;

	FlowCatalog(FlowRegistry registry) {
		this.registry = registry;
	}

	public List<FlowStatus> flows() {
		return registry.reports()
			.stream()
			.map(r -> new FlowStatus(r.file(), r.flow(), r.revision(), r.error(), r.warnings()))
			.toList();
	}

	/** The current revision of a flow drawn as states and transitions, if the flow is loaded. */
	public Optional<FlowDiagram> diagram(String flow) {
		return registry.current(flow).map(FlowDiagrams::draw);
	}

	public boolean exists(String flow) {
		return registry.current(flow).isPresent();
	}

	/**
	 * The loaded flows a coach may put on a participant's routine: those whose file says
	 * {@code routine: true}, by name.
	 */
	public Set<String> routineFlows() {
		return registry.names()
			.stream()
			.flatMap(name -> registry.current(name).stream())
			.filter(FlowDefinition::routine)
			.map(FlowDefinition::name)
			.collect(Collectors.toCollection(TreeSet::new));
	}

	/** Every language a loaded flow is written in: the languages participants are spoken to in. */
	public Set<String> languages() {
		return registry.names()
			.stream()
			.flatMap(name -> registry.current(name).stream())
			.flatMap(flow -> flow.languages().stream())
			.collect(Collectors.toCollection(TreeSet::new));
	}

	/**
	 * One flow file as loaded.
	 *
	 * @param flow null when the file never loaded
	 * @param error why the file's latest content did not load (an older revision may still run)
	 */
	public record FlowStatus(String file, String flow, String revision, String error, List<String> warnings) {
	}
}
