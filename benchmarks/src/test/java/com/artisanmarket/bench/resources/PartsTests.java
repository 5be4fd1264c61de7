package com.artisanmarket.bench.resources;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PartsTests {

	private final long self = ProcessHandle.current().pid();

	@Test
	void readsAProcesssCpuTicksAndMemoryFromProc() {
		assertThat(Parts.cpuTicks(this.self).getAsLong()).isPositive();
		long resident = Parts.statusKib(this.self, "VmRSS").getAsLong();
		assertThat(resident).isPositive();
		// Read after it: the peak only grows.
		assertThat(Parts.statusKib(this.self, "VmHWM").getAsLong()).isGreaterThanOrEqualTo(resident);
	}

	@Test
	void knowsNothingOfAProcessThatIsGone() {
		assertThat(Parts.cpuTicks(Long.MAX_VALUE)).isEmpty();
		assertThat(Parts.statusKib(Long.MAX_VALUE, "VmRSS")).isEmpty();
	}

}
