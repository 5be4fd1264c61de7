package com.artisanmarket.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

import com.artisanmarket.bench.load.CheckoutOutcome;
import com.artisanmarket.bench.load.CheckoutSimulation;
import com.artisanmarket.bench.load.GatlingRun;
import com.artisanmarket.bench.load.LoadSettings;
import com.artisanmarket.bench.load.RequestTimes;
import com.artisanmarket.bench.report.Percentiles;
import com.artisanmarket.bench.report.StepResult;
import com.artisanmarket.bench.resources.Backlog;
import com.artisanmarket.bench.resources.Parts;

/**
 * One order rate step: the parts' CPU time is read before the checkout run starts and
 * when it ends (every order final or given up on), and the services' backlog is watched
 * from the end of the arrivals until it is 0 after the run, so that "back to 0 within 10
 * s of the last order" can be judged from the samples.
 */
final class CheckoutStep {

	static final Duration DRAIN_LIMIT = Duration.ofSeconds(10);

	private static final Duration WATCH_AFTER_EXIT = DRAIN_LIMIT.plusSeconds(5);

	private static final Duration TICK = Duration.ofMillis(250);

	/** Far more than buyers follow their orders; past it the run is taken to hang. */
	private static final Duration GIVE_UP_AFTER_ARRIVALS = Duration.ofMinutes(10);

	private final Parts parts;

	private final Backlog backlog;

	private final OrderLookup orders;

	private final Path results;

	private final PrintStream out;

	CheckoutStep(Parts parts, Backlog backlog, OrderLookup orders, Path results, PrintStream out) {
		this.parts = parts;
		this.backlog = backlog;
		this.orders = orders;
		this.results = results;
		this.out = out;
	}

	StepResult run(String name, int rate, int durationSeconds, Map<String, String> settings)
			throws InterruptedException {
		Path folder = this.results.resolve("gatling").resolve(name);
		Map<String, String> all = new LinkedHashMap<>(settings);
		all.put(LoadSettings.RATE, Integer.toString(rate));
		all.put(LoadSettings.DURATION_SECONDS, Integer.toString(durationSeconds));
		Path times = folder.resolve("request-times.json");
		Path outcomeFile = folder.resolve("checkout.json");
		all.put(LoadSettings.REQUEST_TIMES, times.toString());
		all.put(LoadSettings.OUTCOME, outcomeFile.toString());

		Map<String, Double> cpuBefore = this.parts.cpuSeconds();
		double machineBefore = this.parts.machineBusySeconds();
		Instant started = Instant.now();
		GatlingRun.Running running = new GatlingRun(CheckoutSimulation.class,
				"checkout at " + rate + " orders/s for " + durationSeconds + " s", all, folder)
			.start();
		Instant arrivalsEnd = Instant.now().plusSeconds(durationSeconds);
		Instant giveUp = arrivalsEnd.plus(GIVE_UP_AFTER_ARRIVALS);
		while (running.process().isAlive() && Instant.now().isBefore(arrivalsEnd)) {
			Thread.sleep(TICK);
		}
		List<Sample> samples = new ArrayList<>();
		Map<String, Double> cpuAfter = null;
		double machineAfter = Double.NaN;
		Instant exited = null;
		Instant nextSample = Instant.now();
		while (exited != null || Instant.now().isBefore(giveUp)) {
			if (exited == null && !running.process().isAlive()) {
				exited = Instant.now();
				cpuAfter = this.parts.cpuSeconds();
				machineAfter = this.parts.machineBusySeconds();
			}
			if (!Instant.now().isBefore(nextSample)) {
				Instant at = Instant.now();
				OptionalLong owed = this.backlog.total();
				samples.add(new Sample(at, owed));
				nextSample = at.plusSeconds(1);
				if (exited != null && (isZero(owed) || at.isAfter(exited.plus(WATCH_AFTER_EXIT)))) {
					break;
				}
			}
			Thread.sleep(TICK);
		}
		Path report = running.await(Duration.ofMinutes(1));
		CheckoutOutcome outcome = CheckoutOutcome.read(outcomeFile);
		List<CheckoutOutcome.Order> seen = outcome.orders();
		List<CheckoutOutcome.Order> now = this.orders.recheck(seen);
		Machine machine = new Machine(Duration.between(started, exited).toMillis() / 1000.0,
				machineAfter - machineBefore);
		int leftPending = (int) seen.stream().filter((order) -> !order.reachedFinalStatus()).count();
		StepResult result = result(rate, durationSeconds, outcome, now, leftPending, RequestTimes.read(times), samples,
				delta(cpuBefore, cpuAfter), machine, this.results.relativize(report));
		print(result);
		return result;
	}

	private StepResult result(int rate, int durationSeconds, CheckoutOutcome outcome,
			List<CheckoutOutcome.Order> orders, int leftPending, RequestTimes times, List<Sample> samples,
			Map<String, Double> cpu, Machine machine, Path report) {
		int placed = orders.size();
		int sent = outcome.placements();
		long first = outcome.firstSentAtMillis();
		long last = outcome.lastSentAtMillis();
		// n evenly spaced arrivals span n - 1 intervals: the window is one interval more.
		double window = (sent > 1 && last > first) ? (last - first) / 1000.0 * sent / (sent - 1) : durationSeconds;
		double sentRate = sent / window;
		double achieved = placed / window;
		Map<String, Integer> byStatus = new TreeMap<>();
		orders.forEach((order) -> byStatus.merge(order.status(), 1, Integer::sum));
		Percentiles confirmed = Percentiles.of(orders.stream()
			.filter((order) -> "CONFIRMED".equals(order.status()) && order.settledMillis() != null)
			.map(CheckoutOutcome.Order::settledMillis)
			.toList());
		RequestTimes.Requests posts = times.requests()
			.getOrDefault("POST /api/orders", new RequestTimes.Requests(List.of(), 0));
		RequestTimes.Requests polls = times.requests()
			.getOrDefault("GET /api/orders/{id}", new RequestTimes.Requests(List.of(), 0));
		Instant lastSent = Instant.ofEpochMilli(last);
		Double drainedAfter = samples.stream()
			.filter((sample) -> !sample.at().isBefore(lastSent) && isZero(sample.owed()))
			.findFirst()
			.map((sample) -> Duration.between(lastSent, sample.at()).toMillis() / 1000.0)
			.orElse(null);
		boolean drained = drainedAfter != null && drainedAfter <= DRAIN_LIMIT.toSeconds();
		boolean everyOrderFinal = orders.stream().allMatch(CheckoutOutcome.Order::reachedFinalStatus);
		Map<String, Double> perOrder = new LinkedHashMap<>();
		cpu.forEach((part, seconds) -> perOrder.put(part, seconds / Math.max(1, placed)));
		int failedPlacements = outcome.failedPlacements().values().stream().mapToInt(Integer::intValue).sum();
		boolean sustained = failedPlacements == 0 && polls.failed() == 0 && everyOrderFinal && drained
				&& sentRate >= 0.9 * rate;
		double partsTotal = cpu.values().stream().mapToDouble(Double::doubleValue).sum();
		double others = Math.max(0, machine.busySeconds() - partsTotal - outcome.loadGeneratorCpuSeconds());
		return new StepResult(rate, durationSeconds, sentRate, achieved, placed, outcome.failedPlacements(),
				polls.failed(), Percentiles.of(posts.okMillis()), confirmed, byStatus, leftPending, everyOrderFinal,
				drainedAfter, drained, perOrder, outcome.loadGeneratorCpuSeconds(), machine.wallSeconds(), others,
				sustained, report.toString());
	}

	private void print(StepResult step) {
		this.out.printf(
				"  %3d orders/s: %.1f/s sent, %,d placed (%.1f/s), %d failed; POST %s ms; placed→CONFIRMED %s ms; %s; backlog 0 %s → %s%n",
				step.offeredRate(), step.sentRate(), step.placed(), step.achievedRate(), step.failedPlacementCount(),
				step.post().text(), step.placedToConfirmed().text(), step.byStatus(),
				(step.backlogZeroAfterSeconds() != null) ? "after %.1f s".formatted(step.backlogZeroAfterSeconds())
						: "not seen",
				step.sustained() ? "sustained" : "not sustained");
	}

	private static Map<String, Double> delta(Map<String, Double> before, Map<String, Double> after) {
		Map<String, Double> used = new LinkedHashMap<>();
		before.forEach((part, seconds) -> {
			Double end = (after != null) ? after.get(part) : null;
			if (end != null) {
				used.put(part, end - seconds);
			}
		});
		return used;
	}

	private static boolean isZero(OptionalLong owed) {
		return owed.isPresent() && owed.getAsLong() == 0;
	}

	private record Sample(Instant at, OptionalLong owed) {

	}

	/** The step's wall time and the CPU time the whole machine was busy in it. */
	private record Machine(double wallSeconds, double busySeconds) {

	}

}
