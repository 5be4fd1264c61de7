package com.artisanmarket.bench.overhead;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Debian's {@code wrk}: a fixed number of keep-alive connections as fast as they go. */
final class Wrk {

	private static final Pattern REQUESTS_PER_SECOND = Pattern.compile("Requests/sec:\\s+([0-9.]+)");

	private static final Pattern MEAN_LATENCY = Pattern.compile("Latency\\s+([0-9.]+)(us|ms|s)\\b");

	private static final Pattern NOT_OK = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");

	private static final Pattern SOCKET_ERRORS = Pattern
		.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

	private final String executable;

	private final int threads;

	private final int connections;

	Wrk(String executable, int threads, int connections) {
		this.executable = executable;
		this.threads = threads;
		this.connections = connections;
	}

	/**
	 * Loads one URL for a while.
	 * @param url what to ask for
	 * @param duration how long
	 * @param output where wrk's own report goes
	 * @return what wrk measured
	 */
	Throughput run(String url, Duration duration, Path output) {
		List<String> command = List.of(this.executable, "-t" + this.threads, "-c" + this.connections,
				"-d" + duration.toSeconds() + "s", url);
		try {
			Process wrk = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
			if (wrk.waitFor() != 0) {
				throw new IllegalStateException(String.join(" ", command) + " failed: " + Files.readString(output));
			}
			return parse(Files.readString(output, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static Throughput parse(String report) {
		Matcher rate = REQUESTS_PER_SECOND.matcher(report);
		Matcher latency = MEAN_LATENCY.matcher(report);
		if (!rate.find() || !latency.find()) {
			throw new IllegalStateException("wrk reported no rate: " + report);
		}
		double mean = Double.parseDouble(latency.group(1));
		double meanMillis = switch (latency.group(2)) {
			case "us" -> mean / 1000;
			case "s" -> mean * 1000;
			default -> mean;
		};
		Matcher notOk = NOT_OK.matcher(report);
		long errors = notOk.find() ? Long.parseLong(notOk.group(1)) : 0;
		Matcher socket = SOCKET_ERRORS.matcher(report);
		if (socket.find()) {
			for (int group = 1; group <= 4; group++) {
				errors += Long.parseLong(socket.group(group));
			}
		}
		return new Throughput(Double.parseDouble(rate.group(1)), meanMillis, errors);
	}

	/**
	 * @param requestsPerSecond completed requests per second
	 * @param meanLatencyMillis their mean time
	 * @param errors answers other than 2xx/3xx plus socket errors
	 */
	record Throughput(double requestsPerSecond, double meanLatencyMillis, long errors) {

	}

}
