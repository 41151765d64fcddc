package org.reconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.reconnect.system.MaskedLogValues;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The production profile, read as Spring Boot reads it (application.yml, then
 * application-production.yml over it): a node with no MongoDB URI or Quartz database refuses to
 * start rather than keep its state on its own disk, nor without its public address (private links
 * are built on it, never on a request's Host header), logs are JSON with phone numbers masked, and
 * the actuator has a port of its own.
 */
class ProductionProfileTests {

	@Test
	void withoutTheStoresANodeCannotStart() throws IOException {
		StandardEnvironment production = production(Map.of());
		assertThatThrownBy(() -> production.getProperty("spring.mongodb.uri"))
			.hasMessageContaining("SPRING_MONGODB_URI");
		assertThatThrownBy(() -> production.getProperty("spring.datasource.url"))
			.hasMessageContaining("SPRING_DATASOURCE_URL");
	}

	@Test
	void withoutThePublicAddressANodeCannotStart() throws IOException {
		StandardEnvironment production = production(Map.of("SPRING_MONGODB_URI", "mongodb://mongo1:27017/reconnect",
				"SPRING_DATASOURCE_URL", "jdbc:postgresql://postgres:5432/reconnect_quartz"));
		assertThatThrownBy(() -> production.getProperty("reconnect.public-base-url"))
			.hasMessageContaining("RECONNECT_PUBLIC_BASE_URL");
	}

	@Test
	void thePublicAddressServesTheLinksAndTwiliosSignatures() throws IOException {
		StandardEnvironment production = production(Map.of("RECONNECT_PUBLIC_BASE_URL", "https://reconnect.example.org"));
		assertThat(production.getProperty("reconnect.public-base-url")).isEqualTo("https://reconnect.example.org");
		assertThat(production.getProperty("reconnect.messaging.twilio.public-base-url"))
			.isEqualTo("https://reconnect.example.org");
		// outside production it may be left out (links then point at localhost)
		StandardEnvironment development = development(Map.of());
		assertThat(development.getProperty("reconnect.public-base-url")).isEmpty();
		assertThat(development.getProperty("reconnect.messaging.twilio.public-base-url")).isEmpty();
	}

	@Test
	void withTheStoresGivenNothingIsEmbedded() throws Exception {
		StandardEnvironment production = production(Map.of("SPRING_MONGODB_URI",
				"mongodb://mongo1:27017/reconnect?replicaSet=rs0", "SPRING_DATASOURCE_URL",
				"jdbc:postgresql://postgres:5432/reconnect_quartz"));
		assertThat(production.getProperty("spring.mongodb.uri"))
			.isEqualTo("mongodb://mongo1:27017/reconnect?replicaSet=rs0");
		assertThat(production.getProperty("spring.datasource.url"))
			.isEqualTo("jdbc:postgresql://postgres:5432/reconnect_quartz");
		assertThat(production.getProperty("logging.structured.format.console")).isEqualTo("ecs");
		assertThat(StructuredLoggingJsonMembersCustomizer.class)
			.isAssignableFrom(Class.forName(production.getProperty("logging.structured.json.customizer"), false,
					getClass().getClassLoader()));
		assertThat(production.getProperty("logging.structured.json.customizer")).isEqualTo(MaskedLogValues.class.getName());
		assertThat(production.getProperty("management.server.port")).isEqualTo("8081");
	}

	private static StandardEnvironment development(Map<String, Object> environment) throws IOException {
		StandardEnvironment env = new StandardEnvironment();
		env.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		env.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
		env.getPropertySources().addFirst(new MapPropertySource("environment", environment));
		new YamlPropertySourceLoader().load("default", new ClassPathResource("application.yml"))
			.forEach(source -> env.getPropertySources().addLast(source));
		return env;
	}

	private static StandardEnvironment production(Map<String, Object> environment) throws IOException {
		StandardEnvironment env = new StandardEnvironment();
		env.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		env.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
		env.getPropertySources().addFirst(new MapPropertySource("environment", environment));
		YamlPropertySourceLoader yaml = new YamlPropertySourceLoader();
		yaml.load("production", new ClassPathResource("application-production.yml"))
			.forEach(source -> env.getPropertySources().addLast(source));
		yaml.load("default", new ClassPathResource("application.yml"))
			.forEach(source -> env.getPropertySources().addLast(source));
		return env;
	}
}
