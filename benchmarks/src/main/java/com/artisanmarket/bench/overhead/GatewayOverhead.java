package com.artisanmarket.bench.overhead;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import com.artisanmarket.launcher.FreePorts;

/**
 * What the gateway costs on the cheapest call there is: {@code GET /api/products/{id}}
 * straight to catalog-service, through the gateway, and through nginx proxying to the
 * same catalog-service with keep-alive upstream connections, each loaded by {@code wrk}
 * with the same threads and connections. Each path is warmed first; then the three are
 * measured in turn, round after round, because on a shared machine one window can be much
 * slower than the next, and a ratio is only fair between windows close in time. nginx is
 * the baseline of "a proxy hop"; the gateway adds routing, its circuit breaker and time
 * limiter, security headers, request ids, tracing and an access log line per call.
 * <p>
 * nginx runs from a configuration written into the results folder, on loopback and a free
 * port, and is stopped again afterwards. Without {@code wrk} or {@code nginx} this part
 * is skipped and says so ({@code ./marketplace bench} installs both with apt-get first).
 */
public final class GatewayOverhead {

	/** The path straight to catalog-service. */
	public static final String DIRECT = "direct to catalog-service";

	/** The path through the gateway. */
	public static final String GATEWAY = "through the gateway";

	/** The path through nginx. */
	public static final String NGINX = "through nginx";

	/** The longest run of wrk in a warm-up, each reported. */
	public static final Duration WARMUP_SLICE = Duration.ofSeconds(10);

	private final HttpClient http;

	private final Path folder;

	private final PrintStream out;

	public GatewayOverhead(HttpClient http, Path folder, PrintStream out) {
		this.http = http;
		this.folder = folder;
		this.out = out;
	}

	/**
	 * Warms the three paths one after the other, then measures them in turn, round after
	 * round, so that each round compares the paths under the same state of the machine;
	 * each path's rate is the median of its rounds.
	 * @param catalogService catalog-service's base URL
	 * @param gateway the gateway's base URL
	 * @param productId the product to ask for
	 * @param duration how long each path is measured in each round
	 * @param warmup how long each path is loaded before it is measured, in slices of at
	 * most {@link #WARMUP_SLICE} whose rates are reported: a JVM started moments ago is
	 * still compiling its request path, and the gateway's is long enough that it passes
	 * more requests each minute for several minutes
	 * @param rounds how many times each path is measured
	 * @param connections wrk's connections, on two threads
	 * @return the rates, or why there are none
	 */
	public Result measure(String catalogService, String gateway, String productId, Duration duration, Duration warmup,
			int rounds, int connections) {
		Optional<String> wrk = executable("wrk");
		Optional<String> nginx = executable("nginx");
		if (wrk.isEmpty() || nginx.isEmpty()) {
			String missing = (wrk.isEmpty() ? "wrk " : "") + (nginx.isEmpty() ? "nginx" : "");
			return Result.skipped("not measured: " + missing.trim() + " not installed (apt-get install wrk nginx)");
		}
		try {
			Files.createDirectories(this.folder);
			int port = FreePorts.next();
			Process proxy = startNginx(nginx.get(), catalogService, port);
			try {
				String path = "/api/products/" + productId;
				awaitOk("http://127.0.0.1:" + port + path);
				Wrk load = new Wrk(wrk.get(), 2, connections);
				List<Loaded> paths = List.of(new Loaded(DIRECT, catalogService + path),
						new Loaded(GATEWAY, gateway + path), new Loaded(NGINX, "http://127.0.0.1:" + port + path));
				for (Loaded each : paths) {
					warm(load, each, warmup);
				}
				for (int round = 1; round <= rounds; round++) {
					for (Loaded each : paths) {
						each.measured.add(load.run(each.url, duration,
								this.folder.resolve("wrk-" + each.file() + "-round-" + round + ".txt")));
					}
					this.out.printf("  round %d: %s%n", round,
							String.join(" · ",
									paths.stream()
										.map((each) -> String.format(Locale.ROOT, "%s %,.0f req/s", each.name,
												each.measured.getLast().requestsPerSecond()))
										.toList()));
				}
				List<Target> targets = paths.stream().map(Loaded::target).toList();
				targets.forEach((target) -> this.out.printf("  %-26s %,9.0f req/s  mean %6.2f ms  errors %d%n",
						target.name(), target.requestsPerSecond(), target.meanLatencyMillis(), target.errors()));
				return new Result(targets, "wrk -t2 -c" + connections + " -d" + duration.toSeconds() + "s",
						warmup.toSeconds(), null);
			}
			finally {
				proxy.destroy();
				if (!proxy.waitFor(10, TimeUnit.SECONDS)) {
					proxy.destroyForcibly();
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void warm(Wrk load, Loaded path, Duration warmup) {
		for (Duration left = warmup; left.isPositive(); left = left.minus(WARMUP_SLICE)) {
			Duration slice = (left.compareTo(WARMUP_SLICE) < 0) ? left : WARMUP_SLICE;
			path.warming.add(load
				.run(path.url, slice,
						this.folder.resolve("wrk-warmup-" + path.file() + "-" + path.warming.size() + ".txt"))
				.requestsPerSecond());
		}
		this.out.printf("  warmed %-26s %s req/s%n", path.name, rates(path.warming));
	}

	/** Rates as "1,020 → 1,480 → 1,730", or "none". */
	public static String rates(List<Double> rates) {
		return rates.isEmpty() ? "none"
				: String.join(" → ", rates.stream().map((rate) -> String.format(Locale.ROOT, "%,.0f", rate)).toList());
	}

	private Process startNginx(String nginx, String catalogService, int port) throws IOException {
		Path temp = this.folder.resolve("nginx-temp");
		Files.createDirectories(temp);
		Path config = this.folder.resolve("nginx.conf");
		Files.writeString(config, """
				# Written by ./marketplace bench: nginx in front of catalog-service, as a baseline
				# for the gateway's cost. Loopback only; stopped when the measurement ends.
				daemon off;
				worker_processes auto;
				pid %1$s/nginx.pid;
				error_log %1$s/nginx-error.log warn;
				events {
				    worker_connections 1024;
				}
				http {
				    access_log off;
				    client_body_temp_path %2$s/client;
				    proxy_temp_path %2$s/proxy;
				    fastcgi_temp_path %2$s/fastcgi;
				    uwsgi_temp_path %2$s/uwsgi;
				    scgi_temp_path %2$s/scgi;
				    upstream catalog {
				        server %3$s;
				        keepalive 64;
				    }
				    server {
				        listen 127.0.0.1:%4$d;
				        location / {
				            proxy_pass http://catalog;
				            proxy_http_version 1.1;
				            proxy_set_header Connection "";
				        }
				    }
				}
				""".formatted(this.folder, temp, URI.create(catalogService).getAuthority(), port));
		return new ProcessBuilder(nginx, "-p", this.folder.toString(), "-c", config.toString(), "-e",
				this.folder.resolve("nginx-error.log").toString())
			.redirectErrorStream(true)
			.redirectOutput(this.folder.resolve("nginx.out").toFile())
			.start();
	}

	private void awaitOk(String url) throws InterruptedException {
		Instant deadline = Instant.now().plusSeconds(10);
		while (Instant.now().isBefore(deadline)) {
			try {
				HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build();
				if (this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(200);
		}
		throw new IllegalStateException("nginx did not answer " + url + " within 10 s; see " + this.folder);
	}

	private static Optional<String> executable(String name) {
		List<String> directories = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
		directories.addAll(List.of("/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin"));
		return directories.stream()
			.filter((directory) -> !directory.isBlank())
			.map((directory) -> Path.of(directory, name))
			.filter(Files::isExecutable)
			.map(Path::toString)
			.findFirst();
	}

	/**
	 * The three paths' rates.
	 *
	 * @param targets direct, gateway, nginx (empty when skipped)
	 * @param load how each round loaded each of them
	 * @param warmupSeconds how long each was loaded before it was measured
	 * @param skipped why nothing was measured, or null
	 */
	public record Result(List<Target> targets, String load, long warmupSeconds, String skipped) {

		static Result skipped(String why) {
			return new Result(List.of(), null, 0, why);
		}

		/**
		 * Requests per second through the gateway divided by those of another path, each
		 * the median of its rounds.
		 */
		public Double gatewayOver(String other) {
			Optional<Target> gateway = target(GATEWAY);
			Optional<Target> baseline = target(other);
			return (gateway.isPresent() && baseline.isPresent())
					? gateway.get().requestsPerSecond() / baseline.get().requestsPerSecond() : null;
		}

		/** The same ratio in each round, in order: how much the rounds agreed. */
		public List<Double> gatewayOverByRound(String other) {
			Optional<Target> gateway = target(GATEWAY);
			Optional<Target> baseline = target(other);
			if (gateway.isEmpty() || baseline.isEmpty()) {
				return List.of();
			}
			List<Double> through = gateway.get().roundRequestsPerSecond();
			List<Double> around = baseline.get().roundRequestsPerSecond();
			return IntStream.range(0, Math.min(through.size(), around.size()))
				.mapToObj((round) -> through.get(round) / around.get(round))
				.toList();
		}

		private Optional<Target> target(String name) {
			return this.targets.stream().filter((target) -> target.name().equals(name)).findFirst();
		}

	}

	/**
	 * One path's rate.
	 *
	 * @param name which path
	 * @param url the URL loaded
	 * @param requestsPerSecond completed requests per second, the median of its rounds
	 * @param meanLatencyMillis mean time per request, the median of its rounds
	 * @param errors non-2xx answers and socket errors, in all rounds
	 * @param roundRequestsPerSecond the rate of each round, in order
	 * @param warmupRequestsPerSecond the rate of each slice of its warm-up, in order
	 */
	public record Target(String name, String url, double requestsPerSecond, double meanLatencyMillis, long errors,
			List<Double> roundRequestsPerSecond, List<Double> warmupRequestsPerSecond) {

	}

	/** A path while it is warmed and measured. */
	static final class Loaded {

		private final String name;

		private final String url;

		private final List<Double> warming = new ArrayList<>();

		final List<Wrk.Throughput> measured = new ArrayList<>();

		Loaded(String name, String url) {
			this.name = name;
			this.url = url;
		}

		String file() {
			return this.name.replaceAll("[^a-z]+", "-");
		}

		Target target() {
			List<Double> rates = this.measured.stream().map(Wrk.Throughput::requestsPerSecond).toList();
			return new Target(this.name, this.url, median(rates),
					median(this.measured.stream().map(Wrk.Throughput::meanLatencyMillis).toList()),
					this.measured.stream().mapToLong(Wrk.Throughput::errors).sum(), rates, List.copyOf(this.warming));
		}

		private static double median(List<Double> values) {
			List<Double> sorted = values.stream().sorted().toList();
			int middle = sorted.size() / 2;
			return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
		}

	}

}
