package org.reconnect.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

class PhoneNumbersTests {

	private final PhoneNumbers phones = new PhoneNumbers("US");

	@Test
	void readsCommonFormatsToE164() {
		assertThat(phones.toE164("phone", "(202) 555-0143")).isEqualTo("+12025550143");
		assertThat(phones.toE164("phone", "+1 202 555 0143")).isEqualTo("+12025550143");
		assertThat(phones.toE164("phone", "+49 30 901820")).isEqualTo("+4930901820");
	}

	@Test
	void namesTheFieldAndTheFixWhenANumberIsWrong() {
		assertThatThrownBy(() -> phones.toE164("phone", "12")).isInstanceOfSatisfying(InvalidInput.class,
				ex -> assertThat(ex.problems()).singleElement().satisfies(p -> {
					assertThat(p.field()).isEqualTo("phone");
					assertThat(p.message()).contains("+ and the country code");
				}));
		assertThatThrownBy(() -> phones.toE164("phone", "call me")).isInstanceOf(InvalidInput.class);
		assertThatThrownBy(() -> phones.toE164("phone", " ")).isInstanceOf(InvalidInput.class);
	}

	@Test
	void showsANumberAsPeopleInItsCountryWriteIt() {
		assertThat(phones.national("phone", "+1 202 555 0143")).isEqualTo("(202) 555-0143");
		assertThat(phones.national("phone", "2025550143")).isEqualTo("(202) 555-0143");
		assertThat(phones.national("phone", "+34 612345678")).isEqualTo("+34 612 34 56 78");
		assertThatThrownBy(() -> phones.national("phone", "12")).isInstanceOf(InvalidInput.class);
	}

	@Test
	void readsLocalNumbersInTheConfiguredRegionUSByDefault() {
		ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(WithSettings.class);
		context.run(started -> assertThat(started.getBean(PhoneNumbers.class).toE164("phone", "(202) 555-0143"))
			.isEqualTo("+12025550143"));
		context.withPropertyValues("reconnect.default-region=DE")
			.run(started -> assertThat(started.getBean(PhoneNumbers.class).toE164("phone", "030 901820"))
				.isEqualTo("+4930901820"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(SystemSettings.class)
	@Import(PhoneNumbers.class)
	static class WithSettings {
	}

	@Test
	void namesTheCountryOfANumberAndPlusOneNumbersByAreaCode() {
		assertThat(phones.country("+525512345678")).contains("MX");
		assertThat(phones.country("+34612345678")).contains("ES");
		assertThat(phones.country("+12025550143")).contains("US");
		assertThat(phones.country("+14165550143")).as("Toronto").contains("CA");
		assertThat(phones.country("+80012345678")).as("international freephone: no country").isEmpty();
		assertThat(phones.country("not a number")).isEmpty();
		assertThat(phones.country(null)).isEmpty();
	}

	@Test
	void masksAllButTheEnds() {
		assertThat(Masking.phone("+12025550143")).isEqualTo("+1********43").doesNotContain("555");
		assertThat(Masking.text("I had a hard day")).isEqualTo("<16 chars>");
	}
}
