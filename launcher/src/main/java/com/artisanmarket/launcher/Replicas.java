package com.artisanmarket.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How many instances of each service and of the gateway
 * {@code ./marketplace up --replicas} starts: one number for all four ({@code 2}) or a
 * number per part ({@code catalog-service=3,gateway=2}, the others once). Instance
 * {@code n} of a part listens on its base port plus {@value #PORT_STEP} × (n − 1), and so
 * does its management port, so that a single instance keeps the ports of
 * docs/architecture.md. Kept in the data directory, so that {@code status} and
 * {@code down} know every instance {@code up} started.
 *
 * @param counts instances per service; a service not named runs once
 */
public record Replicas(Map<String, Integer> counts) {

	/** Parts that can run as several instances. */
	static final List<String> SERVICES = List.of(Stack.ARTISAN_SERVICE, Stack.CATALOG_SERVICE, Stack.ORDER_SERVICE,
			Stack.GATEWAY);

	/**
	 * At most this many instances of a part. A service's consumers share one group, and
	 * the topics have 6 partitions: a seventh instance would serve requests but consume
	 * nothing until another leaves.
	 */
	static final int MAX = 6;

	public static final int PORT_STEP = 100;

	/**
	 * @param base the part's port (or management port)
	 * @param instance the instance's index, 0 for the first
	 * @return the instance's port
	 */
	static int port(int base, int instance) {
		return base + PORT_STEP * instance;
	}

	public static final Replicas ONE_EACH = new Replicas(Map.of());

	public Replicas {
		counts = Map.copyOf(new TreeMap<>(counts));
	}

	/**
	 * @param option {@code N} or {@code service=N,...}
	 * @return the replicas it asks for
	 * @throws IllegalArgumentException when it names no service or asks for a count out
	 * of 1..{@value #MAX}
	 */
	public static Replicas parse(String option) {
		Map<String, Integer> counts = new TreeMap<>();
		if (!option.contains("=")) {
			int count = count(option, option);
			SERVICES.forEach((service) -> counts.put(service, count));
			return new Replicas(counts);
		}
		for (String entry : option.split(",")) {
			String[] pair = entry.split("=", 2);
			String service = pair[0].trim();
			if (!SERVICES.contains(service) || pair.length < 2) {
				throw new IllegalArgumentException(
						"--replicas " + option + ": name one of " + SERVICES + " with a count, e.g. catalog-service=2");
			}
			counts.put(service, count(pair[1], option));
		}
		return new Replicas(counts);
	}

	private static int count(String value, String option) {
		try {
			int count = Integer.parseInt(value.trim());
			if (count >= 1 && count <= MAX) {
				return count;
			}
		}
		catch (NumberFormatException ex) {
			// Reported below.
		}
		throw new IllegalArgumentException("--replicas " + option + ": a count is 1 to " + MAX);
	}

	/** Per service, the larger count of these and {@code other}. */
	public Replicas atLeast(Replicas other) {
		Map<String, Integer> counts = new TreeMap<>(this.counts);
		other.counts.forEach((service, count) -> counts.merge(service, count, Math::max));
		return new Replicas(counts);
	}

	/** How many instances of {@code service} run. */
	public int of(String service) {
		return this.counts.getOrDefault(service, 1);
	}

	/** The replicas {@code up} last started in this data directory, or one of each. */
	public static Replicas read(StackConfig config) {
		Path file = file(config);
		if (!Files.exists(file)) {
			return ONE_EACH;
		}
		try {
			String text = Files.readString(file).trim();
			return text.isEmpty() ? ONE_EACH : parse(text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public void write(StackConfig config) {
		try {
			Files.createDirectories(config.runDir());
			Files.writeString(file(config),
					this.counts.entrySet()
						.stream()
						.map((entry) -> entry.getKey() + "=" + entry.getValue())
						.collect(Collectors.joining(",")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Forgets the replicas once nothing runs: the next {@code up} starts one of each. */
	public static void forget(StackConfig config) {
		try {
			Files.deleteIfExists(file(config));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path file(StackConfig config) {
		return config.runDir().resolve("replicas");
	}

}
