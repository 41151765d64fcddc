package org.reconnect.progress;

import java.util.Locale;

import org.reconnect.consent.AllyView;
import org.reconnect.messaging.MessagingSettings;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.system.Names;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The words of progress, from the bundles: the participant's milestone sentences and the reflection's
 * week ({@code progress.*} in {@code messages/conversations*}, MessageFormat with ICU-style choices for
 * the plural forms), and the allies' notes ({@code progress.*.ally} in {@code messages/alerts*}, which
 * name people only, checked with the alerts). A day milestone has its own text per day count when the
 * bundle has one ({@code progress.milestone.days.30}), else the general one.
 */
@Component
class ProgressTexts {

	private final MessageSource texts;
	private final String programName;

	ProgressTexts(MessageSource texts, MessagingSettings messaging) {
		this.texts = texts;
		this.programName = messaging.programName();
	}

	String milestone(ProgressNote note, ParticipantProfile participant, int within) {
		Locale locale = participant.locale().orElse(Locale.ROOT);
		Object[] values = { participant.firstName(), note.days(), within };
		String base = "progress.milestone." + note.kind().key();
		String specific = note.kind() == MilestoneKind.DAYS_TAKING_PART
				? texts.getMessage(base + "." + note.days(), values, null, locale) : null;
		return specific != null ? specific : texts.getMessage(base, values, locale);
	}

	/**
	 * An ally's note: read as written (no arguments), its named placeholders filled with first names
	 * only, as the alerts are.
	 */
	String allyNote(ProgressNote note, AllyView ally, ParticipantProfile participant) {
		Locale locale = ally.language() != null ? Locale.forLanguageTag(ally.language())
				: participant.locale().orElse(Locale.ROOT);
		String specific = note.kind() == MilestoneKind.DAYS_TAKING_PART
				? texts.getMessage("progress.days." + note.days() + ".ally", null, null, locale) : null;
		String text = specific != null ? specific
				: texts.getMessage("progress." + note.kind().key() + ".ally", null, locale);
		return text.replace("{ally}", Names.first(ally.name()))
			.replace("{participant}", participant.firstName())
			.replace("{service}", programName);
	}

	/** The reflection's week: the days they checked in and reached out, of the last {@code within}. */
	String week(ParticipantProfile participant, int answered, int within, int reachedOut) {
		return texts.getMessage("progress.week", new Object[] { answered, within, reachedOut },
				participant.locale().orElse(Locale.ROOT));
	}

	/** The reply to STOP SHARING, in the participant's language. */
	String sharingStopped(ParticipantProfile participant, boolean wasSharing) {
		return texts.getMessage(wasSharing ? "keyword.stop-sharing.done" : "keyword.stop-sharing.nothing", null,
				participant.locale().orElse(Locale.ROOT));
	}

	/** The words that mean STOP SHARING in one language, comma-separated in its keyword bundle. */
	String stopSharingWords(Locale language) {
		return texts.getMessage("keyword.stop-sharing.words", null, "", language);
	}
}
