package org.reconnect.escalation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.reconnect.system.KindLines;
import org.reconnect.system.KindLines.KindLine;
import org.reconnect.system.UnicodeText;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * How people say they have an alert in hand ("ok I'll text her", "vale, le llamo", "👍🏽"): the words
 * are data, one file per language under {@code acknowledgements/}, and every language applies to
 * every sender. A reply that refuses or asks to stop ("ok stop alerts", "no puedo ahora") never is
 * one, so it reaches the later steps.
 */
@Component
class AcknowledgementWords {

	private static final String FILES = "classpath*:acknowledgements/acknowledgements_*.txt";

	private static final Pattern MARKS = Pattern.compile("[\\p{M}\\p{Cf}]");

	private static final Pattern APOSTROPHES = Pattern.compile("['’`´]");

	private static final Pattern OTHER = Pattern.compile("[^\\p{L}\\p{N}\\p{So}\\s]");

	private static final Pattern SYMBOL = Pattern.compile("(\\p{So})");

	private static final Pattern TRIPLED = Pattern.compile("(\\p{L})\\1{2,}");

	private final Set<String> agree;
	/** Words that alone answer a question (YES to an invitation): left to the consent steps. */
	private final Set<String> answers;
	private final List<Pattern> phrases;
	private final List<Pattern> courteous;
	private final List<Pattern> refusals;

	AcknowledgementWords() {
		Set<String> agree = new HashSet<>();
		Set<String> answers = new HashSet<>();
		List<Pattern> phrases = new ArrayList<>();
		List<Pattern> courteous = new ArrayList<>();
		List<Pattern> refusals = new ArrayList<>();
		try {
			Resource[] files = new PathMatchingResourcePatternResolver().getResources(FILES);
			if (files.length == 0) {
				throw new IllegalStateException("No acknowledgement word files found at " + FILES);
			}
			for (Resource file : files) {
				read(file, agree, answers, phrases, courteous, refusals);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.agree = Set.copyOf(agree);
		this.answers = Set.copyOf(answers);
		this.phrases = List.copyOf(phrases);
		this.courteous = List.copyOf(courteous);
		this.refusals = List.copyOf(refusals);
	}

	private static void read(Resource file, Set<String> agree, Set<String> answers, List<Pattern> phrases, List<Pattern> courteous,
			List<Pattern> refusals) {
		for (KindLine line : KindLines.read(file)) {
			String value = line.value();
			switch (line.kind()) {
				case "agree" -> Arrays.stream(value.split("\\s+")).map(AcknowledgementWords::plain).forEach(agree::add);
				case "answer" -> Arrays.stream(value.split("\\s+")).map(AcknowledgementWords::plain).forEach(answers::add);
				case "phrase" -> phrases.add(Pattern.compile(value));
				case "courteous" -> courteous.add(Pattern.compile(value));
				case "refusal" -> refusals.add(Pattern.compile(value));
				default -> throw line.unknown("use 'agree: words', 'answer: words', or 'phrase:', 'courteous:' or "
						+ "'refusal:' with a regular expression");
			}
		}
	}

	/** Whether the reply says they have it in hand, and nothing that refuses or asks to stop. */
	boolean acknowledges(String body) {
		String text = plain(body);
		if (text.isEmpty() || answers.contains(text)) {
			return false;
		}
		String first = text.split(" ", 2)[0];
		boolean agreeing = agree.contains(first) || phrases.stream().anyMatch(phrase -> phrase.matcher(text).find());
		if (!agreeing) {
			return false;
		}
		String rest = text;
		for (Pattern phrase : courteous) {
			rest = phrase.matcher(rest).replaceAll(" ");
		}
		String unkind = rest;
		return refusals.stream().noneMatch(refusal -> refusal.matcher(unkind).find());
	}

	/** Lower case, no accents, apostrophes or punctuation, skin tones removed, emoji as words of their own. */
	static String plain(String body) {
		String text = Normalizer.normalize(body == null ? "" : body, Normalizer.Form.NFD);
		text = MARKS.matcher(UnicodeText.plainEmoji(text)).replaceAll("");
		text = APOSTROPHES.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("");
		text = SYMBOL.matcher(OTHER.matcher(text).replaceAll(" ")).replaceAll(" $1 ");
		return TRIPLED.matcher(text).replaceAll("$1").strip().replaceAll("\\s+", " ");
	}
}
