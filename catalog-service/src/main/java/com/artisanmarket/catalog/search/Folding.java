package com.artisanmarket.catalog.search;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Folds text for search so that people find what they mean however they type it: case and
 * accents away, Azerbaijani and Uzbek letters to plain Latin, and the common English
 * spellings of their sounds to the same form. {@code Şirvan}, {@code sirvan} and
 * {@code shirvan} all fold to {@code sirvan}; {@code Şəki} and {@code sheki} to
 * {@code seki}; {@code G‘ijduvon} and {@code gijduvon} to {@code gijduvon}; {@code Xiva}
 * and {@code Khiva} to {@code xiva}. Cyrillic is written in Latin letters first, the way
 * Uzbek and Azerbaijani spell it in Latin script, so {@code Шеки} folds to {@code seki}
 * and {@code Хива} to {@code xiva}.
 */
public final class Folding {

	private Folding() {
	}

	/**
	 * Cyrillic letters as Uzbek and Azerbaijani Latin write them ({@code ш} as
	 * {@code sh}, {@code х} as {@code x}, {@code ғ} as {@code g}); the rules below then
	 * fold those.
	 */
	private static final Map<Character, String> CYRILLIC = cyrillic();

	/*
	 * Compiled once: String.replaceAll compiles its pattern on every call, which a
	 * profile of searches at a million products put at a tenth of their time.
	 */
	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern APOSTROPHES = Pattern.compile("[‘’ʻʼ'`´]");

	private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

	public static String fold(String text) {
		if (text == null) {
			return "";
		}
		return isAscii(text) ? foldAscii(text) : foldAnyScript(text);
	}

	/**
	 * The whole folding, for text in any script. Most titles and queries are plain ASCII,
	 * for which {@link #foldAscii} gives the same answer at a fraction of the cost: the
	 * normalisation and regular expressions here took a sixth of catalog-service's CPU
	 * while an import filled the index.
	 */
	static String foldAnyScript(String text) {
		String lower = latin(text.toLowerCase(Locale.ROOT)).replace('ə', 'e').replace('ı', 'i').replace("i̇", "i");
		String withoutMarks = MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
		String withoutApostrophes = APOSTROPHES.matcher(withoutMarks).replaceAll("");
		String digraphs = withoutApostrophes.replace("sh", "s")
			.replace("ch", "c")
			.replace("gh", "g")
			.replace("kh", "x");
		return SEPARATORS.matcher(digraphs).replaceAll(" ").trim();
	}

	/**
	 * {@link #foldAnyScript} for ASCII text: no Cyrillic, no marks and no letters of
	 * other alphabets to fold, and the only separators are ASCII's.
	 */
	static String foldAscii(String text) {
		String lower = text.toLowerCase(Locale.ROOT);
		StringBuilder kept = new StringBuilder(lower.length());
		for (int i = 0; i < lower.length(); i++) {
			char c = lower.charAt(i);
			if (c != '\'' && c != '`') {
				kept.append(c);
			}
		}
		String digraphs = kept.toString().replace("sh", "s").replace("ch", "c").replace("gh", "g").replace("kh", "x");
		StringBuilder folded = new StringBuilder(digraphs.length());
		boolean separated = false;
		for (int i = 0; i < digraphs.length(); i++) {
			char c = digraphs.charAt(i);
			if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
				folded.append(c);
				separated = false;
			}
			else if (!separated) {
				folded.append(' ');
				separated = true;
			}
		}
		return folded.toString().trim();
	}

	private static boolean isAscii(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) > 0x7F) {
				return false;
			}
		}
		return true;
	}

	private static String latin(String lower) {
		StringBuilder latin = new StringBuilder(lower.length());
		for (int i = 0; i < lower.length(); i++) {
			char letter = lower.charAt(i);
			String written = CYRILLIC.get(letter);
			if (written != null) {
				latin.append(written);
			}
			else {
				latin.append(letter);
			}
		}
		return latin.toString();
	}

	private static Map<Character, String> cyrillic() {
		String[] pairs = { "а", "a", "б", "b", "в", "v", "г", "g", "ғ", "g", "ҝ", "g", "д", "d", "е", "e", "ё", "yo",
				"ж", "j", "з", "z", "и", "i", "й", "y", "ј", "y", "к", "k", "қ", "q", "л", "l", "м", "m", "н", "n", "о",
				"o", "ө", "o", "ў", "o", "п", "p", "р", "r", "с", "s", "т", "t", "у", "u", "ү", "u", "ф", "f", "х", "x",
				"ҳ", "h", "һ", "h", "ц", "ts", "ч", "ch", "ҹ", "c", "ш", "sh", "щ", "sh", "ъ", "", "ы", "i", "ь", "",
				"э", "e", "ю", "yu", "я", "ya", "ә", "e" };
		Map<Character, String> map = new HashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put(pairs[i].charAt(0), pairs[i + 1]);
		}
		return Map.copyOf(map);
	}

	/** A query's folded words. */
	public static List<String> words(String query) {
		return Arrays.stream(fold(query).split(" ")).filter((word) -> !word.isEmpty()).toList();
	}

}
