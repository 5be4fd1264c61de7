package com.artisanmarket.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
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
	void prometheusScrapesEveryInstanceOfEveryService() throws IOException {
		String config = Files.readString(ROOT.resolve("ops/prometheus/prometheus.yml"));

		assertThat(config).contains("metrics_path: /actuator/prometheus");
		// Found by name on the compose network: every replica's address, not one.
		assertThat(scrapedPorts().keySet()).containsExactlyInAnyOrderElementsOf(SERVICES);
	}

	/** Issue 19: each service runs as several replicas, two unless told otherwise. */
	@Test
	void runsEachServiceAsSeveralReplicasAndTheGatewayOnce() {
		Map<String, Object> services = map(this.compose, "services");
		for (String service : List.of(Stack.ARTISAN_SERVICE, Stack.CATALOG_SERVICE, Stack.ORDER_SERVICE)) {
			Map<String, Object> deploy = map(map(services, service), "deploy");
			assertThat(String.valueOf(deploy.get("replicas"))).as(service)
				.isEqualTo("${" + service.toUpperCase(Locale.ROOT).replace('-', '_') + "_REPLICAS:-2}");
			assertThat(map(services, service)).as("%s replicas publish no port", service).doesNotContainKey("ports");
			assertThat(map(services, service)).doesNotContainKey("container_name");
		}
		assertThat(map(map(services, Stack.GATEWAY), "deploy")).doesNotContainKey("replicas");
		// The operations panel asks every replica a service name resolves to.
		assertThat(map(map(services, Stack.GATEWAY), "environment"))
			.containsEntry("MARKETPLACE_GATEWAY_OPERATIONS_EVERY_ADDRESS", "true");
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
		Map<String, Integer> scraped = scrapedPorts();
		Map<String, Object> services = map(this.compose, "services");
		for (String service : SERVICES) {
			Object port = map(map(services, service), "environment").get("MANAGEMENT_SERVER_PORT");
			assertThat(port).as(service + " has a management port").isNotNull();
			assertThat(scraped.get(service)).as(service).isEqualTo(Integer.parseInt(String.valueOf(port)));
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

	/** The names Prometheus looks up on the compose network, with the port it scrapes. */
	@SuppressWarnings("unchecked")
	private static Map<String, Integer> scrapedPorts() throws IOException {
		Map<String, Object> config = new Yaml().load(Files.readString(ROOT.resolve("ops/prometheus/prometheus.yml")));
		Map<String, Integer> ports = new TreeMap<>();
		for (Object job : (List<Object>) config.get("scrape_configs")) {
			for (Object lookup : (List<Object>) ((Map<String, Object>) job).getOrDefault("dns_sd_configs", List.of())) {
				Map<String, Object> entry = (Map<String, Object>) lookup;
				assertThat(entry.get("type")).isEqualTo("A");
				((List<String>) entry.get("names")).forEach((name) -> ports.put(name, (Integer) entry.get("port")));
			}
		}
		return ports;
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
