package org.reconnect.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;

import org.h2.api.ErrorCode;
import org.h2.engine.SysProperties;
import org.reconnect.system.SystemSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Quartz's job store when no database is configured: an H2 file under the data directory that only
 * this application can reach. By default it is opened in-process, with no TCP port. Only when two
 * nodes on one machine must share it ({@code reconnect.embedded-quartz-shared}) does H2 serve it to
 * the other node (its automatic mixed mode), on loopback only; either way the database has a
 * generated password, kept owner-only in the data directory beside it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedQuartzStore {

	static final String USER = "sa";

	static final String PASSWORD_FILE = "quartz.password";

	private static final SecureRandom RANDOM = new SecureRandom();

	@Bean
	JdbcConnectionDetails quartzStoreConnection(SystemSettings settings) throws IOException, SQLException {
		return open(settings.dataDir(), settings.embeddedQuartzShared(), SysProperties.BIND_ADDRESS);
	}

	/**
	 * @param bindAddress the address H2 binds its TCP server to ({@code h2.bindAddress}, read once
	 *        when H2 loads; see {@link H2Loopback}); must be loopback when the file is shared
	 */
	static JdbcConnectionDetails open(Path dataDir, boolean shared, String bindAddress) throws IOException, SQLException {
		if (shared && !loopback(bindAddress)) {
			throw new IllegalStateException("reconnect.embedded-quartz-shared is set, but H2 would serve the Quartz file "
					+ "on " + (bindAddress == null ? "every network interface" : bindAddress) + ": start the JVM with "
					+ "-Dh2.bindAddress=127.0.0.1, or give Quartz a database of its own (spring.datasource.url)");
		}
		Path dir = OwnerOnly.directory(dataDir).toAbsolutePath();
		String url = "jdbc:h2:file:" + dir.resolve("quartz") + (shared ? ";AUTO_SERVER=TRUE" : "");
		String password = password(dir, url);
		OwnerOnly.directory(dir); // the files H2 has just created
		return new JdbcConnectionDetails() {

			@Override
			public String getUsername() {
				return USER;
			}

			@Override
			public String getPassword() {
				return password;
			}

			@Override
			public String getJdbcUrl() {
				return url;
			}
		};
	}

	/**
	 * The database's password: generated at its first opening and kept in the data directory. A
	 * file an earlier version created with an empty password gets the generated one; the new
	 * password is written (as pending) before the database is changed, so a crash in between
	 * leaves both the database and the next start able to finish.
	 */
	static String password(Path dir, String url) throws IOException, SQLException {
		Path file = dir.resolve(PASSWORD_FILE);
		if (Files.exists(file)) {
			return Files.readString(file).trim();
		}
		Path pending = dir.resolve(PASSWORD_FILE + ".new");
		String password;
		if (Files.exists(pending)) {
			password = Files.readString(pending).trim();
		}
		else {
			byte[] secret = new byte[24];
			RANDOM.nextBytes(secret);
			password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
			OwnerOnly.write(pending, password);
		}
		if (!opens(url, password)) {
			try (Connection connection = DriverManager.getConnection(url, USER, "");
					Statement statement = connection.createStatement()) {
				// base64url: no quote can end the literal
				statement.execute("ALTER USER " + USER + " SET PASSWORD '" + password + "'");
			}
		}
		Files.move(pending, file, StandardCopyOption.ATOMIC_MOVE);
		return password;
	}

	/** Whether the password opens the database; a new database is created with it. */
	private static boolean opens(String url, String password) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url, USER, password)) {
			return true;
		}
		catch (SQLException ex) {
			if (ex.getErrorCode() == ErrorCode.WRONG_USER_OR_PASSWORD) {
				return false;
			}
			throw ex;
		}
	}

	static boolean loopback(String address) {
		try {
			return address != null && !address.isBlank() && InetAddress.getByName(address).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}
}
