package com.artisanmarket.bench.report;

import java.util.Collection;
import java.util.List;

/**
 * p50, p95 and p99 of a set of times, by nearest rank (the smallest value with at least p
 * % of the values at or below it), so each is a time that really occurred.
 *
 * @param count how many values
 * @param p50 the median
 * @param p95 the 95th percentile
 * @param p99 the 99th percentile
 * @param max the largest
 */
public record Percentiles(int count, long p50, long p95, long p99, long max) {

	public static Percentiles of(Collection<Long> values) {
		if (values.isEmpty()) {
			return new Percentiles(0, 0, 0, 0, 0);
		}
		List<Long> sorted = values.stream().sorted().toList();
		return new Percentiles(sorted.size(), rank(sorted, 50), rank(sorted, 95), rank(sorted, 99), sorted.getLast());
	}

	private static long rank(List<Long> sorted, int percent) {
		int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
		return sorted.get(Math.max(0, rank - 1));
	}

	/** "12 / 30 / 85", or "–" when there were none. */
	public String text() {
		return (this.count == 0) ? "–" : this.p50 + " / " + this.p95 + " / " + this.p99;
	}

}
