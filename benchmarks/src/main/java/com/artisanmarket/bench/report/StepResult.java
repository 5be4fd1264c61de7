package com.artisanmarket.bench.report;

import java.util.Map;

/**
 * One order rate step: what the buyers saw, what the marketplace's processes spent, and
 * whether the rate was sustained.
 *
 * @param offeredRate orders per second the buyers arrived at
 * @param durationSeconds how long they arrived
 * @param sentRate placements sent per second (below the offered rate when the load
 * generator fell behind)
 * @param achievedRate orders accepted per second, over the same window
 * @param placed orders accepted (202)
 * @param failedPlacements placements answered otherwise, by status (0: no answer)
 * @param failedPolls {@code GET /api/orders/{id}} that failed
 * @param post times of {@code POST /api/orders}, ms
 * @param placedToConfirmed from {@code PENDING} to {@code CONFIRMED} in the orders'
 * status histories (server timestamps), ms
 * @param byStatus orders by status at the end of the step (those the buyers left
 * {@code PENDING} looked up again at order-service)
 * @param leftPendingByBuyers orders still {@code PENDING} when their buyers stopped
 * following them (polls failed or the follow-up time ran out)
 * @param everyOrderFinal whether no accepted order was still {@code PENDING} at the end
 * @param backlogZeroAfterSeconds seconds after the last order was sent until outbox
 * backlog plus consumer lag, summed over the services, was first seen at 0 (null: not
 * seen)
 * @param backlogDrained whether that was within 10 s
 * @param cpuSecondsPerOrder CPU seconds (user + system) per accepted order, by part
 * @param loadGeneratorCpuSeconds CPU seconds of the Gatling JVM over the step (from its
 * start)
 * @param wallSeconds the step's time from the Gatling JVM's start to its end
 * @param otherProcessesCpuSeconds CPU seconds the machine spent in the step on anything
 * but the parts and the load generator (other programs, the kernel, the bench itself)
 * @param sustained every request answered well, every order final, the backlog drained in
 * 10 s and at least 90 % of the offered rate sent
 * @param report the step's Gatling report, relative to the results folder
 */
public record StepResult(int offeredRate, int durationSeconds, double sentRate, double achievedRate, int placed,
		Map<Integer, Integer> failedPlacements, int failedPolls, Percentiles post, Percentiles placedToConfirmed,
		Map<String, Integer> byStatus, int leftPendingByBuyers, boolean everyOrderFinal, Double backlogZeroAfterSeconds,
		boolean backlogDrained, Map<String, Double> cpuSecondsPerOrder, double loadGeneratorCpuSeconds,
		double wallSeconds, double otherProcessesCpuSeconds, boolean sustained, String report) {

	public int count(String status) {
		return this.byStatus.getOrDefault(status, 0);
	}

	public int failedPlacementCount() {
		return this.failedPlacements.values().stream().mapToInt(Integer::intValue).sum();
	}

	public double cpuSecondsPerOrderAllParts() {
		return this.cpuSecondsPerOrder.values().stream().mapToDouble(Double::doubleValue).sum();
	}

}
