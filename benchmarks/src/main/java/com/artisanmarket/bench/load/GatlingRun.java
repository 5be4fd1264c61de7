package com.artisanmarket.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.artisanmarket.launcher.FreePorts;
import io.gatling.app.Gatling;

/**
 * One Gatling run of one simulation, in a JVM of its own on this JVM's class path.
 * Gatling 3.14's supported way in is its command line ({@code io.gatling.app.Gatling},
 * what its bundle and build plugins start); it ends its JVM when done, and a fresh JVM
 * per run also keeps one run's garbage and threads out of the next.
 *
 * @param simulation the simulation class
 * @param description the run's description in its report
 * @param settings its {@code -Dbench.*} settings ({@link LoadSettings})
 * @param resultsFolder where Gatling writes its report folder
 */
public record GatlingRun(Class<?> simulation, String description, Map<String, String> settings, Path resultsFolder) {

	/**
	 * Starts the run.
	 * @return the running JVM
	 */
	public Running start() {
		try {
			Files.createDirectories(this.resultsFolder);
			Path log = this.resultsFolder.resolve("gatling.log");
			Process process = new ProcessBuilder(command()).redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			process.getOutputStream().close();
			return new Running(process, log, this.resultsFolder);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not start Gatling", ex);
		}
	}

	List<String> command() {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(List.of("-Xms256m", "-Xmx1g", "-XX:+UseParallelGC"));
		// Gatling's log file writer reads strings' internals (its build tools open this
		// too).
		command.add("--add-opens=java.base/java.lang=ALL-UNNAMED");
		if (Runtime.version().feature() >= 24) {
			// Netty's native transport and its buffers, without the JDK's warnings about
			// them.
			command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"));
		}
		// Also in gatling.conf; repeated so that no other configuration on the class path
		// can
		// turn them back on.
		command.add("-Dgatling.data.enableAnalytics=false");
		command.add("-Dgatling.http.warmUpUrl=");
		// Gatling asks Maven Central for its latest version on every start, with no
		// setting
		// to stop it; a proxy nobody listens on makes that fail at once, on loopback. Its
		// own HTTP client, which sends the load, does not use these properties.
		String nowhere = Integer.toString(FreePorts.next());
		command.addAll(List.of("-Dhttps.proxyHost=127.0.0.1", "-Dhttps.proxyPort=" + nowhere,
				"-Dhttp.proxyHost=127.0.0.1", "-Dhttp.proxyPort=" + nowhere));
		this.settings.forEach((name, value) -> command.add("-D" + name + "=" + value));
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), Gatling.class.getName(), "--simulation",
				this.simulation.getName(), "--results-folder", this.resultsFolder.toString(), "--run-description",
				this.description, "--launcher", "marketplace-bench"));
		return command;
	}

	/**
	 * A run in progress.
	 *
	 * @param process its JVM
	 * @param log Gatling's console output
	 * @param resultsFolder where its report goes
	 */
	public record Running(Process process, Path log, Path resultsFolder) {

		/**
		 * Waits for the run to end; fails with the end of its log when it did not end
		 * well.
		 * @param timeout how long it may take
		 * @return the folder of its HTML report
		 */
		public Path await(Duration timeout) {
			try {
				if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
					this.process.destroyForcibly();
					throw failure("did not end within " + timeout.toSeconds() + " s");
				}
			}
			catch (InterruptedException ex) {
				this.process.destroyForcibly();
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted", ex);
			}
			if (this.process.exitValue() != 0) {
				throw failure("ended with exit code " + this.process.exitValue());
			}
			return report();
		}

		private Path report() {
			try (Stream<Path> folders = Files.list(this.resultsFolder)) {
				return folders.filter((folder) -> Files.isRegularFile(folder.resolve("index.html")))
					.findFirst()
					.orElseThrow(() -> failure("left no report in " + this.resultsFolder));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private IllegalStateException failure(String what) {
			List<String> lines;
			try {
				lines = Files.readAllLines(this.log, StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				lines = List.of();
			}
			return new IllegalStateException("Gatling " + what + "; the end of " + this.log + ":\n"
					+ String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
		}

	}

}
