package org.reconnect.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Which template a message uses, and how its variables are filled. */
class WhatsAppTemplatesTests {

	private final WhatsAppTemplates templates = new WhatsAppTemplates(new MessagingSettings.WhatsApp(Duration.ofHours(24),
			Map.of("daily-checkin", Map.of("en", "HXcheckinen", "es", "HXcheckines"), "reminder", Map.of("en", "HXreminder")),
			Map.of("reminder", List.of("first-name", "text"))));

	@Test
	void picksTheTemplateByPurposeAndLanguageAndFillsTheFirstNameByDefault() {
		assertThat(templates.fill(Purpose.CHECK_IN, "es", "Ana", "Hola Ana")).contains(
				WhatsAppCarrier.WhatsAppContent.template("HXcheckines", "{\"1\":\"Ana\"}"));
		assertThat(templates.fill(Purpose.CHECK_IN, "fr", "Ana", "Salut")).as("no language stands in for another")
			.isEmpty();
		assertThat(templates.fill(Purpose.NUDGE, "en", "Ana", "Hi")).isEmpty();
	}

	@Test
	void aNumberWhoseLanguageIsNotKnownGetsNoTemplateRatherThanAnotherLanguagesOne() {
		// a participant's language is always known (the configured default when none was kept); no
		// language written in Java stands in for an unknown one
		assertThat(templates.fill(Purpose.CHECK_IN, null, "Ana", "Hi")).isEmpty();
	}

	@Test
	void putsTheTextOnOneLineAndNeverSendsAnEmptyVariable() {
		assertThat(templates.fill(Purpose.REMINDER, "en", "", "Group meeting\n  at 7:00 PM\t\"Community\"").orElseThrow()
			.variables()).isEqualTo("{\"1\":\"there\",\"2\":\"Group meeting at 7:00 PM \\\"Community\\\"\"}");
	}

	@Test
	void refusesAnUnknownVariableAtStart() {
		assertThatThrownBy(() -> new WhatsAppTemplates(new MessagingSettings.WhatsApp(Duration.ofHours(24), Map.of(),
				Map.of("reminder", List.of("last-name"))))).hasMessageContaining("template-variables.reminder")
			.hasMessageContaining("first-name or text");
	}
}
