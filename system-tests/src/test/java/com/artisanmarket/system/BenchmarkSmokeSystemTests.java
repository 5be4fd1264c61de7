package com.artisanmarket.system;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.artisanmarket.launcher.StackConfig;
import com.artisanmarket.testsupport.MarketplaceStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./marketplace bench --smoke}: every simulation (browse, search, checkout) for a
 * few seconds at a few requests per second, and twenty live event streams held open while
 * three orders are followed on their buyers' streams, against the whole marketplace, so
 * that the benchmark keeps working as the API changes. It asserts outcomes, never
 * timings: this machine runs the suite beside the marketplace. The full benchmark is not
 * part of the suite.
 */
class BenchmarkSmokeSystemTests {

	private static final MarketplaceStack marketplace = MarketplaceStack.shared();

	@TempDir
	Path results;

	@Test
	void everySimulationRunsWithoutAFailedRequestAndEveryOrderEndsFinal() throws Exception {
		Process bench = bench("--smoke", "--no-build", "--results", this.results.toString());
		String output = new String(bench.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(bench.waitFor(3, TimeUnit.MINUTES)).isTrue();
		System.out.println("$ ./marketplace bench --smoke\n" + output);
		assertThat(bench.exitValue()).as(output).isZero();

		JsonNode summary = JsonMapper.builder().build().readTree(this.results.resolve("summary.json").toFile());
		List<String> simulations = new ArrayList<>();
		for (JsonNode read : summary.path("reads")) {
			assertThat(read.path("failed").asInt()).as(read.toString()).isZero();
			if (read.path("ok").asInt() > 0) {
				simulations.add(read.path("simulation").asString());
			}
		}
		assertThat(simulations).contains("browse", "search");
		assertThat(summary.path("steps")).hasSize(1);
		JsonNode checkout = summary.path("steps").get(0);
		assertThat(checkout.path("placed").asInt()).isPositive();
		assertThat(checkout.path("failedPlacements").isEmpty()).as(checkout.toString()).isTrue();
		assertThat(checkout.path("failedPolls").asInt()).isZero();
		assertThat(checkout.path("everyOrderFinal").asBoolean()).as(checkout.toString()).isTrue();
		assertThat(checkout.path("byStatus").propertyNames()).containsAnyOf("CONFIRMED", "REJECTED")
			.doesNotContain("PENDING");
		JsonNode live = summary.path("live");
		assertThat(live.path("streamsOpened").asInt()).as(live.toString()).isEqualTo(20);
		assertThat(live.path("streamsOpenAtEnd").asInt()).as(live.toString()).isEqualTo(20);
		assertThat(live.path("missed").asInt()).as(live.toString()).isZero();
		assertThat(live.path("fromStatusMillis").path("count").asInt()).as(live.toString()).isEqualTo(3);
		assertThat(this.results.resolve("summary.md")).content().contains("## Orders").contains("## Live updates");
		assertThat(this.results.resolve("latency-vs-rate.png")).isNotEmptyFile();
		try (Stream<Path> reports = Files.find(this.results.resolve("gatling"), 3,
				(path, attributes) -> path.endsWith("index.html"))) {
			assertThat(reports.count()).as("a Gatling report per simulation").isEqualTo(3);
		}
	}

	private static Process bench(String... arguments) throws Exception {
		Path root = Path.of("..").toAbsolutePath().normalize();
		List<String> command = new ArrayList<>(List.of(root.resolve("marketplace").toString(), "bench"));
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
		StackConfig config = marketplace.config();
		StackConfig.Ports ports = config.ports();
		builder.environment()
			.putAll(Map.of("MARKETPLACE_DATA_DIR", config.dataDir().toString(), "MARKETPLACE_GATEWAY_PORT",
					Integer.toString(ports.gateway()), "MARKETPLACE_ARTISAN_SERVICE_PORT",
					Integer.toString(ports.artisanService()), "MARKETPLACE_CATALOG_SERVICE_PORT",
					Integer.toString(ports.catalogService()), "MARKETPLACE_ORDER_SERVICE_PORT",
					Integer.toString(ports.orderService()), "MARKETPLACE_KAFKA_PORT", Integer.toString(ports.kafka()),
					"MARKETPLACE_KAFKA_CONTROLLER_PORT", Integer.toString(ports.kafkaController()),
					"MARKETPLACE_MONGO_PORT", Integer.toString(ports.mongo())));
		builder.environment().put("JAVA_HOME", javaHome());
		Process process = builder.start();
		process.getOutputStream().close();
		return process;
	}

	private static String javaHome() {
		return Path.of(ProcessHandle.current().info().command().orElseThrow()).getParent().getParent().toString();
	}

}
