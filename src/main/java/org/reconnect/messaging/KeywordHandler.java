package org.reconnect.messaging;

import java.time.Clock;
import java.util.Locale;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * STOP (or a plain request in words to stop), START and HELP, in any state; STOP is confirmed
 * once, however often it is said. While a number is opted out, anything else it writes is
 * taken in silence (crisis language is handled before this, and reaches the coach). Replies come
 * from {@code messages/keywords*.properties} in the sender's language: a participant's, an ally's,
 * else the language of the keyword itself (PARAR is answered in Spanish).
 */
@Component
class KeywordHandler implements InboundHandler {

	private final Keywords keywords = Keywords.load();
	private final OptOuts optOuts;
	private final Messenger messenger;
	private final MessagingSettings settings;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final MessageSource texts;
	private final ObjectProvider<SpokenLanguages> languages;

	KeywordHandler(OptOuts optOuts, Messenger messenger, MessagingSettings settings, ApplicationEventPublisher events,
			Clock clock, MessageSource texts, ObjectProvider<SpokenLanguages> languages) {
		this.texts = texts;
		this.languages = languages;
		this.optOuts = optOuts;
		this.messenger = messenger;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public InboundPipeline.Step step() {
		return InboundPipeline.Step.KEYWORDS;
	}

	@Override
	public boolean handle(Inbound inbound) {
		InboundMessage message = inbound.message();
		boolean optedOut = optOuts.existsById(message.from());
		switch (keywords.of(message.body(), optedOut)) {
			case STOP -> {
				if (!optedOut) {
					optOuts.save(new OptOut(message.from(), clock.instant()));
					events.publishEvent(new OptOutChanged(message.from(), true));
					messenger.send(new OutboundMessage(message.from(), texts.getMessage("keyword.stop",
							new Object[] { settings.programName() }, locale(inbound)), Purpose.OPT_OUT_CONFIRMATION,
							message.key()));
				}
				return true;
			}
			case START -> {
				if (!optedOut && inbound.sender().paused()) {
					// Not a return after STOP: a paused person coming back (REANUDAR is both), for the
					// PAUSE step, which resumes their check-ins.
					return false;
				}
				if (optedOut) {
					optOuts.deleteById(message.from());
					events.publishEvent(new OptOutChanged(message.from(), false));
				}
				messenger.send(new OutboundMessage(message.from(), texts.getMessage("keyword.start", null,
						locale(inbound)), Purpose.REPLY, message.key()));
				return true;
			}
			case HELP -> {
				Locale locale = locale(inbound);
				messenger.send(new OutboundMessage(message.from(), texts.getMessage("keyword.help",
						new Object[] { settings.programName(), orBundle(settings.frequency(), "keyword.help.frequency", locale),
								orBundle(settings.helpContact(), "keyword.help.contact", locale) },
						locale), Purpose.REPLY, message.key()));
				return true;
			}
			case NONE -> {
				return optedOut;
			}
		}
		return false;
	}

	/** The sender's language: their record's, else the keyword's; the base bundle when neither says. */
	private Locale locale(Inbound inbound) {
		String phone = inbound.message().from();
		return inbound.sender()
			.locale()
			.or(() -> languages.orderedStream().flatMap(known -> known.of(phone).stream()).findFirst())
			.or(() -> keywords.language(inbound.message().body()))
			.orElse(Locale.ROOT);
	}

	/** A setting when the operator wrote one (in every language), else the bundle's words in the sender's. */
	private String orBundle(String setting, String key, Locale locale) {
		return setting == null || setting.isBlank() ? texts.getMessage(key, null, locale) : setting;
	}
}
