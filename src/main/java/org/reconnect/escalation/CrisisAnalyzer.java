package org.reconnect.escalation;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.core.LowerCaseFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * How one language's text is read before phrases are matched, by Lucene: characters mapped
 * (apostrophes, emoji variants), words split (Unicode rules; emoji are words), lower case,
 * accents folded, spelling brought back to known words, txt-speak and slang spelled out
 * (the spelling map), filler words dropped, and words stemmed. Phrases and messages go through
 * the same chain, so both sides always agree. Thread-safe: Lucene reuses a chain per thread.
 */
final class CrisisAnalyzer extends Analyzer {

	private final UnaryOperator<Reader> characters;
	private final SpellingVocabulary vocabulary;
	private final SynonymMap spelling;
	private final CharArraySet filler;
	private final UnaryOperator<TokenStream> stemmer;

	/**
	 * @param vocabulary null for the surface reading that builds the vocabulary and spelling map
	 * @param spelling null likewise
	 */
	CrisisAnalyzer(UnaryOperator<Reader> characters, SpellingVocabulary vocabulary, SynonymMap spelling,
			CharArraySet filler, UnaryOperator<TokenStream> stemmer) {
		this.characters = characters;
		this.vocabulary = vocabulary;
		this.spelling = spelling;
		this.filler = filler;
		this.stemmer = stemmer;
	}

	/** Only characters, words, case and accents: how the phrase files' own words are collected. */
	static CrisisAnalyzer surface(UnaryOperator<Reader> characters) {
		return new CrisisAnalyzer(characters, null, null, null, null);
	}

	@Override
	protected Reader initReader(String fieldName, Reader reader) {
		return characters.apply(reader);
	}

	@Override
	protected TokenStreamComponents createComponents(String fieldName) {
		StandardTokenizer words = new StandardTokenizer();
		TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(words));
		if (vocabulary != null) {
			stream = new SpellingFilter(stream, vocabulary);
		}
		if (spelling != null) {
			stream = new FlattenGraphFilter(new SynonymGraphFilter(stream, spelling, true));
		}
		if (filler != null) {
			stream = new StopFilter(stream, filler);
		}
		if (stemmer != null) {
			stream = stemmer.apply(stream);
		}
		return new TokenStreamComponents(words, stream);
	}

	/** A word as read, and where it stood in the text (for sentence breaks between words). */
	record Token(String term, int start, int end) {
	}

	List<Token> tokens(String text) {
		List<Token> tokens = new ArrayList<>();
		try (TokenStream stream = tokenStream("text", new StringReader(text))) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				tokens.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return tokens;
	}

	List<String> terms(String text) {
		return tokens(text).stream().map(Token::term).toList();
	}
}
