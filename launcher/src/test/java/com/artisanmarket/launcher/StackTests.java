package com.artisanmarket.launcher;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StackTests {

	private final Stack stack = new Stack(StackConfig.fromEnvironment(Path.of("/opt/marketplace"), Map.of()));

	@Test
	void startsInfrastructureBeforeServices() {
		assertThat(this.stack.parts()).extracting(Part::name)
			.containsExactly(Stack.MONGO, Stack.KAFKA, Stack.ARTISAN_SERVICE, Stack.CATALOG_SERVICE,
					Stack.ORDER_SERVICE, Stack.GATEWAY);
	}

	@Test
	void marksEveryCommandLineWithThePartAndTheDataDirectory() {
		for (Part part : this.stack.parts()) {
			assertThat(part.command()).as(part.name())
				.contains(Stack.PART_MARKER + part.name(), Stack.HOME_MARKER + "/opt/marketplace/.data");
		}
	}

	@Test
	void pointsServicesAtTheirOwnDatabaseAndTheGatewayAtTheServices() {
		Part catalog = this.stack.part(Stack.CATALOG_SERVICE).orElseThrow();
		Part gateway = this.stack.part(Stack.GATEWAY).orElseThrow();

		assertThat(catalog.command()).contains("--server.port=8082",
				"--spring.mongodb.uri=mongodb://127.0.0.1:27017/catalog",
				"--spring.kafka.bootstrap-servers=127.0.0.1:9092");
		assertThat(gateway.command()).contains("--marketplace.gateway.services.catalog-service=http://127.0.0.1:8082");
		assertThat(gateway.command())
			.contains("--marketplace.gateway.management.catalog-service=http://127.0.0.1:8092");
		assertThat(gateway.readiness())
			.isEqualTo(new Part.HttpOk(URI.create("http://127.0.0.1:8090/actuator/health/readiness")));
	}

	@Test
	void startsEachInstanceOfAServiceOnItsOwnPortsAndPointsTheGatewayAtThemAll() {
		Stack replicated = new Stack(StackConfig.fromEnvironment(Path.of("/opt/marketplace"), Map.of()),
				Stack.Startup.EXECUTABLE_JAR, Replicas.parse("catalog-service=3,artisan-service=2"));

		assertThat(replicated.services()).extracting(Part::name)
			.containsExactly(Stack.ARTISAN_SERVICE, "artisan-service-2", Stack.CATALOG_SERVICE, "catalog-service-2",
					"catalog-service-3", Stack.ORDER_SERVICE, Stack.GATEWAY);
		Part third = replicated.part("catalog-service-3").orElseThrow();
		assertThat(third.ports()).containsExactly(8282, 8292);
		assertThat(third.command()).contains(Stack.PART_MARKER + "catalog-service-3", "--server.port=8282",
				"--management.server.port=8292", "--spring.mongodb.uri=mongodb://127.0.0.1:27017/catalog",
				"-Dlogging.file.name=/opt/marketplace/.data/logs/catalog-service-3.log",
				"--marketplace.catalog.artisan-service-url=http://127.0.0.1:8081,http://127.0.0.1:8181");
		assertThat(third.command()).anyMatch((argument) -> argument.endsWith("catalog-service.jar"));
		Part gateway = replicated.part(Stack.GATEWAY).orElseThrow();
		assertThat(gateway.command()).contains(
				"--marketplace.gateway.services.catalog-service=http://127.0.0.1:8082,http://127.0.0.1:8182,http://127.0.0.1:8282",
				"--marketplace.gateway.management.catalog-service=http://127.0.0.1:8092,http://127.0.0.1:8192,http://127.0.0.1:8292",
				"--marketplace.gateway.services.order-service=http://127.0.0.1:8083");
		assertThat(replicated.part(Stack.ORDER_SERVICE).orElseThrow().command()).contains(
				"--marketplace.orders.catalog-service-url=http://127.0.0.1:8082,http://127.0.0.1:8182,http://127.0.0.1:8282");
	}

	@Test
	void startsEachGatewayOnItsOwnPortsWithTheOneSigningKeyAndTheServicesOfTheFirst() {
		Stack replicated = new Stack(StackConfig.fromEnvironment(Path.of("/opt/marketplace"), Map.of()),
				Stack.Startup.EXECUTABLE_JAR, Replicas.parse("gateway=2,catalog-service=2"));

		assertThat(replicated.services()).extracting(Part::name).endsWith(Stack.GATEWAY, "gateway-2");
		Part first = replicated.part(Stack.GATEWAY).orElseThrow();
		Part second = replicated.part("gateway-2").orElseThrow();
		assertThat(second.ports()).containsExactly(8180, 8190);
		assertThat(second.command()).contains(Stack.PART_MARKER + "gateway-2", "--server.port=8180",
				"--management.server.port=8190", "-Dlogging.file.name=/opt/marketplace/.data/logs/gateway-2.log",
				"--marketplace.gateway.management.gateway=http://127.0.0.1:8090,http://127.0.0.1:8190",
				"--marketplace.gateway.services.catalog-service=http://127.0.0.1:8082,http://127.0.0.1:8182");
		// One key and one generated admin password for all: tokens of one gateway are
		// good
		// at every other.
		assertThat(second.command())
			.filteredOn((argument) -> argument.startsWith("--marketplace.identity.signing-key-file=")
					|| argument.startsWith("--marketplace.admin.password-file="))
			.hasSize(2)
			.allSatisfy((argument) -> assertThat(first.command()).contains(argument));
		// The services fetch the (shared) key from any gateway that answers.
		assertThat(replicated.part(Stack.CATALOG_SERVICE).orElseThrow().command())
			.contains("--marketplace.security.jwks-uri=http://127.0.0.1:8080/.well-known/jwks.json,"
					+ "http://127.0.0.1:8180/.well-known/jwks.json");
	}

	@Test
	void letsTheServicesRollTheirOwnLogsAndLeavesTheInfrastructureOnItsConsole() {
		for (String name : List.of(Stack.ARTISAN_SERVICE, Stack.CATALOG_SERVICE, Stack.ORDER_SERVICE, Stack.GATEWAY)) {
			Part part = this.stack.part(name).orElseThrow();
			assertThat(part.rollsOwnLog()).as(name).isTrue();
			assertThat(part.command()).as(name)
				.contains("-Dlogging.file.name=/opt/marketplace/.data/logs/" + name + ".log",
						"-Dlogging.logback.rollingpolicy.max-file-size=10MB", "-Dlogging.threshold.console=OFF");
			// JVM options, so before the jar
			assertThat(part.command().indexOf("-Dlogging.threshold.console=OFF")).as(name)
				.isLessThan(part.command().indexOf("-jar"));
		}
		for (String name : List.of(Stack.MONGO, Stack.KAFKA)) {
			Part part = this.stack.part(name).orElseThrow();
			assertThat(part.rollsOwnLog()).as(name).isFalse();
			assertThat(part.command()).as(name).noneMatch((argument) -> argument.startsWith("-Dlogging."));
		}
	}

	@Test
	void runsTheServicesAndTheGatewayInSpringAotModeButNotTheInfrastructure() {
		for (String name : List.of(Stack.ARTISAN_SERVICE, Stack.CATALOG_SERVICE, Stack.ORDER_SERVICE, Stack.GATEWAY)) {
			List<String> command = this.stack.part(name).orElseThrow().command();
			assertThat(command).as(name).contains("-Dspring.aot.enabled=true");
			assertThat(command.indexOf("-Dspring.aot.enabled=true")).as(name).isLessThan(command.indexOf("-jar"));
		}
		for (String name : List.of(Stack.MONGO, Stack.KAFKA)) {
			assertThat(this.stack.part(name).orElseThrow().command()).as(name)
				.doesNotContain("-Dspring.aot.enabled=true");
		}
	}

	@Test
	void endsEveryPartThatRunsOutOfHeap() {
		for (Part part : this.stack.parts()) {
			List<String> command = part.command();
			int main = Math.max(command.indexOf("-jar"), command.indexOf("-cp"));
			assertThat(main).as(part.name()).isPositive();
			assertThat(command.subList(0, main)).as(part.name()).contains("-XX:+ExitOnOutOfMemoryError");
		}
	}

	@Test
	void bindsEachManagementPortToLoopback() {
		for (String name : List.of(Stack.ARTISAN_SERVICE, Stack.CATALOG_SERVICE, Stack.ORDER_SERVICE, Stack.GATEWAY)) {
			Part part = this.stack.part(name).orElseThrow();
			assertThat(part.ports()).as(name).hasSize(2);
			assertThat(part.command()).as(name)
				.contains("--management.server.port=" + part.ports().get(1), "--management.server.address=127.0.0.1");
		}
	}

	@Test
	void passesEachPartOnlyTheSettingsItReads() {
		Map<String, String> launcher = Map.of("PATH", "/usr/bin", "MARKETPLACE_ADMIN_PASSWORD", "secret",
				"MARKETPLACE_DATA_DIR", "/srv/data", "MARKETPLACE_ORDERS_MAX_OPEN_ORDERS_PER_BUYER", "50",
				"MARKETPLACE_CATALOG_IMAGES_QUOTA_IMAGES", "100", "MARKETPLACE_OUTBOX_BATCH_SIZE", "64");

		assertThat(this.stack.part(Stack.GATEWAY).orElseThrow().environment(launcher)).containsOnlyKeys("PATH",
				"MARKETPLACE_ADMIN_PASSWORD");
		assertThat(this.stack.part(Stack.ORDER_SERVICE).orElseThrow().environment(launcher)).containsOnlyKeys("PATH",
				"MARKETPLACE_ORDERS_MAX_OPEN_ORDERS_PER_BUYER", "MARKETPLACE_OUTBOX_BATCH_SIZE");
		assertThat(this.stack.part(Stack.CATALOG_SERVICE).orElseThrow().environment(launcher)).containsOnlyKeys("PATH",
				"MARKETPLACE_CATALOG_IMAGES_QUOTA_IMAGES", "MARKETPLACE_OUTBOX_BATCH_SIZE");
		assertThat(this.stack.part(Stack.MONGO).orElseThrow().environment(launcher)).containsOnlyKeys("PATH");
	}

	@Test
	void knowsWhichArtifactsAreMissing() {
		assertThat(this.stack.missingArtifacts()).contains(Path.of("/opt/marketplace/gateway/target/gateway.jar"),
				Path.of("/opt/marketplace/embedded-infra/target/lib"));
	}

}
