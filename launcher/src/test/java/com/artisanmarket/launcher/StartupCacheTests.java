package com.artisanmarket.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class StartupCacheTests {

	private static final boolean AOT_JDK = Runtime.version().feature() >= 25;

	@TempDir
	Path target;

	@Test
	void runsTheExecutableJarWhenNothingWasExtracted() throws IOException {
		Path jar = file("catalog-service.jar", Instant.now());

		assertThat(new StartupCache(Path.of("java"), jar).command(true)).containsExactly("-jar", jar.toString());
	}

	@Test
	void recordsTheCacheOnTheFirstRunOfAnExtractedBuild() throws IOException {
		Instant built = Instant.now().minusSeconds(60);
		Path jar = file("catalog-service.jar", built);
		Path extracted = file("startup/catalog-service.jar", built.plusSeconds(5));

		StartupCache startupCache = new StartupCache(Path.of("java"), jar);
		assertThat(startupCache.isMissing()).isEqualTo(AOT_JDK);
		assertThat(startupCache.command(true)).endsWith("-jar", extracted.toString())
			.satisfies((command) -> assertThat(command.contains("-XX:AOTCacheOutput=" + cache())).isEqualTo(AOT_JDK));
	}

	@Test
	void usesTheCacheRecordedForThisBuild() throws IOException {
		Instant built = Instant.now().minusSeconds(60);
		Path jar = file("catalog-service.jar", built);
		file("startup/catalog-service.jar", built.plusSeconds(5));
		file("startup/app.aot", built.plusSeconds(30));

		StartupCache startupCache = new StartupCache(Path.of("java"), jar);
		assertThat(startupCache.isMissing()).isFalse();
		assertThat(startupCache.command(true).contains("-XX:AOTCache=" + cache())).isEqualTo(AOT_JDK);
	}

	@Test
	void ignoresAnExtractionOfAnOlderBuild() throws IOException {
		Instant built = Instant.now();
		Path jar = file("catalog-service.jar", built);
		file("startup/catalog-service.jar", built.minusSeconds(600));
		file("startup/app.aot", built.minusSeconds(500));

		assertThat(new StartupCache(Path.of("java"), jar).command(true)).containsExactly("-jar", jar.toString());
	}

	@Test
	void aPartRunFromAClassPathRecordsItsOwnCacheAndUsesItUntilAJarChanges() throws IOException {
		Instant built = Instant.now().minusSeconds(60);
		Path jar = file("embedded-infra.jar", built);
		Path lib = this.target.resolve("lib");
		file("lib/kafka-server.jar", built.minusSeconds(5));
		Files.setLastModifiedTime(lib, FileTime.from(built));
		Path kafkaCache = this.target.resolve("startup/kafka.aot");

		StartupCache kafka = StartupCache.forClassPath("kafka", jar, lib);
		kafka.prepare();
		assertThat(kafkaCache.getParent()).isDirectory();
		assertThat(kafka.isMissing()).isEqualTo(AOT_JDK);
		assertThat(kafka.options(false)).isEmpty();
		assertThat(kafka.options(true)).isEqualTo(AOT_JDK ? List.of("-XX:AOTCacheOutput=" + kafkaCache) : List.of());

		file("startup/kafka.aot", built.plusSeconds(30));
		assertThat(kafka.isMissing()).isFalse();
		assertThat(kafka.options(true)).isEqualTo(AOT_JDK ? List.of("-XX:AOTCache=" + kafkaCache) : List.of());
		assertThat(StartupCache.forClassPath("mongo", jar, lib).isMissing()).isEqualTo(AOT_JDK);

		file("lib/kafka-server.jar", built.plusSeconds(40));
		assertThat(kafka.isMissing()).isEqualTo(AOT_JDK);
		assertThat(kafka.options(false)).isEmpty();
	}

	private Path cache() {
		return this.target.resolve("startup/app.aot");
	}

	private Path file(String name, Instant modified) throws IOException {
		Path file = this.target.resolve(name);
		Files.createDirectories(file.getParent());
		Files.writeString(file, name);
		Files.setLastModifiedTime(file, FileTime.from(modified));
		return file;
	}

}
