package org.reconnect.coaches;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.reconnect.messaging.MessagingSettings;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** A staff e-mail's subject names the programme as configured, not a fixed "Reconnect". */
class StaffMailTests {

	@Test
	void theSubjectNamesTheProgrammeFromItsSetting() {
		List<SimpleMailMessage> sent = new ArrayList<>();
		JavaMailSender server = new JavaMailSenderImpl() {
			{
				setHost("mail.example.org");
			}

			@Override
			public void send(SimpleMailMessage... messages) {
				sent.addAll(List.of(messages));
			}
		};
		ResourceBundleMessageSource texts = new ResourceBundleMessageSource();
		texts.setBasenames("messages/staff");
		texts.setDefaultEncoding("UTF-8");
		texts.setFallbackToSystemLocale(false);
		Binder settings = new Binder(new MapConfigurationPropertySource(Map.of("reconnect.messaging.program-name", "Puentes")));
		StaffMail mail = new StaffMail(new StaticListableBeanFactory(Map.of("mail", server)).getBeanProvider(JavaMailSender.class),
				texts, settings.bindOrCreate("reconnect.console", CoachesSettings.class),
				settings.bindOrCreate("reconnect.messaging", MessagingSettings.class));

		assertThat(mail.send(new Coach("ana", "x", null, "COACH", Instant.EPOCH, null, "ana@example.org", null, null, null, 0, null), "crisis",
				"/alerts#notice-1")).isTrue();

		assertThat(sent).singleElement().satisfies(message -> {
			assertThat(message.getSubject()).isEqualTo("Puentes: a crisis notice needs you now");
			assertThat(message.getText()).contains("/alerts#notice-1").doesNotContain("Reconnect");
		});
	}
}
