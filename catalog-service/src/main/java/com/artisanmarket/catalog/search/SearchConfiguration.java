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

/** The search index of this instance and where it lives. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SearchProperties.class)
class SearchConfiguration {

	@Bean(destroyMethod = "close")
	ProductIndex productIndex(SearchProperties properties, Environment environment, JsonMapper json) {
		return new ProductIndex(indexDir(properties, environment), properties.maxStaleness(),
				new ProductDocuments(json));
	}

	/**
	 * The configured directory; else one per port under the launcher's data directory, so
	 * that instances on one machine keep an index each; else a new temporary directory
	 * (nothing to keep: the index is rebuilt from MongoDB at start).
	 */
	static Path indexDir(SearchProperties properties, Environment environment) {
		if (properties.indexDir() != null) {
			return properties.indexDir();
		}
		String home = environment.getProperty("marketplace.home");
		if (home != null && !home.isBlank()) {
			return Path.of(home, "catalog-service", "search-" + environment.getProperty("server.port", "8082"));
		}
		try {
			Path temporary = Files.createTempDirectory("catalog-search");
			temporary.toFile().deleteOnExit();
			return temporary;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
