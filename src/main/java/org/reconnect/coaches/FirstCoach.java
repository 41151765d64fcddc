package org.reconnect.coaches;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

import org.reconnect.system.PhoneNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Creates the first coach account on first start. The password comes from the environment, checked
 * by the {@link PasswordPolicy} (a weak one stops the start), or is generated and printed once;
 * there is no default password anywhere in the code.
 */
@Component
class FirstCoach implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstCoach.class);

	private final Coaches coaches;
	private final PasswordEncoder encoder;
	private final CoachesSettings settings;
	private final PhoneNumbers phones;
	private final PasswordPolicy passwords;
	private final Clock clock;

	FirstCoach(Coaches coaches, PasswordEncoder encoder, CoachesSettings settings, PhoneNumbers phones,
			PasswordPolicy passwords, Clock clock) {
		this.coaches = coaches;
		this.encoder = encoder;
		this.settings = settings;
		this.phones = phones;
		this.passwords = passwords;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (coaches.count() > 0) {
			return;
		}
		CoachesSettings.InitialCoach first = settings.initialCoach();
		String password = first.password();
		boolean generated = password == null || password.isBlank();
		if (generated) {
			byte[] random = new byte[18];
			new SecureRandom().nextBytes(random);
			password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		}
		else {
			// the same rule as every other password: a weak one stops the start, before any account exists
			passwords.problem("reconnect.console.initial-coach.password", password, first.username())
				.ifPresent(problem -> {
					throw new IllegalStateException("The first coach's password (" + problem.field()
							+ ", RECONNECT_COACH_PASSWORD) " + problem.message());
				});
		}
		String phone = first.phone() == null || first.phone().isBlank() ? null
				: phones.toE164("reconnect.console.initial-coach.phone", first.phone());
		String email = EmailAddresses.read("reconnect.console.initial-coach.email", first.email());
		String displayName = displayName(first.displayName());
		coaches.save(new Coach(first.username(), encoder.encode(password), phone, Role.SUPERVISOR.name(), clock.instant(),
				null).withContact(phone, email, null, null).withDisplayName(displayName));
		if (generated) {
			log.warn("\n\n  First coach account created: username '{}', password '{}'\n"
					+ "  It is shown only this once: keep it somewhere safe.\n", first.username(), password);
		}
		else {
			log.info("First coach account '{}' created with the configured password", first.username());
		}
	}

	/** The name participants read for the first coach; empty (an unset variable) means none. */
	private static String displayName(String configured) {
		if (configured == null || configured.isBlank()) {
			return null;
		}
		try {
			return DisplayNames.read(configured);
		}
		catch (org.reconnect.system.InvalidInput ex) {
			throw new IllegalStateException("The first coach's name participants read "
					+ "(reconnect.console.initial-coach.display-name, RECONNECT_COACH_DISPLAY_NAME) " + ex.getMessage());
		}
	}
}
