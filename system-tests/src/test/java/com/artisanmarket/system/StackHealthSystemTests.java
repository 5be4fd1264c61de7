package com.artisanmarket.system;

import java.net.http.HttpResponse;
import java.util.List;

import com.artisanmarket.launcher.Stack;
import com.artisanmarket.testsupport.Http;
import com.artisanmarket.testsupport.MarketplaceStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every service of the running marketplace reports ready, and why, and exposes metrics on
 * its management port.
 */
class StackHealthSystemTests {

	private final MarketplaceStack marketplace = MarketplaceStack.shared();

	@ParameterizedTest
	@ValueSource(strings = { Stack.ARTISAN_SERVICE, Stack.CATALOG_SERVICE, Stack.ORDER_SERVICE })
	void serviceIsReadyWithItsMongoDbAndKafka(String service) {
		HttpResponse<String> readiness = Http
			.get(this.marketplace.managementUrl(service) + "/actuator/health/readiness");
		HttpResponse<String> response = Http.get(this.marketplace.managementUrl(service) + "/actuator/health");

		assertThat(readiness.statusCode()).isEqualTo(200);
		JsonNode components = Http.json(response).path("components");
		for (String component : List.of("mongo", "kafka", "readinessState")) {
			assertThat(components.path(component).path("status").asString()).as(component).isEqualTo("UP");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { Stack.ARTISAN_SERVICE, Stack.CATALOG_SERVICE, Stack.ORDER_SERVICE, Stack.GATEWAY })
	void serviceExposesLivenessAndPrometheusMetrics(String service) {
		assertThat(Http.get(this.marketplace.managementUrl(service) + "/actuator/health/liveness").statusCode())
			.isEqualTo(200);
		HttpResponse<String> metrics = Http.get(this.marketplace.managementUrl(service) + "/actuator/prometheus");

		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("application=\"" + service + "\"");
	}

	@Test
	void gatewayIsReadyWithItsMongoDb() {
		HttpResponse<String> readiness = Http
			.get(this.marketplace.managementUrl(Stack.GATEWAY) + "/actuator/health/readiness");
		HttpResponse<String> response = Http.get(this.marketplace.managementUrl(Stack.GATEWAY) + "/actuator/health");

		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(Http.json(response).path("components").path("mongo").path("status").asString()).isEqualTo("UP");
	}

}
