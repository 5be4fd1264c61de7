package com.artisanmarket.catalog.search;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Cuts text into the words {@link Folding#words(String)} makes of it, so that what is
 * indexed and what a buyer types fold by exactly the same rules (case, accents, Uzbek and
 * Azerbaijani letters, {@code sh}/{@code ş}, {@code kh}/{@code x}, Cyrillic).
 */
final class FoldingAnalyzer extends Analyzer {

	@Override
	protected TokenStreamComponents createComponents(String fieldName) {
		return new TokenStreamComponents(new FoldedWords());
	}

	private static final class FoldedWords extends Tokenizer {

		private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

		private Iterator<String> words = List.<String>of().iterator();

		@Override
		public void reset() throws IOException {
			super.reset();
			StringBuilder text = new StringBuilder();
			char[] buffer = new char[1024];
			for (int read = this.input.read(buffer); read != -1; read = this.input.read(buffer)) {
				text.append(buffer, 0, read);
			}
			this.words = Folding.words(text.toString()).iterator();
		}

		@Override
		public boolean incrementToken() {
			clearAttributes();
			if (!this.words.hasNext()) {
				return false;
			}
			this.term.append(this.words.next());
			return true;
		}

	}

}
