package com.artisanmarket.bench.report;

import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PercentilesTests {

	@Test
	void takesTheNearestRankSoEachPercentileIsATimeThatOccurred() {
		Percentiles percentiles = Percentiles.of(LongStream.rangeClosed(1, 200).map((n) -> 201 - n).boxed().toList());

		assertThat(percentiles.count()).isEqualTo(200);
		assertThat(percentiles.p50()).isEqualTo(100);
		assertThat(percentiles.p95()).isEqualTo(190);
		assertThat(percentiles.p99()).isEqualTo(198);
		assertThat(percentiles.max()).isEqualTo(200);
		assertThat(percentiles.text()).isEqualTo("100 / 190 / 198");
	}

	@Test
	void aSingleValueIsEveryPercentileAndNoneIsShownAsADash() {
		assertThat(Percentiles.of(List.of(42L))).isEqualTo(new Percentiles(1, 42, 42, 42, 42));
		assertThat(Percentiles.of(List.of()).text()).isEqualTo("–");
	}

}
