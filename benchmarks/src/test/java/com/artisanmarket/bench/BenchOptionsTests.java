package com.artisanmarket.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BenchOptionsTests {

	@Test
	void defaultsStepThroughTheFourRatesForAMinuteEach() {
		BenchOptions options = BenchOptions.parse();

		assertThat(options.rates()).containsExactly(25, 50, 100, 200);
		assertThat(options.durationSeconds()).isEqualTo(60);
		assertThat(options.overheadSeconds()).isEqualTo(10);
		assertThat(options.overheadWarmupSeconds()).isEqualTo(60);
		assertThat(options.overheadRounds()).isEqualTo(3);
		assertThat(options.simulations()).containsExactlyInAnyOrder("browse", "search", "checkout", "live");
		assertThat(options.streams()).isEqualTo(2000);
	}

	@Test
	void optionsGivenWithAPresetOverrideItWhateverTheirOrder() {
		BenchOptions options = BenchOptions.parse("--rates", "5, 15", "--quick", "--overhead-rounds", "2", "--results",
				"out");

		assertThat(options.rates()).containsExactly(5, 15);
		assertThat(options.durationSeconds()).isEqualTo(10);
		assertThat(options.overheadWarmupSeconds()).isEqualTo(3);
		assertThat(options.overheadRounds()).isEqualTo(2);
		assertThat(options.results()).isEqualTo(Path.of("out"));
	}

	@Test
	void theSmokeRunIsSmallAndLeavesWrkAndNginxOut() {
		BenchOptions options = BenchOptions.parse("--smoke");

		assertThat(options.rates()).isEqualTo(List.of(2));
		assertThat(options.durationSeconds()).isEqualTo(3);
		assertThat(options.warmupSeconds()).isZero();
		assertThat(options.overheadSeconds()).isZero();
		assertThat(options.streams()).isEqualTo(20);
		assertThat(options.liveOrders()).isEqualTo(3);
	}

	@Test
	void choosesSimulationsAndSkipsTheOverhead() {
		BenchOptions options = BenchOptions.parse("--simulations", "checkout", "--no-overhead", "--no-build");

		assertThat(options.simulations()).isEqualTo(Set.of("checkout"));
		assertThat(options.runs("browse")).isFalse();
		assertThat(options.overheadSeconds()).isZero();
	}

	@Test
	void refusesWhatItDoesNotKnow() {
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--rate", "5"))
			.withMessageContaining("--rate");
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--rates", "5,x"))
			.withMessageContaining("not a positive number");
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--duration", "0"));
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--simulations", "browse,pay"));
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--duration"));
	}

}
