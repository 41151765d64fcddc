package org.reconnect.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.io.IOException;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * A deployment that still names MongoDB the Spring Boot 3 way is stopped at start with the new
 * name, instead of quietly running without the MongoDB it names.
 */
class MovedMongoPropertiesTests {

	private final MovedMongoProperties check = new MovedMongoProperties();

	@Test
	void theOldUriInAnEnvironmentVariableStopsTheStartNamingTheNewOne() {
		StandardEnvironment environment = withVariables(
				Map.of("SPRING_DATA_MONGODB_URI", "mongodb://mongo1:27017/reconnect?replicaSet=rs0"));
		assertThatIllegalStateException().isThrownBy(() -> check.postProcessEnvironment(environment, new SpringApplication()))
			.withMessageContaining("spring.data.mongodb.uri")
			.withMessageContaining("spring.mongodb.uri")
			.withMessageContaining("SPRING_MONGODB_URI");
	}

	@Test
	void theOldNamesInAConfigurationFileStopTheStartToo() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("application.yml", Map.of("spring.data.mongodb.database", "reconnect")));
		assertThatIllegalStateException().isThrownBy(() -> check.postProcessEnvironment(environment, new SpringApplication()))
			.withMessageContaining("spring.mongodb.database");
	}

	@Test
	void theNewNamesAndSpringDatasOwnSettingsPass() {
		StandardEnvironment environment = withVariables(Map.of("SPRING_MONGODB_URI", "mongodb://mongo1:27017/reconnect"));
		environment.getPropertySources()
			.addFirst(new MapPropertySource("application.yml", Map.of("spring.data.mongodb.auto-index-creation", "true")));
		assertThatNoException().isThrownBy(() -> check.postProcessEnvironment(environment, new SpringApplication()));
	}

	@Test
	void springBootRunsTheCheckAtEveryStart() throws IOException {
		Properties factories = PropertiesLoaderUtils.loadProperties(new ClassPathResource("META-INF/spring.factories"));
		assertThat(factories.getProperty(EnvironmentPostProcessor.class.getName()).split(","))
			.contains(MovedMongoProperties.class.getName());
	}

	private static StandardEnvironment withVariables(Map<String, Object> variables) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		environment.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					variables));
		return environment;
	}
}
