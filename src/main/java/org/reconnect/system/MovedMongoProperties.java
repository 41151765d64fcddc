package org.reconnect.system;

import java.util.List;
import java.util.Locale;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Spring Boot 4 reads MongoDB's connection under {@code spring.mongodb.*} and silently ignores the
 * old {@code spring.data.mongodb.*} names: a deployment still setting {@code SPRING_DATA_MONGODB_URI}
 * would start on the embedded store (or a MongoDB on localhost) instead of its replica set. The old
 * names stop the start instead, naming the new one. Runs after the configuration files are read.
 */
class MovedMongoProperties implements EnvironmentPostProcessor, Ordered {

	/** The connection settings Boot 4 moved (Spring Data's own, like auto-index-creation, stayed). */
	static final List<String> MOVED = List.of("uri", "host", "port", "database", "username", "password",
			"additional-hosts", "authentication-database", "replica-set-name", "protocol", "uuid-representation",
			"ssl.enabled", "ssl.bundle");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		for (String name : MOVED) {
			String old = "spring.data.mongodb." + name;
			if (environment.containsProperty(old)) {
				String renamed = "spring.mongodb." + name;
				throw new IllegalStateException(old + " (environment " + variable(old) + ") is no longer read: "
						+ "rename it to " + renamed + " (environment " + variable(renamed) + "). Left as it is, "
						+ "the service would not connect to the MongoDB it names.");
			}
		}
	}

	private static String variable(String property) {
		return property.replace('.', '_').replace("-", "").toUpperCase(Locale.ROOT);
	}

	@Override
	public int getOrder() {
		// after ConfigDataEnvironmentPostProcessor has added application*.yml and the profiles
		return Ordered.LOWEST_PRECEDENCE;
	}
}
