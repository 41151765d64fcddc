package org.reconnect;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(ReconnectApplication.class);

	@Test
	void modulesKeepTheirBoundaries() {
		modules.verify();
	}

	@Test
	void writesModuleDiagrams() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
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
