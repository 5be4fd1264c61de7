package com.artisanmarket.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.artisanmarket.launcher.Part;
import com.artisanmarket.launcher.Stack;
import com.artisanmarket.launcher.StackConfig;
import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Docker engine runs where this suite runs, so docker-compose.yml is checked
 * statically: it parses, every part has an image or a build whose Dockerfile exists, and
 * every setting the local launcher gives a service is given to it in compose too.
 */
class ComposeFileTests {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private static final List<String> SERVICES = List.of(Stack.ARTISAN_SERVICE, Stack.CATALOG_SERVICE,
			Stack.ORDER_SERVICE, Stack.GATEWAY);

	private final Map<String, Object> compose = load(ROOT.resolve("docker-compose.yml"));

	@Test
	void definesEveryPartWithAnImageOrABuild() {
		Map<String, Object> services = map(this.compose, "services");

		assertThat(services).containsKeys("mongo", "kafka", "prometheus");
		assertThat(services).containsKeys(SERVICES.toArray(String[]::new));
		for (String name : services.keySet()) {
			assertThat(map(services, name)).as(name)
				.satisfiesAnyOf((service) -> assertThat(service).containsKey("image"),
						(service) -> assertThat(service).containsKey("build"));
		}
	}

	@Test
	void buildsEachServiceFromItsOwnDockerfileAndJar() throws IOException {
		Map<String, Object> services = map(this.compose, "services");
		for (String service : SERVICES) {
			Path context = ROOT.resolve(String.valueOf(map(services, service).get("build")));
			Path dockerfile = context.resolve("Dockerfile");
			assertThat(dockerfile).as(service).isRegularFile();
			assertThat(Files.readString(dockerfile)).as(service)
				.contains("COPY target/" + service + ".jar")
				.contains("ENTRYPOINT");
		}
	}

	@Test
	void givesEachServiceEverySettingTheLocalLauncherGivesIt() {
		Stack local = new Stack(StackConfig.fromEnvironment(ROOT, Map.of()));
		Map<String, Object> services = map(this.compose, "services");
		for (String service : SERVICES) {
			Part part = local.part(service).orElseThrow();
			Map<String, Object> environment = map(map(services, service), "environment");
			for (String setting : LauncherSettings.of(part)) {
				assertThat(environment).as("%s in compose sets %s", service, setting)
					.containsKey(LauncherSettings.environmentName(setting));
				assertThat(String.valueOf(environment.get(LauncherSettings.environmentName(setting)))).as(setting)
					.doesNotContain("127.0.0.1")
					.doesNotContain("localhost");
			}
		}
	}

	@Test
	void runsMongoDbAsAHealthCheckedReplicaSetAndKafkaInKraftMode() {
		Map<String, Object> services = map(this.compose, "services");
		Map<String, Object> mongo = map(services, "mongo");
		assertThat(String.valueOf(mongo.get("command"))).contains("--replSet");
		assertThat(mongo).containsKey("healthcheck");
		assertThat(String.valueOf(map(map(services, Stack.CATALOG_SERVICE), "environment").get("SPRING_MONGODB_URI")))
			.contains("replicaSet=rs0");

		Map<String, Object> kafka = map(map(services, "kafka"), "environment");
		assertThat(kafka.get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
		assertThat(map(services, "kafka")).containsKey("healthcheck");
		String clusterId = String.valueOf(kafka.get("CLUSTER_ID")).replaceAll("\\$\\{[A-Z_]+:-(.*)}", "$1");
		assertThat(Uuid.fromString(clusterId)).as("a valid Kafka cluster id").isNotNull();
	}

	@Test
	void givesEveryVariableADefault() throws IOException {
		Matcher variables = Pattern.compile("\\$\\{([^}]*)}")
			.matcher(Files.readString(ROOT.resolve("docker-compose.yml")));
		while (variables.find()) {
			// A secret has no default: compose refuses to start without it (":?").
			assertThat(variables.group(1)).as("${%s} has a default or is a required secret", variables.group(1))
				.containsAnyOf(":-", ":?");
		}
	}

	@Test
	void prometheusScrapesEveryService() throws IOException {
		String config = Files.readString(ROOT.resolve("ops/prometheus/prometheus.yml"));
		Map<String, Object> parsed = new Yaml().load(config);

		assertThat(parsed).containsKey("scrape_configs");
		assertThat(config).contains("/actuator/prometheus");
		for (String service : SERVICES) {
			assertThat(config).contains(service + ":");
		}
	}

	@Test
	void publishesMonitoringOnLoopbackOnlyAndNoManagementPort() {
		Map<String, Object> services = map(this.compose, "services");
		for (String monitoring : List.of("prometheus", "grafana", "jaeger")) {
			assertThat(ports(map(services, monitoring))).as(monitoring)
				.isNotEmpty()
				.allSatisfy((port) -> assertThat(port).startsWith("127.0.0.1:"));
		}
		for (String service : SERVICES) {
			Map<String, Object> environment = map(map(services, service), "environment");
			String management = String.valueOf(environment.get("MANAGEMENT_SERVER_PORT"));
			assertThat(ports(map(services, service))).as(service)
				.noneSatisfy((port) -> assertThat(port).endsWith(":" + management));
		}
		assertThat(ports(map(services, Stack.GATEWAY))).containsExactly("${MARKETPLACE_GATEWAY_PORT:-8080}:8080");
	}

	@Test
	void grafanaHasNoAnonymousViewerAndNoDefaultPassword() {
		Map<String, Object> grafana = map(map(map(this.compose, "services"), "grafana"), "environment");

		assertThat(String.valueOf(grafana.get("GF_AUTH_ANONYMOUS_ENABLED"))).isEqualTo("false");
		assertThat(String.valueOf(grafana.get("GF_SECURITY_ADMIN_PASSWORD"))).startsWith("${")
			.contains(":?")
			.doesNotContain(":-");
	}

	@Test
	void prometheusScrapesEachPartsManagementPort() throws IOException {
		String config = Files.readString(ROOT.resolve("ops/prometheus/prometheus.yml"));
		Map<String, Object> services = map(this.compose, "services");
		for (String service : SERVICES) {
			Object port = map(map(services, service), "environment").get("MANAGEMENT_SERVER_PORT");
			assertThat(port).as(service + " has a management port").isNotNull();
			assertThat(config).contains(service + ":" + port);
			assertThat(map(map(services, service), "environment").get("MANAGEMENT_SERVER_ADDRESS"))
				.as(service + "'s management port is reachable on the compose network only")
				.isEqualTo("0.0.0.0");
		}
	}

	/**
	 * Issue 19: compose knows when a service is ready, lets it finish its graceful
	 * shutdown (Spring Boot waits up to 30 s) and bounds its memory.
	 */
	@Test
	void checksEachServicesReadinessAndGivesItTimeToStopAndABoundedMemory() {
		Map<String, Object> services = map(this.compose, "services");
		for (String service : SERVICES) {
			Map<String, Object> definition = map(services, service);
			Object management = map(definition, "environment").get("MANAGEMENT_SERVER_PORT");
			assertThat(String.valueOf(map(definition, "healthcheck").get("test"))).as(service)
				.contains("/dev/tcp/127.0.0.1/" + management + " ")
				.contains("GET /actuator/health/readiness ")
				.contains("grep -q ' 200 '");
			String grace = String.valueOf(definition.get("stop_grace_period"));
			assertThat(grace).as(service).matches("\\d+s");
			assertThat(Integer.parseInt(grace.substring(0, grace.length() - 1))).as(service).isGreaterThan(30);
			assertThat(map(map(map(definition, "deploy"), "resources"), "limits")).as(service).containsKey("memory");
		}
	}

	@SuppressWarnings("unchecked")
	private static List<String> ports(Map<String, Object> service) {
		Object ports = service.get("ports");
		return (ports instanceof List<?> list) ? ((List<Object>) list).stream().map(String::valueOf).toList()
				: List.of();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Map<String, Object> parent, String key) {
		Object value = parent.get(key);
		assertThat(value).as(key).isInstanceOf(Map.class);
		return (Map<String, Object>) value;
	}

	private static Map<String, Object> load(Path file) {
		try {
			return new Yaml().load(Files.readString(file));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
