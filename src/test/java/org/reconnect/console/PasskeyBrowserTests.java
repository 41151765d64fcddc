package org.reconnect.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.virtualauthenticator.Credential;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.reconnect.ConsoleBrowser;
import org.reconnect.SimulatorAppTestBase;
import org.reconnect.TestCoaches;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.webauthn.api.CredentialRecord;

import tools.jackson.databind.JsonNode;

/**
 * Passkeys for real, in headless chromium with a virtual authenticator (a platform authenticator
 * with resident keys and user verification, as a phone or laptop has): a coach signed in with a
 * password reaches the passkeys page from the navigation by keyboard, adds a passkey, signs out,
 * and signs in again with the passkey alone; the sign-in is audited as a passkey sign-in and gets
 * a new session id.
 */
class PasskeyBrowserTests extends SimulatorAppTestBase {

	@Autowired
	TestRestTemplate http;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	PasskeyStore passkeys;

	@Test
	void aCoachAddsAPasskeyAndSignsInWithItAlone() {
		TestCoaches.ensure(mongo, encoder, "wren", "wren-pass-1");
		try (ConsoleBrowser browser = ConsoleBrowser.open(http.getRootUri())) {
			VirtualAuthenticator authenticator = platformAuthenticator(browser.driver());
			browser.signIn("wren", "wren-pass-1");
			assertThat(browser.h1()).isEqualTo("Your caseload");

			// From the caseload to the passkeys page by keyboard: Tab through the navigation, Enter.
			tabTo(browser, "a[href='/passkeys']");
			new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
			browser.waitFor(() -> browser.h1().equals("Your passkeys"));
			assertThat(browser.find("nav a[href='/passkeys']").getAttribute("aria-current")).isEqualTo("page");
			assertThat(browser.text("main")).contains("No passkeys yet.");
			browser.assertAccessible();

			browser.find("#passkey-label").sendKeys("Work laptop");
			browser.find("#passkey-register button[type=submit]").click();
			browser.waitFor(() -> !browser.findAll(".passkey-list li").isEmpty());
			assertThat(browser.text(".passkey-list")).contains("Work laptop");
			browser.assertAccessible();

			List<Credential> onTheDevice = authenticator.getCredentials();
			assertThat(onTheDevice).hasSize(1);
			assertThat(onTheDevice.get(0).isResidentCredential()).as("a discoverable credential").isTrue();
			List<CredentialRecord> stored = passkeys.findByUserId(passkeys.findByUsername("wren").getId());
			assertThat(stored).extracting(CredentialRecord::getLabel).containsExactly("Work laptop");
			assertThat(stored.get(0).getCredentialId().getBytes()).isEqualTo(onTheDevice.get(0).getId());

			// Sign out, then in with the passkey alone: no username, no password.
			browser.find("form.sign-out button").click();
			browser.waitFor(() -> browser.driver().getCurrentUrl().endsWith("/login?logout"));
			String before = sessionId(browser);
			browser.find("#passkey-sign-in").click();
			browser.waitFor(() -> browser.h1().equals("Your caseload"));
			assertThat(browser.text("form.sign-out button")).contains("(wren)");
			assertThat(sessionId(browser)).as("a new session id at sign-in, as with a password").isNotEqualTo(before);
			assertThat(passkeys.findByCredentialId(stored.get(0).getCredentialId()).getSignatureCount())
				.as("the signature counter the server keeps moved on").isGreaterThan(stored.get(0).getSignatureCount());
		}

		JsonNode signIns = http.withBasicAuth("coach", "sim-pass-2030").getForObject("/api/sign-ins?username=wren", JsonNode.class);
		assertThat(StreamSupport.stream(signIns.spliterator(), false)
			.map(entry -> entry.get("method").asText() + " " + entry.get("outcome").asText())
			.toList()).contains("PASSWORD SUCCESS", "PASSKEY SUCCESS");
	}

	@Test
	void aPasskeyFromAnotherDeviceIsRefusedKindly() {
		try (ConsoleBrowser browser = ConsoleBrowser.open(http.getRootUri())) {
			// an authenticator that holds no passkey for this site
			platformAuthenticator(browser.driver());
			browser.go("/login");
			browser.find("#passkey-sign-in").click();
			browser.waitFor(() -> browser.driver().getCurrentUrl().endsWith("/login?passkey"));
			assertThat(browser.text("#sign-in-error")).contains("That passkey was not accepted");
			browser.assertAccessible();
		}
	}

	/** A built-in authenticator (like a laptop's fingerprint reader) that says yes to every prompt. */
	private static VirtualAuthenticator platformAuthenticator(WebDriver driver) {
		return ((HasVirtualAuthenticator) driver).addVirtualAuthenticator(new VirtualAuthenticatorOptions()
			.setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
			.setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
			.setHasResidentKey(true)
			.setHasUserVerification(true)
			.setIsUserVerified(true)
			.setIsUserConsenting(true));
	}

	/** Presses Tab from the top of the page until the element has the focus (fails if it never does). */
	private static void tabTo(ConsoleBrowser browser, String css) {
		WebElement target = browser.find(css);
		for (int presses = 0; presses < 20; presses++) {
			new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
			if (target.equals(browser.driver().switchTo().activeElement())) {
				return;
			}
		}
		throw new AssertionError(css + " is not reachable with the Tab key");
	}

	private static String sessionId(ConsoleBrowser browser) {
		return browser.driver().manage().getCookieNamed("SESSION").getValue();
	}
}
