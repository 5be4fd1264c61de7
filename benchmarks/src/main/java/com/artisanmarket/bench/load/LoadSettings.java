package com.artisanmarket.bench.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * A simulation's settings, from {@code -Dbench.*} system properties (how
 * {@link GatlingRun} passes them) or {@code BENCH_*} environment variables (handy when
 * starting Gatling by hand): {@code bench.base-url} or {@code BENCH_BASE_URL}, and so on.
 *
 * @param baseUrl the gateway, or whatever stands in for it
 * @param rate users arriving per second (orders per second for checkout)
 * @param duration how long users keep arriving, after the warm-up
 * @param warmup how long users arrive at the same rate before that, their requests not
 * recorded (the load generator's JIT and connections, and the marketplace's, warm up)
 * @param data the setup's {@link com.artisanmarket.bench.setup.BenchData} file
 * @param requestTimes where the run writes its {@link RequestTimes}
 * @param outcome where checkout writes what became of each order
 * @param settle how long a buyer follows an order before counting it still pending
 * @param poll how often a buyer looks at a pending order
 */
public record LoadSettings(String baseUrl, double rate, Duration duration, Duration warmup, Path data,
		Path requestTimes, Path outcome, Duration settle, Duration poll) {

	public static final String BASE_URL = "bench.base-url";

	public static final String RATE = "bench.rate";

	public static final String DURATION_SECONDS = "bench.duration-seconds";

	public static final String WARMUP_SECONDS = "bench.warmup-seconds";

	public static final String DATA = "bench.data";

	public static final String REQUEST_TIMES = "bench.request-times";

	public static final String OUTCOME = "bench.outcome";

	public static final String SETTLE_SECONDS = "bench.settle-seconds";

	public static final String POLL_MILLIS = "bench.poll-millis";

	static LoadSettings current() {
		return new LoadSettings(setting(BASE_URL, "http://127.0.0.1:8080").replaceAll("/+$", ""),
				Double.parseDouble(setting(RATE, "1")),
				Duration.ofSeconds(Long.parseLong(setting(DURATION_SECONDS, "10"))),
				Duration.ofSeconds(Long.parseLong(setting(WARMUP_SECONDS, "0"))), Path.of(required(DATA)),
				Path.of(setting(REQUEST_TIMES, "request-times.json")), Path.of(setting(OUTCOME, "checkout.json")),
				Duration.ofSeconds(Long.parseLong(setting(SETTLE_SECONDS, "30"))),
				Duration.ofMillis(Long.parseLong(setting(POLL_MILLIS, "1000"))));
	}

	private static String required(String name) {
		String value = setting(name, "");
		if (value.isEmpty()) {
			throw new IllegalStateException("-D" + name + " (or " + environmentName(name)
					+ ") is not set: ./marketplace bench prepares the data and sets it");
		}
		return value;
	}

	private static String setting(String name, String fallback) {
		String value = System.getProperty(name);
		if (value == null || value.isBlank()) {
			value = System.getenv(environmentName(name));
		}
		return (value == null || value.isBlank()) ? fallback : value.trim();
	}

	private static String environmentName(String name) {
		return name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
	}

}
