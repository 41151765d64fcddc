package org.reconnect.messaging;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * STOP (or a plain request in words to stop), START and HELP, in any state; STOP is confirmed
 * once, however often it is said. While a number is opted out, anything else it writes is
 * taken in silence (crisis language is handled before this, and reaches the coach).
 */
@Component
class KeywordHandler implements InboundHandler {

	private final Keywords keywords = Keywords.load();
	private final OptOuts optOuts;
	private final Messenger messenger;
	private final MessagingSettings settings;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	KeywordHandler(OptOuts optOuts, Messenger messenger, MessagingSettings settings, ApplicationEventPublisher events,
			Clock clock) {
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
					messenger.send(new OutboundMessage(message.from(), "You won't get any more messages from "
							+ settings.programName() + ". Text START any time to come back.", Purpose.OPT_OUT_CONFIRMATION,
							message.key()));
				}
				return true;
			}
			case START -> {
				if (optedOut) {
					optOuts.deleteById(message.from());
					events.publishEvent(new OptOutChanged(message.from(), false));
				}
				messenger.send(new OutboundMessage(message.from(),
						"Welcome back. You'll get your check-ins again. Text STOP to stop, HELP for help.", Purpose.REPLY,
						message.key()));
				return true;
			}
			case HELP -> {
				messenger.send(new OutboundMessage(message.from(), settings.programName()
						+ ": check-ins from your support team, " + settings.frequency() + ". To reach a person, "
						+ settings.helpContact() + ". Msg & data rates may apply. Text STOP to stop.", Purpose.REPLY,
						message.key()));
				return true;
			}
			case NONE -> {
				return optedOut;
			}
		}
		return false;
	}
}
