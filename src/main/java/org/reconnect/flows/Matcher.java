package org.reconnect.flows;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
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

	/**
	 * A yes, a no, or half an answer ("a little", "maybe"), in the words people use: read by
	 * {@link Answers} from {@code answers/answers_<language>.txt}.
	 */
	record Answer(Answers.Kind kind) implements Matcher {

		@Override
		public boolean matches(String reply) {
			return Answers.shipped().read(reply).filter(kind::equals).isPresent();
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

		/**
		 * Lower case, accents and apostrophes removed ("didn't" is "didnt"), split on anything that is
		 * not a letter, digit or emoji.
		 */
		static List<String> words(String text) {
			String plain = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
				.replaceAll("['\u2019]", "")
				.toLowerCase(Locale.ROOT);
			return List.of(plain.split("[\\s\\p{Punct}¡¿]+")).stream().filter(w -> !w.isEmpty()).toList();
		}
	}
}
