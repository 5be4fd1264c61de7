package com.artisanmarket.support.outbox;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxSweepScheduleTests {

	private static final Duration INTERVAL = Duration.ofMinutes(1);

	@Test
	void aQuickSweepComesBackAfterTheInterval() {
		assertThat(OutboxRelay.nextSweepAfter(Duration.ofMillis(40), INTERVAL)).isEqualTo(INTERVAL);
		assertThat(OutboxRelay.nextSweepAfter(Duration.ofSeconds(3), INTERVAL)).isEqualTo(INTERVAL);
	}

	@Test
	void aLongSweepWaitsTwentyTimesItsOwnTime() {
		assertThat(OutboxRelay.nextSweepAfter(Duration.ofSeconds(30), INTERVAL)).isEqualTo(Duration.ofMinutes(10));
	}

}
