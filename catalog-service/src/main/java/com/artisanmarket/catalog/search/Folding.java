package com.artisanmarket.catalog.search;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Folds text for search so that people find what they mean however they type it: case and
 * accents away, Azerbaijani and Uzbek letters to plain Latin, and the common English
 * spellings of their sounds to the same form. {@code Şirvan}, {@code sirvan} and
 * {@code shirvan} all fold to {@code sirvan}; {@code Şəki} and {@code sheki} to
 * {@code seki}; {@code G‘ijduvon} and {@code gijduvon} to {@code gijduvon}; {@code Xiva}
 * and {@code Khiva} to {@code xiva}.
 */
public final class Folding {

	private Folding() {
	}

	public static String fold(String text) {
		if (text == null) {
			return "";
		}
		String lower = text.toLowerCase(Locale.ROOT).replace('ə', 'e').replace('ı', 'i').replace("i̇", "i");
		String withoutMarks = Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
		String withoutApostrophes = withoutMarks.replaceAll("[‘’ʻʼ'`´]", "");
		return withoutApostrophes.replace("sh", "s")
			.replace("ch", "c")
			.replace("gh", "g")
			.replace("kh", "x")
			.replaceAll("[^\\p{L}\\p{N}]+", " ")
			.trim();
	}

	/** The folded words of several texts, one string, for a keyword field. */
	public static String keywords(List<String> texts) {
		return texts.stream()
			.filter(Objects::nonNull)
			.map(Folding::fold)
			.filter((folded) -> !folded.isEmpty())
			.collect(Collectors.joining(" "));
	}

	/** A query's folded words. */
	public static List<String> words(String query) {
		return Arrays.stream(fold(query).split(" ")).filter((word) -> !word.isEmpty()).toList();
	}

}
