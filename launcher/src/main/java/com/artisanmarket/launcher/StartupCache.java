package com.artisanmarket.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts a JVM part with a JDK AOT cache (JEP 483/514), which holds its classes already
 * loaded and linked and the methods' profiles: a Spring Boot service then starts on about
 * a third of the CPU (measured for catalog-service: 17.9 s of CPU from the executable
 * jar, 12.2 s extracted, 5.8 s with the cache), the embedded Kafka broker on about half.
 * The cache needs the application on a plain class path, so a service's executable jar is
 * extracted next to it once per build. It is recorded during the first run after a build
 * (written when that run ends) and used from then on; a cache that no longer matches its
 * class path is refused by the JVM, which then starts without it. JDKs before 25 run
 * without a cache.
 */
final class StartupCache {

	private static final int FIRST_JDK = 25;

	private final Path java;

	/** The service's executable jar, or null for a part run from a class path. */
	private final Path executableJar;

	private final Path cache;

	/** What the cache is recorded from: it is stale when any of these is newer. */
	private final List<Path> builtFrom;

	StartupCache(Path java, Path executableJar) {
		this(java, executableJar, executableJar.resolveSibling("startup").resolve("app.aot"), List.of(executableJar));
	}

	private StartupCache(Path java, Path executableJar, Path cache, List<Path> builtFrom) {
		this.java = java;
		this.executableJar = executableJar;
		this.cache = cache;
		this.builtFrom = builtFrom;
	}

	/**
	 * The cache of a main class run from {@code jar} and the jars in {@code lib}, one per
	 * part ({@code name}), kept beside {@code jar}.
	 */
	static StartupCache forClassPath(String name, Path jar, Path lib) {
		return new StartupCache(null, null, jar.resolveSibling("startup").resolve(name + ".aot"), List.of(jar, lib));
	}

	/**
	 * Extracts a service's executable jar unless this build's is extracted already; makes
	 * the folder a class path's cache is written to (the JVM does not).
	 */
	void prepare() {
		if (this.executableJar == null) {
			try {
				Files.createDirectories(this.cache.getParent());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		else if (!isUpToDate(extractedJar())) {
			extract();
		}
	}

	/**
	 * The JVM options and jar to run a service: the extracted jar with the cache when it
	 * matches this build, recording it during this run otherwise; the executable jar when
	 * nothing was prepared.
	 * @param record whether this run may record the cache when it does not match
	 */
	List<String> command(boolean record) {
		if (!isUpToDate(extractedJar())) {
			return List.of("-jar", this.executableJar.toString());
		}
		List<String> command = new ArrayList<>(options(record));
		command.addAll(List.of("-jar", extractedJar().toString()));
		return command;
	}

	/**
	 * The JVM options for the cache: using it when it matches this build, recording it
	 * during this run otherwise (when {@code record}), none on a JDK without caches.
	 * @param record whether this run may record the cache when it does not match
	 */
	List<String> options(boolean record) {
		if (Runtime.version().feature() < FIRST_JDK) {
			return List.of();
		}
		if (isUpToDate(this.cache)) {
			return List.of("-XX:AOTCache=" + this.cache);
		}
		return record ? List.of("-XX:AOTCacheOutput=" + this.cache) : List.of();
	}

	/**
	 * Whether a run could record a cache this build does not have yet: the class path is
	 * ready (a service's jar extracted) and this JDK records caches.
	 */
	boolean isMissing() {
		return Runtime.version().feature() >= FIRST_JDK && (this.executableJar == null || isUpToDate(extractedJar()))
				&& !isUpToDate(this.cache);
	}

	private Path extractedJar() {
		return this.executableJar.resolveSibling("startup").resolve(this.executableJar.getFileName());
	}

	/**
	 * Whether {@code file} exists and is at least as new as everything it is built from.
	 */
	private boolean isUpToDate(Path file) {
		try {
			if (!Files.exists(file)) {
				return false;
			}
			FileTime written = Files.getLastModifiedTime(file);
			for (Path input : this.builtFrom) {
				if (!Files.exists(input) || written.compareTo(newest(input)) < 0) {
					return false;
				}
			}
			return true;
		}
		catch (IOException | UncheckedIOException ex) {
			return false;
		}
	}

	/** When {@code path} last changed: a directory, or any file directly in it. */
	private static FileTime newest(Path path) throws IOException {
		FileTime newest = Files.getLastModifiedTime(path);
		if (Files.isDirectory(path)) {
			try (Stream<Path> files = Files.list(path)) {
				for (Path file : files.toList()) {
					FileTime modified = Files.getLastModifiedTime(file);
					newest = (modified.compareTo(newest) > 0) ? modified : newest;
				}
			}
		}
		return newest;
	}

	private void extract() {
		try {
			Files.createDirectories(extractedJar().getParent());
			Files.deleteIfExists(this.cache);
			Process extract = new ProcessBuilder(this.java.toString(), "-Djarmode=tools", "-jar",
					this.executableJar.toString(), "extract", "--destination", extractedJar().getParent().toString(),
					"--force")
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			if (!extract.waitFor(2, TimeUnit.MINUTES) || extract.exitValue() != 0) {
				extract.destroyForcibly();
				throw new IllegalStateException("could not extract " + this.executableJar);
			}
			Files.setLastModifiedTime(extractedJar(), FileTime.fromMillis(System.currentTimeMillis()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while extracting " + this.executableJar, ex);
		}
	}

}
