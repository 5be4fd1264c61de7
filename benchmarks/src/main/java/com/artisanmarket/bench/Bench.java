package com.artisanmarket.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.artisanmarket.bench.live.LiveStep;
import com.artisanmarket.bench.load.BrowseSimulation;
import com.artisanmarket.bench.load.GatlingRun;
import com.artisanmarket.bench.load.LoadSettings;
import com.artisanmarket.bench.load.RequestTimes;
import com.artisanmarket.bench.load.SearchSimulation;
import com.artisanmarket.bench.overhead.GatewayOverhead;
import com.artisanmarket.bench.report.Percentiles;
import com.artisanmarket.bench.report.ReadResult;
import com.artisanmarket.bench.report.StepResult;
import com.artisanmarket.bench.report.Summary;
import com.artisanmarket.bench.report.SummaryWriter;
import com.artisanmarket.bench.resources.Backlog;
import com.artisanmarket.bench.resources.Catalogue;
import com.artisanmarket.bench.resources.MemorySampler;
import com.artisanmarket.bench.resources.Parts;
import com.artisanmarket.bench.setup.BenchData;
import com.artisanmarket.bench.setup.BenchSetup;
import com.artisanmarket.launcher.StackConfig;
import com.sun.management.OperatingSystemMXBean;

/**
 * {@code ./marketplace bench}: measures the running marketplace. It prepares its data
 * through the public API, runs the browse and search simulations, an unreported checkout
 * warm-up, then one checkout run per order rate while reading the parts' CPU time and
 * memory from {@code /proc}, measures the gateway's overhead with wrk against nginx,
 * holds open live event streams while following orders on one of them, and writes
 * everything with Gatling's reports into a results folder.
 * <p>
 * The marketplace and the load generator share this machine, so the figures are those of
 * one machine doing both; the summary says so.
 */
public final class Bench {

	private static final DateTimeFormatter FOLDER = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
		.withZone(ZoneOffset.UTC);

	private final BenchOptions options;

	private final StackConfig config;

	private final PrintStream out;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	Bench(BenchOptions options, StackConfig config, PrintStream out) {
		this.options = options;
		this.config = config;
		this.out = out;
	}

	public static void main(String[] args) {
		System.setProperty("java.awt.headless", "true");
		BenchOptions options;
		try {
			options = BenchOptions.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println("bench: " + ex.getMessage() + "\n" + BenchOptions.USAGE);
			System.exit(2);
			return;
		}
		if (options.help()) {
			System.out.println(BenchOptions.USAGE);
			return;
		}
		Path root = Path.of(System.getProperty("marketplace.root", ".")).toAbsolutePath();
		StackConfig config = StackConfig.fromEnvironment(root, System.getenv());
		try {
			System.exit(new Bench(options, config, System.out).run());
		}
		catch (RuntimeException | InterruptedException ex) {
			System.err.println("bench: " + ex.getMessage());
			System.exit(1);
		}
	}

	int run() throws InterruptedException {
		String gateway = local(this.config.ports().gateway());
		if (!ready(gateway)) {
			this.out.println("The marketplace does not answer at " + gateway
					+ ": start it with ./marketplace up (with the same MARKETPLACE_* settings) and try again.");
			return 2;
		}
		Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Path results = results(started);
		Parts parts = Parts.running(this.config);
		this.out.printf("Benchmarking %s; parts found: %s; results in %s%n", gateway, parts.names(), results);
		Path dataFile = privateTempFile();
		try (MemorySampler memory = new MemorySampler(parts)) {
			BenchSetup setup = new BenchSetup(this.http, gateway, this.config.dataDir(), this.out);
			BenchData data = setup.prepare(this.options.buyers());
			if (this.options.runs("checkout")) {
				setup.warmUpOrdering(data);
			}
			data.write(dataFile);
			Map<String, String> settings = settings(gateway, dataFile);
			Catalogue catalogue = (this.options.runs("browse") || this.options.runs("search"))
					? Catalogue.measure(this.http, gateway, this.config.dataDir()) : null;
			List<ReadResult> reads = reads(settings, results);
			// Before the checkout steps: the pool's buyers hold (almost) no orders yet,
			// far
			// below the caps on what one buyer may hold unshipped.
			LiveStep.Result live = null;
			if (this.options.runs("live")) {
				this.out.printf("Live updates: %,d open streams, %d orders followed on their buyers' streams%n",
						this.options.streams(), this.options.liveOrders());
				List<String> listeners = setup.listenerTokens(
						(this.options.streams() + LiveStep.STREAMS_PER_ACCOUNT - 1) / LiveStep.STREAMS_PER_ACCOUNT);
				live = new LiveStep(gateway, parts, this.out).run(this.options.streams(), listeners,
						setup.refreshTokens(data).buyers().stream().map(BenchData.Buyer::token).toList(),
						// not the first product, which the checkout warm-up's buyer
						// orders
						data.productIds().subList(1, data.productIds().size()), this.options.liveOrders());
			}
			List<StepResult> steps = new ArrayList<>();
			if (this.options.runs("checkout")) {
				OrderLookup orders = new OrderLookup(this.http, local(this.config.ports().orderService()),
						setup::adminToken);
				CheckoutStep step = new CheckoutStep(parts, backlog(), orders, results, this.out);
				if (this.options.warmupSeconds() > 0) {
					this.out.printf("Warm-up: checkout at 10 orders/s for %d s (not reported)%n",
							this.options.warmupSeconds());
					setup.refreshTokens(data).write(dataFile);
					step.run("checkout-warmup", 10, this.options.warmupSeconds(), settings);
				}
				this.out.println("Checkout steps:");
				for (int rate : this.options.rates()) {
					setup.refreshTokens(data).write(dataFile);
					steps
						.add(step.run("checkout-%03d".formatted(rate), rate, this.options.durationSeconds(), settings));
				}
			}
			GatewayOverhead.Result overhead = null;
			if (this.options.overheadSeconds() > 0) {
				this.out.println("Gateway overhead (GET /api/products/{id}):");
				overhead = new GatewayOverhead(this.http, results.resolve("overhead"), this.out).measure(
						local(this.config.ports().catalogService()), gateway, data.productIds().getFirst(),
						Duration.ofSeconds(this.options.overheadSeconds()),
						Duration.ofSeconds(this.options.overheadWarmupSeconds()), this.options.overheadRounds(),
						this.options.overheadConnections());
				if (overhead.skipped() != null) {
					this.out.println("  " + overhead.skipped());
				}
			}
			Summary summary = new Summary(run(started, gateway), reads, catalogue, steps,
					Summary.highestSustained(steps), overhead, parts.peakResidentKib(), memory.maxResidentKibTotal(),
					live);
			this.out.println();
			this.out.print(SummaryWriter.write(summary, results));
			this.out.println();
			this.out.println("Results: " + results);
			return 0;
		}
		finally {
			deleteQuietly(dataFile);
		}
	}

	private List<ReadResult> reads(Map<String, String> settings, Path results) {
		List<ReadResult> reads = new ArrayList<>();
		if (this.options.runs("browse")) {
			reads.addAll(read("browse", BrowseSimulation.class, this.options.browseRate(), settings, results));
		}
		if (this.options.runs("search")) {
			reads.addAll(read("search", SearchSimulation.class, this.options.searchRate(), settings, results));
		}
		return reads;
	}

	private List<ReadResult> read(String name, Class<?> simulation, double rate, Map<String, String> settings,
			Path results) {
		this.out.printf("%s: %s visitors/s for %d s after %d s of warm-up%n", name, rate,
				this.options.durationSeconds(), this.options.warmupSeconds());
		Path folder = results.resolve("gatling").resolve(name);
		Path timesFile = folder.resolve("request-times.json");
		Map<String, String> all = new LinkedHashMap<>(settings);
		all.put(LoadSettings.RATE, Double.toString(rate));
		all.put(LoadSettings.DURATION_SECONDS, Integer.toString(this.options.durationSeconds()));
		all.put(LoadSettings.WARMUP_SECONDS, Integer.toString(this.options.warmupSeconds()));
		all.put(LoadSettings.REQUEST_TIMES, timesFile.toString());
		Path report = new GatlingRun(simulation, name + " at " + rate + " visitors/s", all, folder).start()
			.await(Duration.ofSeconds(this.options.durationSeconds() + this.options.warmupSeconds()).plusMinutes(3));
		List<ReadResult> reads = new ArrayList<>();
		RequestTimes.read(timesFile).requests().forEach((request, times) -> {
			ReadResult read = new ReadResult(name, request, rate, times.okMillis().size(), times.failed(),
					Percentiles.of(times.okMillis()), results.relativize(report).toString());
			this.out.printf("  %-60s %,6d ok %,4d failed  p50/p95/p99 %s ms%n", request, read.ok(), read.failed(),
					read.millis().text());
			reads.add(read);
		});
		return reads;
	}

	private Map<String, String> settings(String gateway, Path dataFile) {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put(LoadSettings.BASE_URL, gateway);
		settings.put(LoadSettings.DATA, dataFile.toString());
		settings.put(LoadSettings.SETTLE_SECONDS, Integer.toString(this.options.settleSeconds()));
		settings.put(LoadSettings.POLL_MILLIS, Long.toString(this.options.pollMillis()));
		return settings;
	}

	/**
	 * The services with an outbox or event consumers (the gateway has neither), read on
	 * their management ports.
	 */
	private Backlog backlog() {
		StackConfig.Ports ports = this.config.ports();
		return new Backlog(this.http, List.of(local(ports.artisanServiceManagement()),
				local(ports.catalogServiceManagement()), local(ports.orderServiceManagement())));
	}

	private Summary.Run run(Instant started, String gateway) {
		long memoryMib = (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os)
				? os.getTotalMemorySize() / (1024 * 1024) : 0;
		return new Summary.Run(started.toString(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), gateway,
				this.options.runs("checkout") ? this.options.rates() : List.of(), this.options.durationSeconds(),
				this.options.browseRate(), this.options.searchRate(), this.options.buyers(),
				this.options.settleSeconds(), this.options.pollMillis(), this.options.warmupSeconds(),
				Runtime.getRuntime().availableProcessors(), memoryMib, Runtime.version().toString());
	}

	private Path results(Instant started) {
		Path results = (this.options.results() != null) ? this.options.results()
				: this.config.root().resolve("bench-results").resolve(FOLDER.format(started));
		try {
			return Files.createDirectories(results.toAbsolutePath());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private boolean ready(String gateway) throws InterruptedException {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/readyz"))
				.timeout(Duration.ofSeconds(5))
				.build();
			return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** The buyers' tokens live here while the run lasts, readable only by this user. */
	private static Path privateTempFile() {
		try {
			return Files.createTempFile("marketplace-bench-", ".json",
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// a temporary file; the system cleans its temporary directory
		}
	}

	private static String local(int port) {
		return "http://127.0.0.1:" + port;
	}

}
