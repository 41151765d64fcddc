package org.reconnect.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reconnect.ReconnectApplication;
import org.reconnect.SimulatorAppTestBase;
import org.reconnect.TestCoaches;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Two nodes in one test run, as docker-compose runs them behind the proxy: this test's application
 * is the first, and a second application starts on the same MongoDB and the same SQL store (where
 * Quartz and the console sessions live). A coach signed in on one node is signed in on the other,
 * so the proxy may send any request anywhere and a node that stops signs nobody out; signing out,
 * or an account change, on one node ends the session on both. Before, a session lived in the memory
 * of the node that signed the coach in: the second node sent the coach to the sign-in page.
 */
class ConsoleSessionsAcrossNodesTests extends SimulatorAppTestBase {

	private static ConfigurableApplicationContext secondNode;

	@LocalServerPort
	int port;

	@Autowired
	MongoConnectionDetails mongo;

	@Autowired
	JdbcConnectionDetails sqlStore;

	@Autowired
	Environment environment;

	@Autowired
	MongoTemplate mongoTemplate;

	@Autowired
	PasswordEncoder encoder;

	@BeforeEach
	void startTheSecondNode() {
		if (secondNode == null) {
			secondNode = new SpringApplicationBuilder(ReconnectApplication.class, SimulatorAppTestBase.TestClock.class)
				.web(WebApplicationType.SERVLET)
				.properties(Map.ofEntries(Map.entry("server.port", "0"), Map.entry("management.server.port", ""),
						Map.entry("spring.mongodb.uri", mongo.getConnectionString().getConnectionString()),
						Map.entry("spring.datasource.url", sqlStore.getJdbcUrl()),
						Map.entry("spring.datasource.username", sqlStore.getUsername()),
						Map.entry("spring.datasource.password", sqlStore.getPassword()),
						Map.entry("spring.quartz.auto-startup", "false"),
						// one JVM keeps Quartz schedulers by name: the second node's needs its own
						Map.entry("spring.quartz.properties.org.quartz.scheduler.instanceName", "second-node"),
						Map.entry("reconnect.data-dir", DATA_DIR.resolveSibling(DATA_DIR.getFileName() + "-node2").toString()),
						Map.entry("reconnect.flows.directory", FLOWS_DIR.toString()),
						Map.entry("reconnect.flows.reload-interval", "1h"),
						Map.entry("reconnect.messaging.twilio.account-sid", ""),
						Map.entry("reconnect.messaging.twilio.auth-token", ""),
						Map.entry("reconnect.console.initial-coach.password", "sim-pass-2030")))
				.run();
		}
	}

	@AfterAll
	static void stopTheSecondNode() {
		if (secondNode != null) {
			secondNode.close();
			secondNode = null;
		}
	}

	private int secondPort() {
		return ((WebServerApplicationContext) secondNode).getWebServer().getPort();
	}

	@Test
	void aCoachSignedInOnOneNodeIsSignedInOnTheOther() {
		Browser first = new Browser(port);
		assertThat(first.signIn("coach", "sim-pass-2030").statusCode()).isEqualTo(302);
		Browser second = first.on(secondPort());

		HttpResponse<String> page = second.get("/");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<meta name=\"_csrf\"");
		// a form shown by one node is accepted by the other: the CSRF token lives in the shared session
		HttpResponse<String> out = second.postForm("/logout", Map.of("_csrf", Browser.csrfToken(first.get("/").body())));
		assertThat(out.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?logout"));
	}

	@Test
	void signingOutOnOneNodeEndsTheSessionOnBoth() {
		Browser first = new Browser(port);
		first.signIn("coach", "sim-pass-2030");
		Browser second = first.on(secondPort());
		assertThat(second.get("/").statusCode()).isEqualTo(200);

		second.submit("/", "/logout", Map.of());

		assertThat(first.get("/").statusCode()).isEqualTo(302);
		assertThat(second.get("/").statusCode()).isEqualTo(302);
	}

	@Test
	void disablingACoachOnOneNodeEndsTheirSessionOnTheOther() {
		TestCoaches.ensure(mongoTemplate, encoder, "two-node-coach", "two-node-pass-2030");
		Browser coach = new Browser(port);
		coach.signIn("two-node-coach", "two-node-pass-2030");
		Browser onSecond = coach.on(secondPort());
		assertThat(onSecond.get("/").statusCode()).isEqualTo(200);

		// the supervisor disables the account through the second node's API
		HttpResponse<String> disabled = new Browser(secondPort()).postWithBasicAuth("/api/coaches/two-node-coach/disable",
				"coach", "sim-pass-2030");
		assertThat(disabled.statusCode()).isLessThan(300);

		assertThat(onSecond.get("/").statusCode()).isEqualTo(302);
		assertThat(coach.get("/").statusCode()).isEqualTo(302);
	}
}
