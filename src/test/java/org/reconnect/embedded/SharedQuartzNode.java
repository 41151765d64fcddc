package org.reconnect.embedded;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;

import org.h2.engine.SysProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * A node that opens the shared embedded Quartz file as the application does (the environment post
 * processor first, then the store) and holds it (so H2
 * serves it to other nodes) until a line arrives on stdin; run in its own JVM by {@link EmbeddedStoresTests}.
 */
final class SharedQuartzNode {

	private SharedQuartzNode() {
	}

	public static void main(String[] args) throws Exception {
		// as SpringApplication runs it, before anything loads H2
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("node", Map.of("reconnect.embedded-quartz-shared", "true")));
		new H2Loopback().postProcessEnvironment(environment, null);
		JdbcConnectionDetails details = EmbeddedQuartzStore.open(Path.of(args[0]), true, SysProperties.BIND_ADDRESS);
		try (Connection held = DriverManager.getConnection(details.getJdbcUrl(), details.getUsername(),
				details.getPassword())) {
			held.createStatement().execute("CREATE TABLE IF NOT EXISTS NODES(NAME VARCHAR(20))");
			System.out.println("READY");
			System.out.flush();
			new BufferedReader(new InputStreamReader(System.in)).readLine();
		}
	}
}
