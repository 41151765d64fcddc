package org.reconnect;

import java.util.Map;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second node in the same test run, as docker-compose runs two behind the proxy: another
 * application on the same MongoDB and the same SQL store (Quartz, console sessions) as the shared
 * test application, with its own data directory and clock. Quartz stays off on it: the first node's
 * scheduler is the cluster's, and the tests that use this one are about what the nodes share.
 */
public final class SecondNode implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private SecondNode(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/** Starts a second node beside {@code first}, the shared test application. */
	public static SecondNode beside(ApplicationContext first) {
		MongoConnectionDetails mongo = first.getBean(MongoConnectionDetails.class);
		JdbcConnectionDetails sql = first.getBean(JdbcConnectionDetails.class);
		ConfigurableApplicationContext second = new SpringApplicationBuilder(ReconnectApplication.class,
				SimulatorAppTestBase.TestClock.class)
			.web(WebApplicationType.SERVLET)
			.properties(Map.ofEntries(Map.entry("server.port", "0"), Map.entry("management.server.port", ""),
					Map.entry("spring.mongodb.uri", mongo.getConnectionString().getConnectionString()),
					Map.entry("spring.datasource.url", sql.getJdbcUrl()),
					Map.entry("spring.datasource.username", sql.getUsername()),
					Map.entry("spring.datasource.password", sql.getPassword()),
					Map.entry("spring.quartz.auto-startup", "false"),
					// one JVM keeps Quartz schedulers by name: the second node's needs its own
					Map.entry("spring.quartz.properties.org.quartz.scheduler.instanceName", "second-node"),
					Map.entry("reconnect.data-dir",
							SimulatorAppTestBase.DATA_DIR.resolveSibling(SimulatorAppTestBase.DATA_DIR.getFileName() + "-node2")
								.toString()),
					Map.entry("reconnect.flows.directory", SimulatorAppTestBase.FLOWS_DIR.toString()),
					Map.entry("reconnect.flows.reload-interval", "1h"),
					Map.entry("reconnect.messaging.twilio.account-sid", ""),
					Map.entry("reconnect.messaging.twilio.auth-token", ""),
					Map.entry("reconnect.console.initial-coach.password", "sim-pass-2030")))
			.run();
		return new SecondNode(second);
	}

	public int port() {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	public <T> T bean(Class<T> type) {
		return context.getBean(type);
	}

	@Override
	public void close() {
		context.close();
	}
}
