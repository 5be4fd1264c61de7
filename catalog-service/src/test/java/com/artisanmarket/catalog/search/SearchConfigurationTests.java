package com.artisanmarket.catalog.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.artisanmarket.catalog.search.SearchConfiguration.IndexFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class SearchConfigurationTests {

	private static final SearchProperties DEFAULTS = new SearchProperties(null, Duration.ofMillis(100),
			Duration.ofSeconds(5), Duration.ofMillis(100));

	@TempDir
	Path home;

	@Test
	void aTemporaryIndexIsRemovedWithItsFilesWhenTheApplicationStops() throws IOException {
		IndexFolder folder = SearchConfiguration.indexDir(DEFAULTS, new MockEnvironment());
		try (ProductIndex index = new ProductIndex(folder.path(), Duration.ofMillis(100),
				new ProductDocuments(JsonMapper.builder().build()))) {
			assertThat(folder.path()).isDirectory();
		}
		try (var files = Files.list(folder.path())) {
			assertThat(files).isNotEmpty();
		}
		folder.close();
		assertThat(folder.path()).doesNotExist();
	}

	@Test
	void anIndexUnderTheDataDirectoryIsKept() throws IOException {
		IndexFolder folder = SearchConfiguration.indexDir(DEFAULTS,
				new MockEnvironment().withProperty("marketplace.home", this.home.toString())
					.withProperty("server.port", "8182"));
		assertThat(folder.path()).isEqualTo(this.home.resolve("catalog-service").resolve("search-8182"));
		Files.createDirectories(folder.path());
		folder.close();
		assertThat(folder.path()).isDirectory();
	}

	@Test
	void aConfiguredIndexIsKept() throws IOException {
		Path configured = Files.createDirectories(this.home.resolve("index"));
		IndexFolder folder = SearchConfiguration.indexDir(
				new SearchProperties(configured, Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofMillis(100)),
				new MockEnvironment());
		folder.close();
		assertThat(folder.path()).isEqualTo(configured).isDirectory();
	}

}
