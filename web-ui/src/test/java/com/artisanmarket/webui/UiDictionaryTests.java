package com.artisanmarket.webui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every word of the UI exists in all three languages: the dictionaries hold the same keys
 * with the same placeholders, and every key the modules ask for is in them.
 */
class UiDictionaryTests {

	private static final Path UI = Path.of("src/main/resources/static/ui");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

	/** {@code t('some.key'} with a literal key. */
	private static final Pattern LITERAL_KEY = Pattern.compile("\\bt\\('([a-zA-Z0-9_.]+)'");

	/** {@code t(`category.${...}`} : a family of keys with a fixed prefix. */
	private static final Pattern KEY_FAMILY = Pattern.compile("\\bt\\(`([a-zA-Z0-9_.]+)\\.\\$\\{");

	@ParameterizedTest
	@ValueSource(strings = { "az", "uz" })
	void holdsTheSameKeysAndPlaceholdersAsEnglish(String language) {
		JsonNode english = dictionary("en");
		JsonNode other = dictionary(language);

		assertThat(keys(other)).containsExactlyElementsOf(keys(english));
		for (String key : keys(english)) {
			assertThat(other.path(key).asString()).as(language + " " + key).isNotBlank();
			assertThat(placeholders(other.path(key).asString())).as(language + " " + key)
				.isEqualTo(placeholders(english.path(key).asString()));
		}
	}

	@Test
	void hasEveryKeyTheModulesUse() throws IOException {
		Set<String> known = keys(dictionary("en"));
		Set<String> used = new TreeSet<>();
		Set<String> families = new TreeSet<>();
		try (Stream<Path> files = Files.walk(UI.resolve("js"))) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".js")).toList()) {
				String source = Files.readString(file);
				collect(LITERAL_KEY.matcher(source), used);
				collect(KEY_FAMILY.matcher(source), families);
			}
		}

		assertThat(used).hasSizeGreaterThan(100);
		assertThat(known).containsAll(used);
		for (String family : families) {
			assertThat(known).as(family).anyMatch((key) -> key.startsWith(family + "."));
		}
		assertThat(known).contains("status.PENDING", "status.CONFIRMED", "status.REJECTED", "status.SHIPPED",
				"status.DELIVERED", "status.CANCELLED", "category.CARPETS", "category.OTHER",
				"order.problem.OUT_OF_STOCK", "order.problem.ARTISAN_SUSPENDED", "search.sort.price_desc");
	}

	private static void collect(Matcher matcher, Set<String> into) {
		while (matcher.find()) {
			into.add(matcher.group(1));
		}
	}

	private static JsonNode dictionary(String language) {
		return JsonMapper.builder().build().readTree(UI.resolve("i18n/" + language + ".json").toFile());
	}

	private static Set<String> keys(JsonNode dictionary) {
		return new LinkedHashSet<>(dictionary.propertyNames());
	}

	private static List<String> placeholders(String text) {
		return PLACEHOLDER.matcher(text).results().map((match) -> match.group(1)).sorted().toList();
	}

}
