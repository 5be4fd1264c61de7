package com.artisanmarket.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.artisanmarket.bench.live.LiveStep;
import com.artisanmarket.bench.overhead.GatewayOverhead;
import com.artisanmarket.bench.resources.Catalogue;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a {@link Summary} into the results folder as {@code summary.md} (the tables
 * printed at the end of the run), {@code summary.json} and {@code latency-vs-rate.png}.
 */
public final class SummaryWriter {

	public static final String MARKDOWN = "summary.md";

	public static final String JSON = "summary.json";

	public static final String CHART = "latency-vs-rate.png";

	private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private SummaryWriter() {
	}

	/**
	 * Writes the three files.
	 * @param summary what the run found
	 * @param folder the results folder
	 * @return the Markdown text
	 */
	public static String write(Summary summary, Path folder) {
		String markdown = markdown(summary);
		try {
			Files.writeString(folder.resolve(MARKDOWN), markdown);
			Files.writeString(folder.resolve(JSON), MAPPER.writeValueAsString(summary));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (!summary.steps().isEmpty()) {
			LatencyChart.write(summary.steps(), folder.resolve(CHART));
		}
		return markdown;
	}

	static String markdown(Summary summary) {
		Summary.Run run = summary.run();
		List<String> out = new ArrayList<>();
		out.add("# Marketplace benchmark, " + run.startedAt());
		out.add("");
		out.add("Marketplace at " + run.gateway() + " as `./marketplace up` runs it (embedded MongoDB wire server"
				+ " with its H2 file, embedded Kafka). The load generator (Gatling) runs on the same machine: "
				+ run.cores() + " cores, " + String.format(Locale.ROOT, "%,d", run.memoryMib()) + " MiB, Java "
				+ run.java() + ". Whatever else ran on the machine shared its CPU.");
		if (!summary.steps().isEmpty()) {
			orders(summary, out);
			cpu(summary, out);
		}
		memory(summary, out);
		reads(summary, out);
		overhead(summary.gatewayOverhead(), out);
		live(summary.live(), out);
		out.add("");
		out.add("Gatling's HTML reports: `gatling/*/*/index.html`; `" + JSON + "` holds every figure, `" + CHART
				+ "` the chart.");
		return String.join("\n", out) + "\n";
	}

	private static void orders(Summary summary, List<String> out) {
		Summary.Run run = summary.run();
		out.add("");
		out.add("## Orders");
		out.add("");
		out.add("Checkout: buyers arrive at a fixed rate (open model) for " + run.durationSeconds()
				+ " s per step, each places a one-line order with a fresh Idempotency-Key and polls it every "
				+ run.pollMillis() + " ms until it is final (at most " + run.settleSeconds() + " s). Times in ms,"
				+ " p50 / p95 / p99.");
		out.add("");
		out.add("| offered/s | sent/s | accepted/s | placed | failed | POST /api/orders | placed→CONFIRMED (server)"
				+ " | CONFIRMED | REJECTED | still PENDING | polls failed | all final | backlog 0 after | sustained |");
		out.add("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|---:|:---:|");
		for (StepResult step : summary.steps()) {
			String failed = (step.failedPlacementCount() == 0) ? "0"
					: step.failedPlacementCount() + " " + step.failedPlacements();
			out.add(row(
					Integer.toString(step.offeredRate()), number(step.sentRate(), 1), number(step.achievedRate(), 1),
					Integer.toString(step.placed()), failed, step.post().text(), step.placedToConfirmed().text(),
					Integer.toString(step.count("CONFIRMED")), Integer.toString(step.count("REJECTED")),
					Integer.toString(step.count("PENDING")), Integer.toString(step.failedPolls()),
					yes(step.everyOrderFinal()), (step.backlogZeroAfterSeconds() != null)
							? number(step.backlogZeroAfterSeconds(), 1) + " s" : "not within the watch",
					yes(step.sustained())));
		}
		out.add("");
		out.add("\"sent\" is placements the load generator sent per second, \"accepted\" those answered 202; \"failed\""
				+ " lists the other answers by status. Orders that buyers stopped following while PENDING (polls"
				+ " failed, or " + run.settleSeconds() + " s passed) were looked up again at order-service after the"
				+ " step; \"still PENDING\" counts those that were still pending then.");
		if (summary.steps().stream().anyMatch((step) -> step.failedPlacements().containsKey(422))) {
			out.add("");
			out.add("422 answers are most likely the caps on what one buyer may hold in unshipped orders, which"
					+ " the bench's few buyers reach in a full run: start the marketplace with"
					+ " MARKETPLACE_ORDERS_MAX_OPEN_ORDERS_PER_BUYER and MARKETPLACE_ORDERS_MAX_OPEN_UNITS_PER_PRODUCT"
					+ " raised (README, \"Against stock hoarding\").");
		}
		out.add("");
		Integer best = summary.highestSustainedRate();
		out.add("Highest rate sustained: **" + ((best != null) ? best + " orders/s" : "none of the rates")
				+ "** (every request answered well, every order final, outbox backlog + consumer lag summed over"
				+ " the services back to 0 within 10 s of the last order, at least 90 % of the offered rate sent).");
	}

	private static void cpu(Summary summary, List<String> out) {
		Set<String> parts = new LinkedHashSet<>();
		summary.steps().forEach((step) -> parts.addAll(step.cpuSecondsPerOrder().keySet()));
		out.add("");
		out.add("## CPU seconds per order");
		out.add("");
		out.add("User + system time of each part (`/proc/<pid>/stat`) over the step, divided by the orders placed;"
				+ " the load generator's is Gatling's JVM over the same step. The last column is how many of the "
				+ summary.run().cores() + " cores everything else on the machine kept busy on average during the"
				+ " step (from `/proc/stat`): other work that competed with the marketplace.");
		out.add("");
		out.add("| offered/s | " + String.join(" | ", parts)
				+ " | all parts | load generator | other processes (cores) |");
		out.add("|---:|" + "---:|".repeat(parts.size() + 3));
		for (StepResult step : summary.steps()) {
			List<String> cells = new ArrayList<>(List.of(Integer.toString(step.offeredRate())));
			parts.forEach((part) -> cells.add(number(step.cpuSecondsPerOrder().getOrDefault(part, 0.0), 4)));
			cells.add(number(step.cpuSecondsPerOrderAllParts(), 4));
			cells.add(number(step.loadGeneratorCpuSeconds() / Math.max(1, step.placed()), 4));
			cells.add(number(step.otherProcessesCpuSeconds() / Math.max(1, step.wallSeconds()), 2));
			out.add(row(cells.toArray(String[]::new)));
		}
	}

	private static void memory(Summary summary, List<String> out) {
		out.add("");
		out.add("## Memory");
		out.add("");
		out.add("| part | peak resident (VmHWM) |");
		out.add("|---|---:|");
		summary.peakResidentKib().forEach((part, kib) -> out.add(row(part, mib(kib))));
		out.add("");
		out.add("Largest sum of all parts' resident memory (VmRSS, sampled every second during the run): **"
				+ mib(summary.maxResidentKibTotal()) + "**.");
	}

	private static void reads(Summary summary, List<String> out) {
		if (summary.reads().isEmpty()) {
			return;
		}
		out.add("");
		out.add("## Catalogue reads");
		out.add("");
		Catalogue catalogue = summary.catalogue();
		if (catalogue != null) {
			out.add("At " + String.format(Locale.ROOT, "%,d", catalogue.products())
					+ " products listed; catalog-service's search index " + size(catalogue.searchIndexBytes())
					+ " on disk, the embedded database's store " + size(catalogue.storeBytes()) + ".");
			out.add("");
		}
		out.add("Visitors arrive at a fixed rate (open model) for " + summary.run().durationSeconds() + " s after "
				+ summary.run().warmupSeconds() + " s of unreported warm-up at the same rate; each"
				+ " sends one request (a search page carries its total and facet counts). Times in ms.");
		out.add("");
		out.add("| simulation | request | visitors/s | ok | failed | ms p50 / p95 / p99 |");
		out.add("|---|---|---:|---:|---:|---:|");
		for (ReadResult read : summary.reads()) {
			out.add(row(read.simulation(), "`" + read.request() + "`", number(read.usersPerSecond(), 0),
					Integer.toString(read.ok()), Integer.toString(read.failed()), read.millis().text()));
		}
	}

	private static void overhead(GatewayOverhead.Result overhead, List<String> out) {
		if (overhead == null) {
			return;
		}
		out.add("");
		out.add("## Gateway overhead");
		out.add("");
		if (overhead.skipped() != null) {
			out.add("Gateway overhead " + overhead.skipped() + ".");
			return;
		}
		int rounds = overhead.targets().getFirst().roundRequestsPerSecond().size();
		out.add("`GET /api/products/{id}`, " + overhead.load() + " per path and round, the three paths in turn, "
				+ rounds + " round(s), after " + overhead.warmupSeconds() + " s of the same load on each (its rate per "
				+ GatewayOverhead.WARMUP_SLICE.toSeconds() + " s slice in the last column); req/s and mean ms are"
				+ " the medians of the rounds:");
		out.add("");
		out.add("| path | req/s | each round | mean ms | errors | warm-up req/s |");
		out.add("|---|---:|---:|---:|---:|---|");
		for (GatewayOverhead.Target target : overhead.targets()) {
			out.add(row(target.name(), number(target.requestsPerSecond(), 0),
					GatewayOverhead.rates(target.roundRequestsPerSecond()).replace(" → ", " · "),
					number(target.meanLatencyMillis(), 2), Long.toString(target.errors()),
					GatewayOverhead.rates(target.warmupRequestsPerSecond())));
		}
		out.add("");
		out.add("gateway / direct = **" + ratio(overhead.gatewayOver(GatewayOverhead.DIRECT)) + "** (rounds "
				+ ratios(overhead.gatewayOverByRound(GatewayOverhead.DIRECT)) + "), gateway / nginx = **"
				+ ratio(overhead.gatewayOver(GatewayOverhead.NGINX)) + "** (rounds "
				+ ratios(overhead.gatewayOverByRound(GatewayOverhead.NGINX)) + "), of req/s.");
	}

	private static String ratios(List<Double> ratios) {
		return String.join(", ", ratios.stream().map(SummaryWriter::ratio).toList());
	}

	private static void live(LiveStep.Result live, List<String> out) {
		if (live == null) {
			return;
		}
		out.add("");
		out.add("## Live updates");
		out.add("");
		out.add("Event streams (`GET /api/me/events`) held open on one gateway, " + LiveStep.STREAMS_PER_ACCOUNT
				+ " per signed-in account, and the gateway's resident memory before they opened and with them open:");
		out.add("");
		out.add("| streams asked | opened | open at the end | opening took | gateway before | gateway with them |"
				+ " per stream |");
		out.add("|---:|---:|---:|---:|---:|---:|---:|");
		out.add(row(number(live.streamsAsked(), 0), number(live.streamsOpened(), 0), number(live.streamsOpenAtEnd(), 0),
				number(live.openingMillis() / 1000.0, 1) + " s", mib(live.gatewayResidentKibBefore()),
				mib(live.gatewayResidentKibOpen()), number(live.kibPerStream(), 1) + " KiB"));
		out.add("");
		out.add("Meanwhile the pool's buyers, each with a stream of its own, placed orders one at a time, each"
				+ " waiting for its final status on the buyer's stream: from order-service writing the status (its"
				+ " status history) to the event's arrival, and from sending the order to that arrival (ms, p50 / p95"
				+ " / p99). The gateway's resident memory only grows: \"before\" includes what earlier runs against"
				+ " the same gateway left.");
		out.add("");
		out.add("| orders | final status missed (10 s) | status written → on the stream | placed → on the stream |");
		out.add("|---:|---:|---:|---:|");
		out.add(row(Integer.toString(live.orders()), Integer.toString(live.missed()), live.fromStatusMillis().text(),
				live.fromPlacementMillis().text()));
	}

	private static String size(long bytes) {
		return (bytes < 0) ? "not on this machine" : mib(bytes / 1024);
	}

	private static String row(String... cells) {
		return "| " + String.join(" | ", cells) + " |";
	}

	private static String yes(boolean value) {
		return value ? "yes" : "**no**";
	}

	private static String number(double value, int decimals) {
		return String.format(Locale.ROOT, "%,." + decimals + "f", value);
	}

	private static String ratio(Double value) {
		return (value != null) ? number(value, 2) : "–";
	}

	private static String mib(long kib) {
		return String.format(Locale.ROOT, "%,d MiB", Math.round(kib / 1024.0));
	}

}
