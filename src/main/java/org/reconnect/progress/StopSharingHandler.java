package org.reconnect.progress;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

import org.reconnect.messaging.Inbound;
import org.reconnect.messaging.InboundHandler;
import org.reconnect.messaging.InboundPipeline;
import org.reconnect.messaging.Messenger;
import org.reconnect.messaging.OutboundMessage;
import org.reconnect.messaging.Purpose;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantService;
import org.springframework.stereotype.Component;

/**
 * A participant's STOP SHARING (NO COMPARTIR, and the other words of {@code keyword.stop-sharing.words}
 * in every language's keyword bundle): no more good-news notes to any ally, from now, notes already
 * queued included; confirmed kindly. Their check-ins and their allies' other alerts are unchanged.
 */
@Component
class StopSharingHandler implements InboundHandler {

	private final ParticipantService participants;
	private final ProgressService progress;
	private final ProgressTexts texts;
	private final Messenger messenger;

	StopSharingHandler(ParticipantService participants, ProgressService progress, ProgressTexts texts,
			Messenger messenger) {
		this.participants = participants;
		this.progress = progress;
		this.texts = texts;
		this.messenger = messenger;
	}

	@Override
	public InboundPipeline.Step step() {
		return InboundPipeline.Step.SHARING;
	}

	@Override
	public boolean handle(Inbound inbound) {
		if (!(inbound.sender() instanceof ParticipantProfile participant) || !stopSharing(inbound.message().body())) {
			return false;
		}
		boolean was = progress.stopSharing(participant.id(), "participant");
		messenger.send(new OutboundMessage(participant.phone(), texts.sharingStopped(participant, was), Purpose.REPLY,
				inbound.message().key()));
		return true;
	}

	private boolean stopSharing(String body) {
		String said = plain(body);
		return !said.isEmpty() && participants.languages().stream()
			.flatMap(language -> Arrays.stream(texts.stopSharingWords(Locale.forLanguageTag(language)).split(",")))
			.map(StopSharingHandler::plain)
			.anyMatch(said::equals);
	}

	/** Lower case, no accents, no punctuation, single spaces: "No compartir." is "no compartir", "Don't share" "dont share". */
	static String plain(String text) {
		String bare = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("[\\p{M}'\u2019]", "");
		return bare.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
	}
}
