package com.artisanmarket.bench.report;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.artisanmarket.bench.live.LiveStep;
import com.artisanmarket.bench.overhead.GatewayOverhead;
import com.artisanmarket.bench.resources.Catalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SummaryWriterTests {

	@TempDir
	Path folder;

	@Test
	void writesTheTablesTheJsonAndTheChart() throws Exception {
		StepResult sustained = step(25, true, Map.of(), Map.of("CONFIRMED", 1500));
		StepResult tooFast = step(200, false, Map.of(503, 12), Map.of("CONFIRMED", 9000, "PENDING", 3));
		List<StepResult> steps = List.of(sustained, tooFast);
		GatewayOverhead.Result overhead = new GatewayOverhead.Result(List.of(
				new GatewayOverhead.Target(GatewayOverhead.DIRECT, "http://127.0.0.1:8082/x", 4000, 4, 0,
						List.of(4000.0, 5000.0, 2000.0), List.of(3900.0, 4100.0)),
				new GatewayOverhead.Target(GatewayOverhead.GATEWAY, "http://127.0.0.1:8080/x", 1000, 16, 0,
						List.of(1000.0, 1500.0, 1000.0), List.of(310.0, 905.5)),
				new GatewayOverhead.Target(GatewayOverhead.NGINX, "http://127.0.0.1:9000/x", 3200, 5, 0,
						List.of(3200.0, 3000.0, 4000.0), List.of(3000.0, 3100.0))),
				"wrk -t2 -c16 -d10s", 20, null);
		Summary summary = new Summary(run(), List.of(), null, steps, Summary.highestSustained(steps), overhead,
				Map.of("gateway", 400 * 1024L), 2200 * 1024L, null);

		String markdown = SummaryWriter.write(summary, this.folder);

		assertThat(markdown).contains(
				"| 25 | 25.0 | 25.0 | 1500 | 0 | 10 / 20 / 30 | 40 / 50 / 60 | 1500 | 0 | 0 | 0 | yes | 1.5 s | yes |")
			.contains("| 200 | 200.0 | 25.0 | 9003 | 12 {503=12} |")
			.contains("Highest rate sustained: **25 orders/s**")
			.contains("gateway / direct = **0.25** (rounds 0.25, 0.30, 0.50), gateway / nginx = **0.31** (rounds 0.31,"
					+ " 0.50, 0.25)")
			.contains("3 round(s), after 20 s of the same load")
			.contains("| through the gateway | 1,000 | 1,000 · 1,500 · 1,000 | 16.00 | 0 | 310 → 906 |")
			.contains("| gateway | 400 MiB |")
			.contains("**2,200 MiB**");
		assertThat(Files.readString(this.folder.resolve(SummaryWriter.JSON))).contains("\"highestSustainedRate\" : 25");
		BufferedImage chart = ImageIO.read(this.folder.resolve(SummaryWriter.CHART).toFile());
		assertThat(chart.getWidth()).isGreaterThan(chart.getHeight());
	}

	@Test
	void saysSoWhenNoRateWasSustainedOrTheOverheadWasSkipped() {
		List<StepResult> steps = List.of(step(100, false, Map.of(), Map.of("CONFIRMED", 10)));
		Summary summary = new Summary(run(), List.of(), null, steps, Summary.highestSustained(steps),
				new GatewayOverhead.Result(List.of(), null, 0, "not measured: wrk not installed"), Map.of(), 0, null);

		assertThat(SummaryWriter.markdown(summary)).contains("Highest rate sustained: **none of the rates**")
			.contains("Gateway overhead not measured: wrk not installed.");
	}

	@Test
	void pointsAtTheHoardingCapsWhenOrdersWereRefusedWith422() {
		List<StepResult> refused = List.of(step(25, false, Map.of(422, 700), Map.of("CONFIRMED", 800)));
		List<StepResult> fine = List.of(step(25, true, Map.of(), Map.of("CONFIRMED", 1500)));

		assertThat(SummaryWriter.markdown(summary(refused)))
			.contains("MARKETPLACE_ORDERS_MAX_OPEN_ORDERS_PER_BUYER and MARKETPLACE_ORDERS_MAX_OPEN_UNITS_PER_PRODUCT");
		assertThat(SummaryWriter.markdown(summary(fine))).doesNotContain("MARKETPLACE_ORDERS_MAX_OPEN");
	}

	@Test
	void saysHowBigTheCatalogueWasBesideTheReads() {
		List<ReadResult> reads = List.of(new ReadResult("search", "search q=carpet", 20, 1200, 0,
				new Percentiles(1200, 5, 9, 14, 31), "gatling/search/run"));
		Summary summary = new Summary(run(), reads, new Catalogue(100_187, 29L * 1024 * 1024, -1), List.of(), null,
				null, Map.of(), 0, null);

		assertThat(SummaryWriter.markdown(summary)).contains("At 100,187 products listed")
			.contains("search index 29 MiB on disk")
			.contains("store not on this machine")
			.contains("for 60 s after 10 s of unreported warm-up")
			.contains("| search | `search q=carpet` | 20 | 1200 | 0 |");
	}

	@Test
	void reportsTheOpenStreamsTheGatewaysMemoryAndTheTimeToTheStream() {
		LiveStep.Result live = new LiveStep.Result(2000, 2000, 1998, 4200, 300 * 1024L, 340 * 1024L, 50, 1,
				new Percentiles(49, 4, 9, 12, 15), new Percentiles(49, 30, 45, 60, 70));
		Summary summary = new Summary(run(), List.of(), null, List.of(), null, null, Map.of(), 0, live);

		assertThat(SummaryWriter.markdown(summary)).contains("## Live updates")
			.contains("| 2,000 | 2,000 | 1,998 | 4.2 s | 300 MiB | 340 MiB | 20.5 KiB |")
			.contains("| 50 | 1 | 4 / 9 / 12 | 30 / 45 / 60 |");
	}

	private static Summary summary(List<StepResult> steps) {
		return new Summary(run(), List.of(), null, steps, Summary.highestSustained(steps),
				new GatewayOverhead.Result(List.of(), null, 0, "not measured: wrk not installed"), Map.of(), 0, null);
	}

	private static StepResult step(int rate, boolean sustained, Map<Integer, Integer> failed,
			Map<String, Integer> byStatus) {
		Map<String, Double> cpu = new LinkedHashMap<>();
		cpu.put("gateway", 0.004);
		cpu.put("order-service", 0.006);
		int placed = byStatus.values().stream().mapToInt(Integer::intValue).sum();
		return new StepResult(rate, 60, rate, 25.0, placed, failed, 0, new Percentiles(placed, 10, 20, 30, 40),
				new Percentiles(placed, 40, 50, 60, 70), byStatus, 0, !byStatus.containsKey("PENDING"), 1.5, sustained,
				cpu, 12.0, 64.0, 6.4, sustained, "gatling/checkout-025/run");
	}

	private static Summary.Run run() {
		return new Summary.Run("2026-12-01T10:00:00Z", "2026-12-01T10:10:00Z", "http://127.0.0.1:8080",
				List.of(25, 200), 60, 10, 5, 40, 30, 1000, 10, 2, 24000, "25");
	}

}
