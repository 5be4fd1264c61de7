package com.artisanmarket.catalog.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ProductIndexTests {

	@TempDir
	Path directory;

	@Test
	void startsAfreshOverAnIndexItCannotReadAndKeepsTheOffsetsItCommits() throws IOException {
		Files.writeString(this.directory.resolve("segments_1"),
				"not a Lucene commit, but long enough to be read as one", StandardCharsets.UTF_8);

		try (ProductIndex index = new ProductIndex(this.directory, Duration.ofMillis(100),
				new ProductDocuments(JsonMapper.builder().build()))) {
			assertThat(index.committedOffsets()).as("nothing to resume from: rebuild").isEmpty();
			index.commit(Map.of("catalog-events-0", 7L, "artisan-events-2", 3L));
		}
		try (ProductIndex index = new ProductIndex(this.directory, Duration.ofMillis(100),
				new ProductDocuments(JsonMapper.builder().build()))) {
			assertThat(index.committedOffsets()).isEqualTo(Map.of("catalog-events-0", 7L, "artisan-events-2", 3L));
		}
	}

}
