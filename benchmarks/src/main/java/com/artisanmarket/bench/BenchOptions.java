package com.artisanmarket.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The options of {@code ./marketplace bench}. {@code --quick} and {@code --smoke} are
 * presets; options given with them override their values.
 *
 * @param rates order rates to step through, per second
 * @param durationSeconds how long each step (and each read run) lasts
 * @param browseRate browse visitors arriving per second
 * @param searchRate searchers arriving per second
 * @param buyers buyers in the signed-in pool
 * @param settleSeconds how long a buyer follows a pending order
 * @param pollMillis how often a buyer looks at a pending order
 * @param warmupSeconds an unreported checkout run before the steps, and unreported
 * arrivals at the read rate before each browse and search run (0: none)
 * @param overheadSeconds how long wrk loads each path for the gateway overhead (0: skip)
 * @param overheadWarmupSeconds how long wrk loads each path before it is measured
 * @param overheadRounds how many times each path is measured, the paths in turn
 * @param overheadConnections wrk's connections (32, as the measurements that started the
 * performance work used)
 * @param streams live event streams held open on the gateway
 * @param liveOrders orders followed on their buyer's stream meanwhile
 * @param simulations which of browse, search and checkout run
 * @param results the results folder, or null for {@code bench-results/<timestamp>}
 * @param help whether only the usage was asked for
 */
record BenchOptions(List<Integer> rates, int durationSeconds, double browseRate, double searchRate, int buyers,
		int settleSeconds, long pollMillis, int warmupSeconds, int overheadSeconds, int overheadWarmupSeconds,
		int overheadRounds, int overheadConnections, int streams, int liveOrders, Set<String> simulations, Path results,
		boolean help) {

	static final String USAGE = """
			usage: ./marketplace bench [options]      against the running marketplace (MARKETPLACE_* settings)
			  --rates 25,50,100,200   order rates to step through, orders/s (open model)
			  --duration 60           seconds per order step and per browse/search run
			  --quick                 a short run to try it: rates 10,20, 10 s steps, 3 s wrk runs, 200 streams
			  --smoke                 the test suite's run: 2 orders/s for 3 s, no warm-up, no wrk/nginx, 20 streams
			  --browse-rate 10        browse visitors per second
			  --search-rate 5         searchers per second
			  --buyers 40             signed-in buyers in the pool
			  --settle 30             seconds a buyer follows a pending order before counting it pending
			  --poll 1000             ms between a buyer's looks at a pending order
			  --warmup 10             seconds of unreported checkout at 10 orders/s before the steps,
			                          and of unreported visitors before each browse/search run (0: none)
			  --overhead-duration 10  seconds of wrk per path and round for the gateway overhead
			  --overhead-warmup 60    seconds of wrk per path before it is measured, reported in 10 s
			                          slices (a gateway started moments ago is still compiling its
			                          request path: it passes fewer requests each minute for several)
			  --overhead-rounds 3     rounds of the three paths in turn; each path's rate is the median
			  --overhead-connections 32  wrk connections
			  --no-overhead           skip the gateway overhead (wrk and nginx)
			  --streams 2000          live event streams held open on the gateway (ten per listener account)
			  --live-orders 50        orders followed on their buyer's live stream meanwhile
			  --simulations browse,search,checkout,live
			  --results DIR           results folder (default bench-results/<timestamp>)
			  --no-build              (for ./marketplace) do not build the benchmark first""";

	static final Set<String> SIMULATIONS = Set.of("browse", "search", "checkout", "live");

	static BenchOptions parse(String... args) {
		Builder options = new Builder();
		List<String> rest = new ArrayList<>();
		for (String arg : args) {
			switch (arg) {
				case "--quick" -> options.quick();
				case "--smoke" -> options.smoke();
				default -> rest.add(arg);
			}
		}
		for (int i = 0; i < rest.size(); i++) {
			String name = rest.get(i);
			switch (name) {
				case "--help", "-h" -> options.help = true;
				case "--no-overhead" -> options.overheadSeconds = 0;
				case "--no-build" -> {
					// ./marketplace's option; nothing to do here
				}
				default -> {
					if (!name.startsWith("--") || i + 1 >= rest.size()) {
						throw new IllegalArgumentException("unknown option or missing value: " + name);
					}
					options.set(name.substring(2), rest.get(++i));
				}
			}
		}
		return options.build();
	}

	boolean runs(String simulation) {
		return this.simulations.contains(simulation);
	}

	private static final class Builder {

		private List<Integer> rates = List.of(25, 50, 100, 200);

		private int durationSeconds = 60;

		private double browseRate = 10;

		private double searchRate = 5;

		private int buyers = 40;

		private int settleSeconds = 30;

		private long pollMillis = 1000;

		private int warmupSeconds = 10;

		private int overheadSeconds = 10;

		private int overheadWarmupSeconds = 60;

		private int overheadRounds = 3;

		private int overheadConnections = 32;

		private int streams = 2000;

		private int liveOrders = 50;

		private Set<String> simulations = SIMULATIONS;

		private Path results;

		private boolean help;

		void quick() {
			this.rates = List.of(10, 20);
			this.durationSeconds = 10;
			this.buyers = 10;
			this.warmupSeconds = 5;
			this.overheadSeconds = 3;
			this.overheadWarmupSeconds = 3;
			this.overheadRounds = 1;
			this.streams = 200;
			this.liveOrders = 10;
		}

		void smoke() {
			this.rates = List.of(2);
			this.durationSeconds = 3;
			this.browseRate = 2;
			this.searchRate = 2;
			this.buyers = 3;
			this.settleSeconds = 20;
			this.pollMillis = 500;
			this.warmupSeconds = 0;
			this.overheadSeconds = 0;
			this.streams = 20;
			this.liveOrders = 3;
		}

		void set(String name, String value) {
			try {
				switch (name) {
					case "rates" -> this.rates = Arrays.stream(value.split(",")).map(Builder::positive).toList();
					case "duration" -> this.durationSeconds = positive(value);
					case "browse-rate" -> this.browseRate = Double.parseDouble(value);
					case "search-rate" -> this.searchRate = Double.parseDouble(value);
					case "buyers" -> this.buyers = positive(value);
					case "settle" -> this.settleSeconds = positive(value);
					case "poll" -> this.pollMillis = positive(value);
					case "warmup" -> this.warmupSeconds = Integer.parseInt(value);
					case "overhead-duration" -> this.overheadSeconds = Integer.parseInt(value);
					case "overhead-warmup" -> this.overheadWarmupSeconds = Integer.parseInt(value);
					case "overhead-rounds" -> this.overheadRounds = positive(value);
					case "overhead-connections" -> this.overheadConnections = positive(value);
					case "streams" -> this.streams = positive(value);
					case "live-orders" -> this.liveOrders = positive(value);
					case "simulations" -> this.simulations = simulations(value);
					case "results" -> this.results = Path.of(value);
					default -> throw new IllegalArgumentException("unknown option --" + name);
				}
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("--" + name + " " + value + " is not a positive number");
			}
		}

		BenchOptions build() {
			return new BenchOptions(this.rates, this.durationSeconds, this.browseRate, this.searchRate, this.buyers,
					this.settleSeconds, this.pollMillis, this.warmupSeconds, this.overheadSeconds,
					this.overheadWarmupSeconds, this.overheadRounds, this.overheadConnections, this.streams,
					this.liveOrders, this.simulations, this.results, this.help);
		}

		private static Set<String> simulations(String value) {
			Set<String> chosen = Set.copyOf(Arrays.stream(value.split(",")).map(String::trim).toList());
			if (!SIMULATIONS.containsAll(chosen)) {
				throw new IllegalArgumentException(
						"--simulations takes browse, search, checkout and live, not " + value);
			}
			return chosen;
		}

		private static int positive(String value) {
			int number = Integer.parseInt(value.trim());
			if (number <= 0) {
				throw new NumberFormatException();
			}
			return number;
		}

	}

}
