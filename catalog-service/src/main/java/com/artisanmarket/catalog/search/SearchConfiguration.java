package com.artisanmarket.catalog.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.FileSystemUtils;

/** The search index of this instance and where it lives. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SearchProperties.class)
class SearchConfiguration {

	@Bean(destroyMethod = "close")
	IndexFolder indexFolder(SearchProperties properties, Environment environment) {
		return indexDir(properties, environment);
	}

	/** Closed before its folder: Spring destroys a bean before those it depends on. */
	@Bean(destroyMethod = "close")
	ProductIndex productIndex(IndexFolder folder, SearchProperties properties, JsonMapper json) {
		return new ProductIndex(folder.path(), properties.maxStaleness(), new ProductDocuments(json));
	}

	/**
	 * The configured directory; else one per port under the launcher's data directory, so
	 * that instances on one machine keep an index each; else a new temporary directory
	 * (nothing to keep: the index is rebuilt from MongoDB at start).
	 */
	static IndexFolder indexDir(SearchProperties properties, Environment environment) {
		if (properties.indexDir() != null) {
			return new IndexFolder(properties.indexDir(), false);
		}
		String home = environment.getProperty("marketplace.home");
		if (home != null && !home.isBlank()) {
			return new IndexFolder(
					Path.of(home, "catalog-service", "search-" + environment.getProperty("server.port", "8082")),
					false);
		}
		try {
			return new IndexFolder(Files.createTempDirectory("catalog-search"), true);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Where the index lives. A temporary one is removed with its contents when the
	 * application stops ({@code deleteOnExit} removes only an empty folder, so every test
	 * context left an index behind).
	 */
	record IndexFolder(Path path, boolean temporary) implements AutoCloseable {

		@Override
		public void close() throws IOException {
			if (this.temporary) {
				FileSystemUtils.deleteRecursively(this.path);
			}
		}

	}

}
