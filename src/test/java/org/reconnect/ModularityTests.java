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
	 * docs/modules, which the README links: committed, so a change of shape shows in review. (The
	 * module canvases are not written: Spring Modulith 2.0.3 reads the Javadoc it collected with
	 * Spring Boot's BasicJsonParser, which fails on quotation marks inside a comment.)
	 */
	@Test
	void writesTheModuleDiagramsIntoDocs() throws Exception {
		Path out = Path.of("docs", "modules");
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder(out.toString())).writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml();
		assertThat(out.resolve("components.puml")).exists();
		for (ApplicationModule module : modules) {
			assertThat(out.resolve("module-" + module.getIdentifier() + ".puml"))
				.as("the diagram of " + module.getIdentifier()).exists();
		}
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
