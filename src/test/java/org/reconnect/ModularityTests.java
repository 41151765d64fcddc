package org.reconnect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(ReconnectApplication.class);

	@Test
	void modulesKeepTheirBoundaries() {
		modules.verify();
	}

	/**
	 * The module diagram (components.puml) and one per module, generated from the code into
	 * docs/modules, with each module's canvas (AsciiDoc) and the module diagram drawn as SVG, which
	 * the README shows: committed, so a change of shape shows in review.
	 */
	@Test
	void writesTheModuleDiagramsIntoDocs() throws Exception {
		Path out = Path.of("docs", "modules");
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder(out.toString())).writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml().writeModuleCanvases();
		try (var files = Files.list(out)) {
			for (Path file : files.toList()) {
				if (file.toString().endsWith(".puml")) {
					sortRelations(file);
				}
				else if (file.toString().endsWith(".adoc")) {
					sortCanvasLists(file);
				}
			}
		}
		assertThat(out.resolve("components.puml")).exists();
		Path svg = out.resolve("components.svg");
		renderAsSvg(out.resolve("components.puml"), svg);
		assertThat(Files.readString(svg)).as("the module diagram the README shows").contains("<svg", "Messaging");
		for (ApplicationModule module : modules) {
			assertThat(out.resolve("module-" + module.getIdentifier() + ".puml"))
				.as("the diagram of " + module.getIdentifier()).exists();
		}
	}

	/** PlantUML's own Java layout (smetana), so no Graphviz is needed to draw it. */
	private static void renderAsSvg(Path puml, Path svg) throws java.io.IOException {
		String source = Files.readString(puml).replaceFirst("@startuml", "@startuml\n!pragma layout smetana");
		try (var outStream = Files.newOutputStream(svg)) {
			new net.sourceforge.plantuml.SourceStringReader(source)
				.outputImage(outStream, new net.sourceforge.plantuml.FileFormatOption(net.sourceforge.plantuml.FileFormat.SVG));
		}
	}

	/** Modulith writes the relations in no fixed order; sorted, a file changes only when the shape does. */
	private static void sortRelations(Path file) throws java.io.IOException {
		List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file));
		int start = 0;
		while (start < lines.size()) {
			int end = start;
			while (end < lines.size() && lines.get(end).startsWith("Rel(")) {
				end++;
			}
			java.util.Collections.sort(lines.subList(start, end));
			start = end + 1;
		}
		Files.write(file, lines);
	}

	/** A canvas's lists ("|* a", "* b", ...) come in no fixed order either; sorted like the relations. */
	private static void sortCanvasLists(Path file) throws java.io.IOException {
		List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file));
		for (int start = 0; start < lines.size(); start++) {
			if (!lines.get(start).startsWith("|* ")) {
				continue;
			}
			int end = start + 1;
			while (end < lines.size() && lines.get(end).startsWith("* ")) {
				end++;
			}
			List<String> items = new java.util.ArrayList<>(lines.subList(start, end).stream()
				.map(line -> line.substring(line.indexOf('*')))
				.sorted()
				.toList());
			items.set(0, "|" + items.get(0));
			for (int i = start; i < end; i++) {
				lines.set(i, items.get(i - start));
			}
			start = end - 1;
		}
		Files.write(file, lines);
	}

	@Test
	void theReadmesModuleTableNamesEveryModuleAndNoOther() throws Exception {
		List<String> lines = Files.readAllLines(Path.of("README.md"));
		int header = lines.indexOf("| module | owns |");
		assertThat(header).as("the README's module table").isNotNegative();
		Set<String> inReadme = lines.stream().skip(header + 2).takeWhile(line -> line.startsWith("| "))
			.map(line -> line.substring(2, line.indexOf(" |", 2)).trim())
			.collect(Collectors.toSet());
		Set<String> inCode = modules.stream().map(module -> module.getIdentifier().toString()).collect(Collectors.toSet());
		assertThat(inReadme).isEqualTo(inCode);
	}

	@Test
	void nothingOutsideFlowsImportsStatemachine() {
		com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses()
			.that()
			.resideOutsideOfPackage("org.reconnect.flows..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework.statemachine..")
			.check(new com.tngtech.archunit.core.importer.ClassFileImporter().importPackages("org.reconnect"));
	}
}
