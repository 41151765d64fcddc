package org.reconnect.console.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.reconnect.participants.ParticipantService;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Times as a coach reads them: in their own zone (their setting), with the participant's time
 * beside it when the clocks differ, in the page's language.
 */
class ConsoleTimesTests {

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	static final Instant AT = Instant.parse("2030-03-09T13:41:00Z");

	final ConsolePreferenceStore store = Mockito.mock(ConsolePreferenceStore.class);

	final ConsoleTimes times;

	ConsoleTimesTests() {
		ParticipantService participants = Mockito.mock(ParticipantService.class);
		Mockito.when(participants.languages()).thenReturn(List.of("en", "es"));
		ResourceBundleMessageSource texts = new ResourceBundleMessageSource();
		texts.setBasenames("messages/console");
		texts.setDefaultEncoding("UTF-8");
		texts.setFallbackToSystemLocale(false);
		times = new ConsoleTimes(Clock.fixed(AT.plusSeconds(3 * 3600), ZoneOffset.UTC), texts,
				new ConsolePreferences(store, participants));
		SecurityContextHolder.getContext().setAuthentication(
				new UsernamePasswordAuthenticationToken("jo", null, AuthorityUtils.createAuthorityList("ROLE_COACH")));
	}

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void aCoachInMadridReadsTheirOwnTimeWithTheParticipantsBesideIt() {
		Mockito.when(store.findById("jo")).thenReturn(Optional.of(new ConsolePreference("jo", "Europe/Madrid", null)));
		LocaleContextHolder.setLocale(Locale.ENGLISH);

		assertThat(times.both(AT, NEW_YORK)).isEqualTo("Sat 9 Mar, 14:41 (Sat 9 Mar, 08:41 their time)");
		assertThat(times.both(AT, ZoneId.of("Europe/Paris"))).as("the same clock: once").isEqualTo("Sat 9 Mar, 14:41");
		assertThat(times.viewer(AT)).isEqualTo("Sat 9 Mar, 14:41 (Central European Time)");
		assertThat(times.ago(AT)).isEqualTo("3 h ago");

		LocaleContextHolder.setLocale(Locale.forLanguageTag("es"));
		assertThat(times.both(AT, NEW_YORK)).endsWith("08:41 su hora)");
		assertThat(times.ago(AT)).isEqualTo("hace 3 h");
	}

	@Test
	void withoutASettingTimesAreInTheServersZone() {
		Mockito.when(store.findById("jo")).thenReturn(Optional.empty());
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(times.viewer(AT)).isEqualTo(times.local(AT, ZoneId.systemDefault()) + " ("
				+ times.place(ZoneId.systemDefault()) + ")");
	}
}
