package org.reconnect.flows;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Decides whether a reply takes a transition. */
sealed interface Matcher {

	boolean matches(String reply);

	/** Any reply at all. */
	record Any() implements Matcher {

		@Override
		public boolean matches(String reply) {
			return true;
		}
	}

	/** The first whole number in the reply lies in [min, max]: "4", "4!", "about a 4". */
	record NumberBetween(int min, int max) implements Matcher {

		private static final Pattern NUMBER = Pattern.compile("-?\\d+");

		@Override
		public boolean matches(String reply) {
			var found = NUMBER.matcher(reply);
			if (!found.find()) {
				return false;
			}
			try {
				int value = Integer.parseInt(found.group());
				return value >= min && value <= max;
			}
			catch (NumberFormatException ex) {
				return false;
			}
		}
	}

	/** A yes or a no, in English or Spanish, or as a thumbs up or down. */
	record YesNo(boolean yes) implements Matcher {

		private static final Set<String> YES = Set.of("yes", "y", "yeah", "yep", "yup", "sure", "ok", "okay", "si", "claro",
				"vale", "\uD83D\uDC4D");
		private static final Set<String> NO = Set.of("no", "n", "nope", "nah", "not", "never", "nunca", "\uD83D\uDC4E");

		@Override
		public boolean matches(String reply) {
			List<String> words = Text.words(reply);
			return !words.isEmpty() && (yes ? YES : NO).contains(words.get(0));
		}
	}

	/** One of the keywords or phrases appears as whole words, whatever the case or accents. */
	record Keywords(List<String> keywords) implements Matcher {

		@Override
		public boolean matches(String reply) {
			String text = " " + String.join(" ", Text.words(reply)) + " ";
			return keywords.stream().anyMatch(k -> text.contains(" " + String.join(" ", Text.words(k)) + " "));
		}
	}

	/** A regular expression found anywhere in the reply. */
	record Regex(Pattern pattern) implements Matcher {

		@Override
		public boolean matches(String reply) {
			return pattern.matcher(reply).find();
		}
	}

	/** Normalising what people type. */
	final class Text {

		private Text() {
		}

		/** Lower case, accents removed, split on anything that is not a letter, digit or emoji. */
		static List<String> words(String text) {
			String plain = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
				.toLowerCase(Locale.ROOT);
			return List.of(plain.split("[\\s\\p{Punct}¡¿]+")).stream().filter(w -> !w.isEmpty()).toList();
		}
	}
}
