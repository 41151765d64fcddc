package org.reconnect.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

/** Private links on the configured public address; only an http(s) address without a query is taken. */
class PublicLinksTests {

	@Test
	void linksAreBuiltOnTheConfiguredAddress() {
		PublicLinks links = new PublicLinks(settings("https://reconnect.example.org/"), new MockEnvironment());
		assertThat(links.link("/chat/{token}", "abc_-12")).hasToString("https://reconnect.example.org/chat/abc_-12");
		assertThat(new PublicLinks(settings("https://example.org/reconnect"), new MockEnvironment())
			.link("/calendar/{token}.ics", "t0k")).hasToString("https://example.org/reconnect/calendar/t0k.ics");
	}

	@Test
	void withoutOneLinksPointAtThisServerOnLocalhost() {
		MockEnvironment environment = new MockEnvironment().withProperty("local.server.port", "8184");
		assertThat(new PublicLinks(settings(""), environment).link("/chat/{token}", "x"))
			.hasToString("http://localhost:8184/chat/x");
	}

	@Test
	void onlyAnHttpAddressWithoutAQueryIsAccepted() {
		Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
		assertThat(validator.validate(settings("https://reconnect.example.org"))).isEmpty();
		assertThat(validator.validate(settings(""))).isEmpty();
		for (String bad : new String[] { "reconnect.example.org", "javascript:alert(1)", "https://x.org/?next=y",
				"https://x.org/#a", "ftp://x.org" }) {
			assertThat(validator.validate(settings(bad))).as(bad)
				.singleElement()
				.satisfies(violation -> assertThat(violation.getPropertyPath()).hasToString("publicBaseUrl"));
		}
	}

	private static SystemSettings settings(String publicBaseUrl) {
		return new SystemSettings(Path.of("./data"), 64, false, false, publicBaseUrl, "US");
	}
}
