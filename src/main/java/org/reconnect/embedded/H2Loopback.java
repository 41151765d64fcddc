package org.reconnect.embedded;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * When Quartz's embedded H2 file is shared with another local node, H2 serves it on a TCP port; it
 * binds that port to the address in the system property {@code h2.bindAddress}, read once when H2
 * loads (every interface when unset). This sets it to loopback before anything loads H2 (the
 * embedded MongoDB store uses H2 too); {@link EmbeddedQuartzStore} refuses to start when it is not.
 */
class H2Loopback implements EnvironmentPostProcessor {

	static final String BIND_ADDRESS = "h2.bindAddress";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getProperty("reconnect.embedded-quartz-shared", Boolean.class, false)
				&& environment.getProperty("spring.datasource.url", "").isEmpty()
				&& System.getProperty(BIND_ADDRESS) == null) {
			System.setProperty(BIND_ADDRESS, "127.0.0.1");
		}
	}
}
