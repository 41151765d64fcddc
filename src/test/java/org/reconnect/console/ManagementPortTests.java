package org.reconnect.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Metrics are open only on a separate management port (production: 8081, inside the deployment's
 * network); without one, every actuator request arrives on the public port and needs a supervisor.
 */
class ManagementPortTests {

	@Test
	void onlyRequestsOnASeparateManagementPortAreOnIt() {
		RequestMatcher production = SecurityConfiguration
			.onManagementPort(new MockEnvironment().withProperty("management.server.port", "8081"));
		assertThat(production.matches(on(8081))).isTrue();
		assertThat(production.matches(on(8080))).isFalse();

		RequestMatcher noSeparatePort = SecurityConfiguration.onManagementPort(new MockEnvironment());
		assertThat(noSeparatePort.matches(on(8080))).isFalse();
		RequestMatcher samePort = SecurityConfiguration.onManagementPort(
				new MockEnvironment().withProperty("management.server.port", "9000").withProperty("server.port", "9000"));
		assertThat(samePort.matches(on(9000))).isFalse();
	}

	private static MockHttpServletRequest on(int port) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/prometheus");
		request.setLocalPort(port);
		return request;
	}
}
