package com.artisanmarket.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ReplicasTests {

	@TempDir
	Path data;

	@Test
	void readsOneCountForEveryServiceOrACountPerService() {
		Replicas every = Replicas.parse("2");
		Replicas some = Replicas.parse("catalog-service=3, order-service=2");

		assertThat(List.of(Stack.ARTISAN_SERVICE, Stack.CATALOG_SERVICE, Stack.ORDER_SERVICE, Stack.GATEWAY))
			.allSatisfy((service) -> assertThat(every.of(service)).isEqualTo(2));
		assertThat(Replicas.parse("gateway=3").of(Stack.GATEWAY)).isEqualTo(3);
		assertThat(some.of(Stack.CATALOG_SERVICE)).isEqualTo(3);
		assertThat(some.of(Stack.ORDER_SERVICE)).isEqualTo(2);
		assertThat(some.of(Stack.ARTISAN_SERVICE)).isEqualTo(1);
	}

	@Test
	void refusesUnknownServicesAndCountsOutOfRange() {
		assertThatIllegalArgumentException().isThrownBy(() -> Replicas.parse("0")).withMessageContaining("1 to 6");
		assertThatIllegalArgumentException().isThrownBy(() -> Replicas.parse("7"));
		assertThatIllegalArgumentException().isThrownBy(() -> Replicas.parse("many"));
		assertThatIllegalArgumentException().isThrownBy(() -> Replicas.parse("mongo=2"))
			.withMessageContaining("catalog-service");
		assertThatIllegalArgumentException().isThrownBy(() -> Replicas.parse("catalog-service"));
	}

	@Test
	void statusAndDownSeeTheInstancesUpStartedAndUpNeverForgetsRunningOnes() {
		StackConfig config = StackConfig.fromEnvironment(Path.of("/opt/marketplace"),
				Map.of("MARKETPLACE_DATA_DIR", this.data.toString()));
		assertThat(Marketplace.replicas(config, List.of("status"))).isEqualTo(Replicas.ONE_EACH);

		Replicas started = Marketplace.replicas(config, List.of("up", "--no-build", "--replicas", "catalog-service=2"));
		started.write(config);

		assertThat(Marketplace.replicas(config, List.of("down"))).isEqualTo(started);
		assertThat(Marketplace.replicas(config, List.of("up")).of(Stack.CATALOG_SERVICE)).isEqualTo(2);
		Replicas more = Marketplace.replicas(config, List.of("up", "--replicas=order-service=3"));
		assertThat(more.of(Stack.CATALOG_SERVICE)).isEqualTo(2);
		assertThat(more.of(Stack.ORDER_SERVICE)).isEqualTo(3);

		Replicas.forget(config);
		assertThat(Marketplace.replicas(config, List.of("status"))).isEqualTo(Replicas.ONE_EACH);
	}

}
