package org.reconnect;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The headless chromium every browser test drives: found through {@code CHROME_BIN} and
 * {@code CHROMEDRIVER}, else on the PATH (the build's tools/need-browser.sh installs or names them).
 */
public final class Chromium {

	private static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome");

	private Chromium() {
	}

	/** Headless options on the found browser; callers add their own arguments and capabilities. */
	public static ChromeOptions options() {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(executable("CHROME_BIN", BROWSERS).toString());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-dev-shm-usage");
		return options;
	}

	public static ChromeDriver driver(ChromeOptions options) {
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(executable("CHROMEDRIVER", List.of("chromedriver")).toFile())
			.usingAnyFreePort()
			.build();
		return new ChromeDriver(service, options);
	}

	static Path executable(String variable, List<String> names) {
		return Optional.ofNullable(System.getenv(variable))
			.filter(path -> !path.isBlank())
			.map(Path::of)
			.or(() -> onPath(names))
			.orElseThrow(() -> new IllegalStateException("No " + names.get(0) + " found: set " + variable
					+ " or install chromium and chromium-driver (Debian: apt-get install chromium chromium-driver)"));
	}

	private static Optional<Path> onPath(List<String> names) {
		String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
		return names.stream()
			.flatMap(name -> Stream.of(path.split(File.pathSeparator)).map(dir -> Path.of(dir, name)))
			.filter(Files::isExecutable)
			.findFirst();
	}
}
