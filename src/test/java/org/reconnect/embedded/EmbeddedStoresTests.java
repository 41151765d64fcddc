package org.reconnect.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.h2.api.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reconnect.system.SystemSettings;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import de.bwaldvogel.mongo.MongoServer;

/**
 * The embedded stores on their own: the MongoDB-wire store refuses real people's data unless a
 * pilot says so, and listens on loopback; Quartz's H2 file gets a generated password (an earlier
 * file's empty one included), is shared with another node only on loopback, and lives in an
 * owner-only directory.
 */
class EmbeddedStoresTests {

	@TempDir
	Path dir;

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(SystemSettings.class)
	static class Settings {
	}

	private ApplicationContextRunner mongo() {
		return new ApplicationContextRunner().withUserConfiguration(Settings.class, EmbeddedMongoConfiguration.class)
			.withPropertyValues("reconnect.data-dir=" + dir);
	}

	@Test
	void refusesToStartOnTheEmbeddedStoreWithATwilioAccount() {
		mongo().withPropertyValues("reconnect.messaging.twilio.account-sid=AC0123", "reconnect.messaging.twilio.auth-token=t")
			.run(context -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("no authentication")
				.hasMessageContaining("spring.mongodb.uri")
				.hasMessageContaining("SPRING_MONGODB_URI")
				.hasMessageContaining("reconnect.embedded-store-pilot=true"));
	}

	@Test
	void aPilotMayKeepRealPeopleOnTheEmbeddedStoreOnLoopback() {
		mongo().withPropertyValues("reconnect.messaging.twilio.account-sid=AC0123", "reconnect.messaging.twilio.auth-token=t",
				"reconnect.embedded-store-pilot=true")
			.run(context -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(MongoServer.class).getLocalAddress().getAddress().isLoopbackAddress()).isTrue();
			});
	}

	@Test
	void theSimulatorNeedsNoPilotSetting() {
		mongo().run(context -> assertThat(context).hasNotFailed());
	}

	@Test
	void anEarlierQuartzFileWithAnEmptyPasswordGetsAGeneratedOne() throws Exception {
		String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("quartz");
		try (Connection before = DriverManager.getConnection(url, "sa", "")) {
			before.createStatement().execute("CREATE TABLE QRTZ_LOCKS(LOCK_NAME VARCHAR(40))");
		}

		JdbcConnectionDetails details = EmbeddedQuartzStore.open(dir, false, null);

		assertThat(details.getJdbcUrl()).isEqualTo(url);
		assertThat(details.getPassword()).hasSizeGreaterThanOrEqualTo(32)
			.isEqualTo(Files.readString(dir.resolve(EmbeddedQuartzStore.PASSWORD_FILE)));
		assertThat(wrongPassword(url, "")).isTrue();
		try (Connection after = DriverManager.getConnection(url, "sa", details.getPassword())) {
			assertThat(after.getMetaData().getTables(null, null, "QRTZ_LOCKS", null).next()).as("the data is kept").isTrue();
		}
		assertThat(EmbeddedQuartzStore.open(dir, false, null).getPassword()).as("the same at the next start")
			.isEqualTo(details.getPassword());
	}

	@Test
	void theDataDirectoryAndItsFilesBecomeTheOwnersOnly() throws Exception {
		Path data = dir.resolve("data");
		Files.createDirectories(data, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
		Files.writeString(data.resolve("mongo.mv"), "x");
		Files.setPosixFilePermissions(data.resolve("mongo.mv"), PosixFilePermissions.fromString("rw-r--r--"));

		EmbeddedQuartzStore.open(data, false, null);

		assertThat(mode(data)).isEqualTo("rwx------");
		try (var files = Files.list(data)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				assertThat(mode(file)).as(file.getFileName().toString()).isEqualTo("rw-------");
			}
		}
	}

	@Test
	void aSharedFileIsRefusedWhenH2WouldListenBeyondLoopback() {
		assertThatThrownBy(() -> EmbeddedQuartzStore.open(dir, true, null)).hasMessageContaining("-Dh2.bindAddress=127.0.0.1");
		assertThatThrownBy(() -> EmbeddedQuartzStore.open(dir, true, "0.0.0.0")).hasMessageContaining("0.0.0.0");
		assertThat(dir).isEmptyDirectory();
	}

	/**
	 * Two nodes share the file: the first (its own JVM, started as the application starts it) serves
	 * it on loopback; the second reaches it there with the generated password, and not without.
	 */
	@Test
	void aSharedFileIsServedOnLoopbackWithThePassword() throws Exception {
		Process first = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), SharedQuartzNode.class.getName(), dir.toString())
			.redirectErrorStream(true)
			.start();
		try (BufferedReader out = new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8));
				Writer in = first.outputWriter()) {
			StringBuilder said = new StringBuilder();
			String line;
			while ((line = out.readLine()) != null && !line.equals("READY")) {
				said.append(line).append('\n');
			}
			assertThat(line).as("the first node opened the file:\n" + said).isEqualTo("READY");

			Properties lock = new Properties();
			try (Reader reader = Files.newBufferedReader(dir.resolve("quartz.lock.db"))) {
				lock.load(reader);
			}
			String server = lock.getProperty("server");
			String host = server.substring(0, server.lastIndexOf(':'));
			int port = Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
			assertThat(InetAddress.getByName(host).isLoopbackAddress()).as(server).isTrue();
			Optional<InetAddress> outside = nonLoopbackAddress();
			if (outside.isPresent()) {
				assertThat(reachable(outside.get(), port)).as("the port from " + outside.get()).isFalse();
			}

			String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("quartz") + ";AUTO_SERVER=TRUE";
			String password = Files.readString(dir.resolve(EmbeddedQuartzStore.PASSWORD_FILE));
			try (Connection second = DriverManager.getConnection(url, "sa", password)) {
				assertThat(second.getMetaData().getTables(null, null, "NODES", null).next()).isTrue();
			}
			assertThat(wrongPassword(url, "")).isTrue();
			in.write("done\n");
		}
		finally {
			if (!first.waitFor(20, TimeUnit.SECONDS)) {
				first.destroyForcibly();
			}
		}
	}

	private static boolean wrongPassword(String url, String password) {
		try (Connection connection = DriverManager.getConnection(url, "sa", password)) {
			return false;
		}
		catch (SQLException ex) {
			return ex.getErrorCode() == ErrorCode.WRONG_USER_OR_PASSWORD;
		}
	}

	private static Optional<InetAddress> nonLoopbackAddress() throws Exception {
		List<NetworkInterface> interfaces = Collections.list(NetworkInterface.getNetworkInterfaces());
		return interfaces.stream()
			.flatMap(NetworkInterface::inetAddresses)
			.filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
			.findFirst();
	}

	private static boolean reachable(InetAddress address, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(address, port), 1000);
			return true;
		}
		catch (java.io.IOException ex) {
			return false;
		}
	}

	private static String mode(Path path) throws java.io.IOException {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
	}
}
