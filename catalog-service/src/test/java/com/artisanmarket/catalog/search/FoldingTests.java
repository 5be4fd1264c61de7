package com.artisanmarket.catalog.search;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class FoldingTests {

	@ParameterizedTest
	@CsvSource({ "Şirvan, sirvan", "Şirvan, shirvan", "Şəki, sheki", "Şəki, seki", "G‘ijduvon, gijduvon",
			"Gʻijduvon, gijduvon", "Xiva, khiva", "Lahıc, lahic", "Göygöl, goygol", "Çəmbərəkənd, chemberekend",
			"Qəbələ, qebele", "BUXORO, buxoro", "Marg‘ilon, margilon", "O‘zbekiston, ozbekiston", "Шеки, sheki",
			"Шәки, Şəki", "Хива, Khiva", "Ғиждувон, G‘ijduvon", "Сузани, suzani", "Ширван, Şirvan",
			"Самарқанд, Samarqand", "Чорсу, Chorsu" })
	void foldsTheWritingAndTheCommonSpellingAlike(String written, String typed) {
		assertThat(Folding.fold(written)).isEqualTo(Folding.fold(typed));
	}

	@ParameterizedTest
	@CsvSource({ "Şirvan, Quba", "sheki, shaki" })
	void keepsDifferentWordsApart(String one, String other) {
		assertThat(Folding.fold(one)).isNotEqualTo(Folding.fold(other));
	}

	@Test
	void foldsAsciiAsTheWholeFoldingDoes() {
		Random random = new Random(20261203);
		String alphabet = "aAbBcChHgGkKsSzZ09 -_'`.,;:!?/\\\"()[]{}|~^@#$%&*+=<>\t\n\u0001\u007f";
		for (int n = 0; n < 20_000; n++) {
			StringBuilder text = new StringBuilder();
			for (int i = random.nextInt(24); i > 0; i--) {
				text.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			assertThat(Folding.foldAscii(text.toString())).as("'%s'", text)
				.isEqualTo(Folding.foldAnyScript(text.toString()));
		}
		assertThat(Folding.fold("Shirvan KHIVA chorsu, o'zbek")).isEqualTo("sirvan xiva corsu ozbek");
	}

	@Test
	void splitsAQueryIntoFoldedWords() {
		assertThat(Folding.words("  Şəki  silk-scarf ")).isEqualTo(List.of("seki", "silk", "scarf"));
	}

}
