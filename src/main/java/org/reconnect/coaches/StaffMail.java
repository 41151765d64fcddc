package org.reconnect.coaches;

import java.util.Locale;

import org.reconnect.messaging.MessagingSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * E-mail to staff through the SMTP server Spring Boot is given ({@code spring.mail.*}); without one,
 * nothing is sent this way. Texts come from {@code messages/staff*.properties} and hold only a link
 * to the console, never a name or what anyone wrote. Sent in the caller's thread, bounded by the
 * SMTP timeouts in application.yml, so the outcome is known and recorded.
 */
@Component
class StaffMail {

	private static final Logger log = LoggerFactory.getLogger(StaffMail.class);

	private final ObjectProvider<JavaMailSender> senders;
	private final MessageSource texts;
	private final CoachesSettings settings;
	private final String programName;

	StaffMail(ObjectProvider<JavaMailSender> senders, MessageSource texts, CoachesSettings settings,
			MessagingSettings messaging) {
		this.programName = messaging.programName();
		this.senders = senders;
		this.texts = texts;
		this.settings = settings;
	}

	/** Whether an SMTP server is set up (a blank host, as an empty variable gives, is none). */
	boolean available() {
		JavaMailSender sender = senders.getIfAvailable();
		return sender != null && (!(sender instanceof JavaMailSenderImpl impl) || StringUtils.hasText(impl.getHost()));
	}

	/**
	 * Sends {@code <purpose>.email.subject} and {@code .body} with a link into the console.
	 *
	 * @param path where in the console, e.g. /alerts#notice-...
	 * @return null when the coach has no address or mail is not set up; else whether the server took it
	 */
	Boolean send(Coach to, String purpose, String path) {
		if (to.email() == null || !available()) {
			return null;
		}
		String link = settings.mail().link(path);
		SimpleMailMessage mail = new SimpleMailMessage();
		mail.setFrom(settings.mail().sender());
		mail.setTo(to.email());
		// the base bundle: staff have no language of their own yet
		mail.setSubject(texts.getMessage(purpose + ".email.subject", new Object[] { programName }, Locale.ROOT));
		mail.setText(texts.getMessage(purpose + ".email.body", new Object[] { link }, Locale.ROOT));
		try {
			senders.getObject().send(mail);
			log.info("E-mail ({}) to staff account {} handed to the mail server", purpose, to.username());
			return true;
		}
		catch (MailException ex) {
			// the exception's message can hold the address: only its kind is logged
			log.warn("E-mail ({}) to staff account {} failed: {}", purpose, to.username(), ex.getClass().getSimpleName());
			return false;
		}
	}
}
