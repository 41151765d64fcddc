package org.reconnect.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reconnect.SecondNode;
import org.reconnect.SimulatorAppTestBase;
import org.reconnect.TestCoaches;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
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

	private static SecondNode secondNode;

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext application;

	@Autowired
	MongoTemplate mongoTemplate;

	@Autowired
	PasswordEncoder encoder;

	@BeforeEach
	void startTheSecondNode() {
		if (secondNode == null) {
			secondNode = SecondNode.beside(application);
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
		return secondNode.port();
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
