package org.reconnect.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.reconnect.SimulatorAppTestBase;
import org.springframework.beans.factory.annotation.Autowired;

import com.zaxxer.hikari.HikariDataSource;

import de.bwaldvogel.mongo.MongoServer;

/**
 * The embedded stores, as the running application opens them, are reachable by the application
 * alone: Quartz's H2 file in-process (no TCP port) behind a generated password, the MongoDB-wire
 * server on loopback, and the data directory and its files readable by their owner only.
 */
class EmbeddedStoresIntegrationTests extends SimulatorAppTestBase {

	@Autowired
	DataSource quartzStore;

	@Autowired
	MongoServer mongo;

	@Test
	void quartzStoreOpensNoPortAndHasAPassword() throws Exception {
		Path lock = DATA_DIR.resolve("quartz.lock.db");
		if (Files.exists(lock)) {
			Properties held = new Properties();
			try (Reader in = Files.newBufferedReader(lock)) {
				held.load(in);
			}
			assertThat(held).as("H2 serves the file to nobody: no TCP server in its lock file").doesNotContainKey("server");
		}
		assertThat(((HikariDataSource) quartzStore).getPassword()).isNotBlank();
		assertThatThrownBy(() -> DriverManager.getConnection("jdbc:h2:file:" + DATA_DIR.toAbsolutePath().resolve("quartz"),
				"sa", "").close())
			.as("sa with an empty password")
			.isInstanceOfSatisfying(SQLException.class,
					ex -> assertThat(ex.getErrorCode()).isEqualTo(org.h2.api.ErrorCode.WRONG_USER_OR_PASSWORD));
	}

	@Test
	void mongoWireServerListensOnLoopbackOnly() {
		assertThat(mongo.getLocalAddress().getAddress().isLoopbackAddress()).isTrue();
	}

	@Test
	void dataDirectoryAndStoreFilesAreTheOwnersOnly() throws Exception {
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(DATA_DIR))).isEqualTo("rwx------");
		for (String name : new String[] { "mongo.mv", "quartz.mv.db", "quartz.password" }) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(DATA_DIR.resolve(name)))).as(name)
				.isEqualTo("rw-------");
		}
	}
}
