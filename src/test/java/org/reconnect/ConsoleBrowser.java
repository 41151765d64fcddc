package org.reconnect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

/**
 * The coach console in a real headless chromium (Debian's chromium and chromium-driver, which
 * .ci/run installs), for browser tests: sign in, go to a page, wait for something, check a page
 * with axe-core against WCAG 2.2 AA, take a screenshot. Open one per test and close it after:
 *
 * <pre>
 * try (ConsoleBrowser browser = ConsoleBrowser.open(http.getRootUri())) {
 *     browser.signIn("coach", "sim-pass-2030");
 *     browser.go("/alerts");
 *     browser.assertAccessible();
 * }
 * </pre>
 */
public final class ConsoleBrowser implements AutoCloseable {

	/** axe-core's tags for WCAG 2.0, 2.1 and 2.2 at levels A and AA. */
	public static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

	private final WebDriver driver;
	private final String baseUrl;

	private ConsoleBrowser(WebDriver driver, String baseUrl) {
		this.driver = driver;
		this.baseUrl = baseUrl;
	}

	/** A desktop-sized window (1280×900). */
	public static ConsoleBrowser open(String baseUrl) {
		return open(baseUrl, 1280, 900);
	}

	public static ConsoleBrowser open(String baseUrl, int width, int height) {
		return open(baseUrl, width, height, "en-US");
	}

	/** A window whose browser asks for pages in {@code language} first (its Accept-Language), e.g. "es". */
	public static ConsoleBrowser open(String baseUrl, int width, int height, String language) {
		ChromeOptions options = Chromium.options();
		options.addArguments("--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
				"--window-size=" + width + "," + height, "--lang=" + language);
		options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
		ConsoleBrowser browser = new ConsoleBrowser(Chromium.driver(options), baseUrl);
		browser.resize(width, height);
		return browser;
	}

	public WebDriver driver() {
		return driver;
	}

	/** Sets the size of the page's viewport (not the window, which adds browser chrome). */
	public void resize(int width, int height) {
		driver.manage().window().setSize(new Dimension(width, height));
		Number innerWidth = (Number) script("return window.innerWidth;");
		Number innerHeight = (Number) script("return window.innerHeight;");
		driver.manage()
			.window()
			.setSize(new Dimension(width + (width - innerWidth.intValue()), height + (height - innerHeight.intValue())));
	}

	/** Signs in through the console's sign-in form and waits for the caseload. */
	public void signIn(String username, String password) {
		go("/login");
		driver.findElement(By.name("username")).sendKeys(username);
		driver.findElement(By.name("password")).sendKeys(password);
		driver.findElement(By.cssSelector("form button[type=submit], form input[type=submit]")).click();
		waitFor(() -> driver.findElements(By.cssSelector("form[action$='/logout']")).size() > 0);
		settle();
	}

	/** Opens a console path, e.g. "/alerts", and waits until it has loaded. */
	public void go(String path) {
		driver.get(baseUrl + path);
		settle();
	}

	/**
	 * Waits until the page in the window has loaded, its deferred scripts (htmx) run: a page can be
	 * read while it is still arriving (after a click that navigates, and at times even after
	 * {@code get}), and a half-parsed page lacks what is further down and has no htmx yet.
	 */
	private void settle() {
		new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(org.openqa.selenium.JavascriptException.class)
			.withMessage(() -> "the page did not finish loading: " + describePage())
			.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState;")));
	}

	/** The element, once the page has loaded; or a failure that says which page the browser was on and what it showed. */
	public WebElement find(String css) {
		settle();
		try {
			return driver.findElement(By.cssSelector(css));
		}
		catch (org.openqa.selenium.NoSuchElementException ex) {
			// still a NoSuchElementException, so waitFor goes on waiting for it
			throw new org.openqa.selenium.NoSuchElementException("no " + css + " on " + describePage(), ex);
		}
	}

	/** Where the browser is and what it shows, for a failure's message: address, state, heading, text. */
	public String describePage() {
		try {
			return String.valueOf(script("var t = document.body ? document.body.innerText : '';"
					+ "return location.href + ' (readyState ' + document.readyState + ', title \"' + document.title + '\"): '"
					+ " + t.replace(/\\s+/g, ' ').slice(0, 400);"));
		}
		catch (org.openqa.selenium.WebDriverException ex) {
			return driver.getCurrentUrl() + " (not readable: " + ex.getClass().getSimpleName() + ")";
		}
	}

	public List<WebElement> findAll(String css) {
		settle();
		return driver.findElements(By.cssSelector(css));
	}

	public String text(String css) {
		return find(css).getText();
	}

	public String h1() {
		return text("h1");
	}

	/** Waits up to 20 s (htmx swaps, server-sent events); never sleeps a fixed time. */
	public void waitFor(BooleanSupplier condition) {
		new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.ignoring(org.openqa.selenium.NoSuchElementException.class)
			.withMessage(() -> "waited 20 s on " + describePage())
			.until(d -> condition.getAsBoolean());
	}

	/** Date and time inputs take typed keys by locale; sets the value as a picker would, and tells htmx. */
	public void setValue(String css, String value) {
		script("var e = arguments[0]; e.value = arguments[1];"
				+ "e.dispatchEvent(new Event('input', {bubbles: true})); e.dispatchEvent(new Event('change', {bubbles: true}));",
				find(css), value);
	}

	public Object script(String js, Object... args) {
		return ((JavascriptExecutor) driver).executeScript(js, args);
	}

	/**
	 * Null when the page fits the viewport's width; else, measured in the same instant, the page, its
	 * widths and every element that reaches past the right edge.
	 */
	public String sidewaysOverflow() {
		settle();
		return (String) script("var d = document.documentElement, w = d.clientWidth;"
				+ "if (d.scrollWidth <= w) return null;"
				+ "var out = Array.from(document.querySelectorAll('body, body *')).filter(function (e) {"
				+ "  return e.getBoundingClientRect().right > w; }).map(function (e) { return e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().right); });"
				+ "return location.href + ' (readyState ' + document.readyState + '): scrollWidth ' + d.scrollWidth + ', clientWidth ' + w"
				+ " + ', innerWidth ' + window.innerWidth + '; past the edge: ' + out.join(', ');");
	}

	/**
	 * Runs axe-core on the page as it is now and fails on any serious or critical WCAG 2.2 AA
	 * violation, naming each rule and the elements it found.
	 */
	public Results assertAccessible() {
		settle();
		Results results = new AxeBuilder().withTags(WCAG_22_AA).analyze(driver);
		List<Rule> bad = results.getViolations()
			.stream()
			.filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
			.toList();
		assertThat(bad).as(() -> "axe-core on " + driver.getCurrentUrl() + ":\n" + describe(bad)).isEmpty();
		return results;
	}

	private static String describe(List<Rule> rules) {
		StringBuilder out = new StringBuilder();
		for (Rule rule : rules) {
			out.append("- ").append(rule.getId()).append(" (").append(rule.getImpact()).append("): ")
				.append(rule.getHelp()).append('\n');
			rule.getNodes().forEach(node -> out.append("    ").append(node.getTarget()).append('\n'));
		}
		return out.toString();
	}

	/** Saves a PNG of the viewport, e.g. to docs/screenshots/caseload.png. */
	public void screenshot(Path file) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
			Files.copy(shot.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		driver.quit();
	}
}
