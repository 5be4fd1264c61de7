package com.artisanmarket.bench.report;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.artisanmarket.bench.live.LiveStep;
import com.artisanmarket.bench.overhead.GatewayOverhead;
import com.artisanmarket.bench.resources.Catalogue;

/**
 * Everything one {@code ./marketplace bench} found, as {@code summary.json} holds it.
 *
 * @param run what was run, where and on what
 * @param reads catalogue reads (browse, search)
 * @param catalogue the catalogue's size when the reads ran, or null when none ran
 * @param steps the order rate steps, in the order run
 * @param highestSustainedRate the highest offered rate that was sustained, or null
 * @param gatewayOverhead {@code GET /api/products/{id}} direct, through the gateway and
 * through nginx
 * @param peakResidentKib each part's peak resident memory ({@code VmHWM}) at the end, KiB
 * @param maxResidentKibTotal the largest sum of the parts' resident memory sampled during
 * the run, KiB
 * @param live open event streams and the time an order's status takes to reach one, or
 * null when that step did not run
 */
public record Summary(Run run, List<ReadResult> reads, Catalogue catalogue, List<StepResult> steps,
		Integer highestSustainedRate, GatewayOverhead.Result gatewayOverhead, Map<String, Long> peakResidentKib,
		long maxResidentKibTotal, LiveStep.Result live) {

	/** The highest offered rate among the sustained steps. */
	public static Integer highestSustained(List<StepResult> steps) {
		Optional<StepResult> best = steps.stream()
			.filter(StepResult::sustained)
			.max(Comparator.comparingInt(StepResult::offeredRate));
		return best.map(StepResult::offeredRate).orElse(null);
	}

	/**
	 * What was run, where and on what.
	 *
	 * @param startedAt when the bench started (UTC)
	 * @param finishedAt when it ended
	 * @param gateway the marketplace's gateway
	 * @param rates order rates offered, per second
	 * @param durationSeconds how long each step and each read run lasted
	 * @param browseUsersPerSecond browse arrivals
	 * @param searchUsersPerSecond search arrivals
	 * @param buyers buyers in the pool
	 * @param settleSeconds how long a buyer followed a pending order
	 * @param pollMillis how often
	 * @param warmupSeconds the unreported checkout warm-up
	 * @param cores processors of this machine, shared by the marketplace and Gatling
	 * @param memoryMib this machine's memory
	 * @param java the Java runtime of the bench
	 */
	public record Run(String startedAt, String finishedAt, String gateway, List<Integer> rates, int durationSeconds,
			double browseUsersPerSecond, double searchUsersPerSecond, int buyers, int settleSeconds, long pollMillis,
			int warmupSeconds, int cores, long memoryMib, String java) {

	}

}
