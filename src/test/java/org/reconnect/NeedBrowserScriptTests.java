package org.reconnect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The set-up contract: `mvn verify` on a machine without the browser the browser tests drive stops
 * at once with one line naming what to install (tools/need-browser.sh, run before the tests), and
 * goes on when the browser is on the PATH or named by CHROME_BIN / CHROMEDRIVER.
 */
class NeedBrowserScriptTests {

	private static final Path SCRIPT = Path.of("tools/need-browser.sh");

	@TempDir
	Path bin;

	@Test
	void withoutABrowserItStopsWithOneLineNamingWhatToInstall() throws Exception {
		link("id");

		Result result = run(Map.of("PATH", bin.toString()));

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.stderr().strip().lines()).singleElement()
			.asString()
			.contains("apt-get install chromium chromium-driver")
			.contains("CHROME_BIN");
	}

	@Test
	void aBrowserOnThePathIsEnough() throws Exception {
		link("id");
		executable("chromium");
		executable("chromedriver");

		assertThat(run(Map.of("PATH", bin.toString())).exitCode()).isZero();
	}

	@Test
	void aBrowserNamedByTheVariablesIsEnough() throws Exception {
		link("id");
		Path browser = executable("my-chrome");
		Path driver = executable("my-driver");

		assertThat(run(Map.of("PATH", bin.toString(), "CHROME_BIN", browser.toString(), "CHROMEDRIVER",
				driver.toString())).exitCode()).isZero();
	}

	private void link(String tool) throws IOException {
		Files.createSymbolicLink(bin.resolve(tool), Path.of("/usr/bin", tool));
	}

	private Path executable(String name) throws IOException {
		Path file = Files.writeString(bin.resolve(name), "#!/bin/sh\n");
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
		return file;
	}

	private Result run(Map<String, String> environment) throws Exception {
		ProcessBuilder builder = new ProcessBuilder("/bin/sh", SCRIPT.toAbsolutePath().toString());
		builder.environment().clear();
		builder.environment().putAll(environment);
		Process process = builder.start();
		String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
		return new Result(process.waitFor(), stderr);
	}

	private record Result(int exitCode, String stderr) {
	}
}
