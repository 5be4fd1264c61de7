package com.artisanmarket.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

import com.artisanmarket.events.Topics;
import com.artisanmarket.launcher.Part;
import com.artisanmarket.launcher.Stack;
import com.artisanmarket.launcher.StackConfig;
import com.google.gson.Gson;
import com.google.gson.JsonElement;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

import static com.artisanmarket.system.Kustomize.list;
import static com.artisanmarket.system.Kustomize.map;
import static com.artisanmarket.system.Kustomize.metadata;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 19: no cluster runs where this suite runs, so the manifests under
 * {@code deploy/kubernetes} are checked statically. Each overlay is rendered (see
 * {@link Kustomize}) and every Kubernetes object in it is read through the official
 * client's models, generated from the API's OpenAPI schemas (Kubernetes 1.32): a field
 * the API does not know, a required field missing or a value of the wrong type fails. The
 * operators' resources (Strimzi, the MongoDB Community Operator) have no schema here;
 * what the services rely on in them is checked by name. Then what the marketplace needs
 * of a cluster: probes on the actuator groups, memory bounds, a Service, a disruption
 * budget and an autoscaler for every part, every setting the local launcher gives a part,
 * the secrets as files and none committed, and Kafka and MongoDB as the services expect
 * them.
 */
class KubernetesManifestTests {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private static final Path KUBERNETES = ROOT.resolve("deploy/kubernetes");

	private static final List<String> PARTS = List.of(Stack.ARTISAN_SERVICE, Stack.CATALOG_SERVICE, Stack.ORDER_SERVICE,
			Stack.GATEWAY);

	private static final Map<String, Model> MODELS = Map.of("v1/Namespace",
			new Model(V1Namespace.class, V1Namespace::validateJsonElement), "v1/ConfigMap",
			new Model(V1ConfigMap.class, V1ConfigMap::validateJsonElement), "v1/Service",
			new Model(V1Service.class, V1Service::validateJsonElement), "apps/v1/Deployment",
			new Model(V1Deployment.class, V1Deployment::validateJsonElement), "policy/v1/PodDisruptionBudget",
			new Model(V1PodDisruptionBudget.class, V1PodDisruptionBudget::validateJsonElement),
			"autoscaling/v2/HorizontalPodAutoscaler",
			new Model(V2HorizontalPodAutoscaler.class, V2HorizontalPodAutoscaler::validateJsonElement),
			"networking.k8s.io/v1/Ingress", new Model(V1Ingress.class, V1Ingress::validateJsonElement));

	private static final Set<String> OPERATOR_KINDS = Set.of("kafka.strimzi.io/v1beta2/Kafka",
			"kafka.strimzi.io/v1beta2/KafkaNodePool", "kafka.strimzi.io/v1beta2/KafkaTopic",
			"mongodbcommunity.mongodb.com/v1/MongoDBCommunity");

	/** Created beside the manifests by whoever installs them, never committed. */
	private static final String SECRETS = "marketplace-secrets";

	@ParameterizedTest
	@ValueSource(strings = { "local", "production" })
	void everyObjectValidatesAgainstTheKubernetesApiSchemas(String overlay) throws IOException {
		List<Map<String, Object>> objects = render(overlay);
		// What was checked, to compare with `kubectl kustomize` where one runs.
		Path rendered = Path.of("target", "kubernetes", overlay + ".yaml");
		Files.createDirectories(rendered.getParent());
		Files.writeString(rendered, new Yaml().dumpAll(objects.iterator()));

		assertThat(objects).hasSizeGreaterThan(20);
		for (Map<String, Object> object : objects) {
			String type = object.get("apiVersion") + "/" + object.get("kind");
			if (MODELS.containsKey(type)) {
				validate(object);
			}
			else {
				assertThat(OPERATOR_KINDS).as("%s %s", type, metadata(object).get("name")).contains(type);
			}
		}
	}

	@Test
	void theSchemaCheckRefusesAnUnknownFieldAMissingOneAndAWrongType() {
		Map<String, Object> deployment = deployment(render("local"), Stack.ORDER_SERVICE);
		map(deployment.get("spec")).put("replica", 2);
		assertThatThrownBy(() -> validate(deployment)).hasMessageContaining("replica");

		Map<String, Object> nameless = deployment(render("local"), Stack.ORDER_SERVICE);
		container(nameless).remove("name");
		assertThatThrownBy(() -> validate(nameless)).hasMessageContaining("name");

		Map<String, Object> unbounded = deployment(render("local"), Stack.ORDER_SERVICE);
		map(map(container(unbounded).get("resources")).get("limits")).put("memory", "a lot");
		assertThatThrownBy(() -> validate(unbounded)).hasMessageContaining("a lot");
	}

	@ParameterizedTest
	@ValueSource(strings = { "local", "production" })
	void everyPartIsProbedOnItsActuatorGroupsBoundedInMemoryAndStoppedGracefully(String overlay) {
		List<Map<String, Object>> objects = render(overlay);
		for (String part : PARTS) {
			Map<String, Object> deployment = deployment(objects, part);
			Map<String, Object> container = container(deployment);
			String management = env(objects, container).get("MANAGEMENT_SERVER_PORT");
			assertThat(ports(container)).as(part).containsEntry("management", Integer.parseInt(management));
			for (String probe : List.of("startupProbe", "livenessProbe")) {
				assertThat(map(container.get(probe)).get("httpGet")).as(part + " " + probe)
					.isEqualTo(Map.of("path", "/actuator/health/liveness", "port", "management"));
			}
			// A service's pods stay in its Service while Kafka is down (the routing
			// group);
			// the gateway's readiness has no Kafka to begin with.
			String readiness = part.equals(Stack.GATEWAY) ? "readiness" : "routing";
			assertThat(map(container.get("readinessProbe")).get("httpGet")).as(part)
				.isEqualTo(Map.of("path", "/actuator/health/" + readiness, "port", "management"));

			Map<String, Object> resources = map(container.get("resources"));
			long requested = bytes(map(resources.get("requests")).get("memory"));
			long limit = bytes(map(resources.get("limits")).get("memory"));
			assertThat(requested).as(part).isPositive().isLessThanOrEqualTo(limit);
			// Measured locally: every part peaked under 820 MiB resident; the image gives
			// the heap 60 % of the limit, so the limit leaves the JVM room beyond its
			// heap.
			assertThat(limit).as(part).isGreaterThanOrEqualTo(768L << 20);

			Map<String, Object> pod = pod(deployment);
			// Spring Boot waits up to 30 s for requests in flight.
			assertThat((Integer) pod.get("terminationGracePeriodSeconds")).as(part).isGreaterThan(30);
			assertThat(map(pod.get("securityContext")).get("runAsNonRoot")).as(part).isEqualTo(true);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "local", "production" })
	void everyPartHasAServiceADisruptionBudgetAndAnAutoscaler(String overlay) {
		List<Map<String, Object>> objects = render(overlay);
		for (String part : PARTS) {
			Map<String, Object> deployment = deployment(objects, part);
			Map<String, Object> podLabels = map(
					metadata(map(map(deployment.get("spec")).get("template"))).get("labels"));
			assertThat(map(map(deployment.get("spec")).get("selector")).get("matchLabels")).as(part)
				.satisfies((selector) -> assertThat(podLabels).containsAllEntriesOf(map(selector)));

			Map<String, Object> service = object(objects, "Service", part);
			assertThat(podLabels).as(part).containsAllEntriesOf(map(map(service.get("spec")).get("selector")));
			Map<String, Integer> containerPorts = ports(container(deployment));
			for (Object element : list(map(service.get("spec")).get("ports"))) {
				Map<String, Object> port = map(element);
				assertThat(containerPorts).as(part).containsKey((String) port.get("targetPort"));
				assertThat(port.get("port")).as(part).isEqualTo(containerPorts.get(port.get("targetPort")));
			}

			// The operations panel's row per pod: a headless Service listing every pod's
			// management port, ready or not, which the gateways resolve at each read.
			Map<String, Object> instances = map(object(objects, "Service", part + "-instances").get("spec"));
			assertThat(instances).as(part)
				.containsEntry("clusterIP", "None")
				.containsEntry("publishNotReadyAddresses", true);
			assertThat(podLabels).as(part).containsAllEntriesOf(map(instances.get("selector")));
			Map<String, Object> management = map(list(instances.get("ports")).getFirst());
			assertThat(management.get("port")).as(part).isEqualTo(containerPorts.get("management"));
			assertThat(env(objects, container(deployment(objects, Stack.GATEWAY)))).as(part)
				.containsEntry("MARKETPLACE_GATEWAY_OPERATIONS_EVERY_ADDRESS", "true")
				.containsEntry("MARKETPLACE_GATEWAY_MANAGEMENT_" + part.toUpperCase(Locale.ROOT).replace('-', '_'),
						"http://" + part + "-instances:" + containerPorts.get("management"));

			Map<String, Object> budget = map(object(objects, "PodDisruptionBudget", part).get("spec"));
			assertThat(podLabels).as(part).containsAllEntriesOf(map(map(budget.get("selector")).get("matchLabels")));

			Map<String, Object> autoscaler = map(object(objects, "HorizontalPodAutoscaler", part).get("spec"));
			assertThat(map(autoscaler.get("scaleTargetRef"))).as(part)
				.containsEntry("kind", "Deployment")
				.containsEntry("name", part);
			int min = (Integer) autoscaler.get("minReplicas");
			int max = (Integer) autoscaler.get("maxReplicas");
			assertThat(min).as(part).isPositive().isLessThanOrEqualTo(max);
			if (overlay.equals("production")) {
				assertThat(min).as("%s keeps a second instance through a disruption", part).isGreaterThanOrEqualTo(2);
			}
			// The autoscaler owns the count; a replicas field would be reset at every
			// apply.
			assertThat(map(deployment.get("spec"))).as(part).doesNotContainKey("replicas");
		}

		Map<String, Object> rule = map(
				list(map(object(objects, "Ingress", "gateway").get("spec")).get("rules")).get(0));
		Map<String, Object> backend = map(
				map(map(list(map(rule.get("http")).get("paths")).get(0)).get("backend")).get("service"));
		assertThat(backend.get("name")).isEqualTo(Stack.GATEWAY);
		assertThat(ports(container(deployment(objects, Stack.GATEWAY))))
			.containsKey((String) map(backend.get("port")).get("name"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "local", "production" })
	void givesEachPartEverySettingTheLocalLauncherGivesIt(String overlay) {
		List<Map<String, Object>> objects = render(overlay);
		Stack local = new Stack(StackConfig.fromEnvironment(ROOT, Map.of()));
		for (String name : PARTS) {
			Part part = local.part(name).orElseThrow();
			Map<String, String> environment = env(objects, container(deployment(objects, name)));
			for (String setting : LauncherSettings.of(part)) {
				String variable = LauncherSettings.environmentName(setting);
				assertThat(environment).as("%s on Kubernetes sets %s", name, setting).containsKey(variable);
				assertThat(environment.get(variable)).as(setting)
					.doesNotContain("127.0.0.1")
					.doesNotContain("localhost");
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "local", "production" })
	void theGatewayReadsItsSecretsAsFilesAndNoSecretIsCommitted(String overlay) throws IOException {
		List<Map<String, Object>> objects = render(overlay);
		assertThat(objects).noneMatch((object) -> "Secret".equals(object.get("kind")));

		Map<String, Object> gateway = deployment(objects, Stack.GATEWAY);
		Map<String, Object> volume = first(pod(gateway).get("volumes"), (candidate) -> candidate.containsKey("secret"));
		assertThat(map(volume.get("secret")).get("secretName")).isEqualTo(SECRETS);
		Map<String, Object> mount = first(container(gateway).get("volumeMounts"),
				(candidate) -> candidate.get("name").equals(volume.get("name")));
		// Spring Boot reads each file of the mounted secret as the property it is named.
		assertThat(env(objects, container(gateway))).containsEntry("SPRING_CONFIG_IMPORT",
				"configtree:" + mount.get("mountPath") + "/");
		assertThat(mount.get("readOnly")).isEqualTo(true);
		String instructions = Files.readString(KUBERNETES.resolve("README.md"));
		assertThat(instructions).contains("create secret generic " + SECRETS)
			.contains("marketplace.identity.signing-key=")
			.contains("marketplace.admin.password=");
	}

	@ParameterizedTest
	@ValueSource(strings = { "local", "production" })
	void kafkaAndMongoDbComeFromTheirOperatorsAsTheServicesExpect(String overlay) throws IOException {
		List<Map<String, Object>> objects = render(overlay);
		boolean production = overlay.equals("production");

		Map<String, Object> kafka = object(objects, "Kafka", "marketplace-kafka");
		Map<String, Object> listener = map(list(map(map(kafka.get("spec")).get("kafka")).get("listeners")).get(0));
		Map<String, String> shared = map(object(objects, "ConfigMap", "marketplace-config").get("data")).entrySet()
			.stream()
			.collect(HashMap::new, (all, entry) -> all.put(entry.getKey(), String.valueOf(entry.getValue())),
					HashMap::putAll);
		assertThat(shared).containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS",
				"marketplace-kafka-kafka-bootstrap:" + listener.get("port"));
		Map<String, Object> pool = map(object(objects, "KafkaNodePool", "dual-role"));
		assertThat(map(metadata(pool).get("labels"))).containsEntry("strimzi.io/cluster", "marketplace-kafka");
		assertThat(map(pool.get("spec")).get("replicas")).isEqualTo(production ? 3 : 1);

		int mostInstances = objects.stream()
			.filter((object) -> "HorizontalPodAutoscaler".equals(object.get("kind")))
			.mapToInt((object) -> (Integer) map(object.get("spec")).get("maxReplicas"))
			.max()
			.orElseThrow();
		for (String topic : List.of(Topics.ARTISAN_EVENTS, Topics.CATALOG_EVENTS, Topics.ORDER_EVENTS)) {
			for (String name : List.of(topic, Topics.deadLetter(topic))) {
				Map<String, Object> spec = map(object(objects, "KafkaTopic", name).get("spec"));
				assertThat((Integer) spec.get("partitions")).as("%s: a partition for each instance", name)
					.isGreaterThanOrEqualTo(mostInstances)
					.isGreaterThanOrEqualTo(6);
				assertThat(spec.get("replicas")).as(name).isEqualTo(production ? 3 : 1);
				assertThat(map(spec.get("config")).get("min.insync.replicas")).as(name).isEqualTo(production ? 2 : 1);
			}
		}

		Map<String, Object> mongo = object(objects, "MongoDBCommunity", "marketplace-mongodb");
		Map<String, Object> mongoSpec = map(mongo.get("spec"));
		assertThat(mongoSpec).containsEntry("type", "ReplicaSet").containsEntry("members", production ? 3 : 1);
		Map<String, Object> user = map(list(mongoSpec.get("users")).get(0));
		// The operator writes the user's connection string into <resource>-<db>-<user>.
		String connectionSecret = metadata(mongo).get("name") + "-" + user.get("db") + "-" + user.get("name");
		Set<String> granted = new HashSet<>();
		for (Object role : list(user.get("roles"))) {
			if ("readWrite".equals(map(role).get("name"))) {
				granted.add((String) map(role).get("db"));
			}
		}
		Stack local = new Stack(StackConfig.fromEnvironment(ROOT, Map.of()));
		for (String name : PARTS) {
			Map<String, Object> uri = first(container(deployment(objects, name)).get("env"),
					(variable) -> "SPRING_MONGODB_URI".equals(variable.get("name")));
			assertThat(map(map(uri.get("valueFrom")).get("secretKeyRef"))).as(name)
				.containsEntry("name", connectionSecret)
				.containsEntry("key", "connectionString.standard");
			// That URI names the user's database (admin); each part names its own in its
			// configuration, and the user may write there.
			String database = database(local.part(name).orElseThrow());
			assertThat(granted).as(name).contains(database);
			assertThat(configuredDatabase(name)).as(name).isEqualTo(database);
		}
	}

	@Test
	void everyManifestFileIsPartOfAKustomization() throws IOException {
		Set<Path> used = new HashSet<>();
		for (String overlay : List.of("local", "production")) {
			collect(KUBERNETES.resolve("overlays").resolve(overlay), used);
		}
		try (Stream<Path> files = Files.walk(KUBERNETES)) {
			List<Path> manifests = files.filter((file) -> file.toString().endsWith(".yaml")).toList();
			assertThat(manifests).hasSizeGreaterThan(10);
			assertThat(used).containsAll(manifests);
		}
	}

	private static void collect(Path directory, Set<Path> used) {
		Path kustomization = directory.resolve("kustomization.yaml");
		used.add(kustomization);
		for (Object resource : list(Kustomize.documents(kustomization).get(0).get("resources"))) {
			Path path = directory.resolve((String) resource).normalize();
			if (Files.isDirectory(path)) {
				collect(path, used);
			}
			else {
				used.add(path);
			}
		}
	}

	private static List<Map<String, Object>> render(String overlay) {
		return Kustomize.render(KUBERNETES.resolve("overlays").resolve(overlay));
	}

	private static void validate(Map<String, Object> object) throws IOException {
		Model model = MODELS.get(object.get("apiVersion") + "/" + object.get("kind"));
		JsonElement json = new Gson().toJsonTree(object);
		model.check().validate(json);
		// Reading it as the model also checks the types the schema check leaves to it
		// (quantities such as memory limits, numbers, int-or-string ports).
		try {
			JSON.getGson().fromJson(json, model.type());
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException(
					object.get("kind") + " " + metadata(object).get("name") + ": " + ex.getMessage(), ex);
		}
	}

	private static Map<String, Object> object(List<Map<String, Object>> objects, String kind, String name) {
		List<Map<String, Object>> found = objects.stream()
			.filter((object) -> kind.equals(object.get("kind")) && name.equals(metadata(object).get("name")))
			.toList();
		assertThat(found).as("%s %s", kind, name).hasSize(1);
		return found.get(0);
	}

	private static Map<String, Object> deployment(List<Map<String, Object>> objects, String name) {
		return object(objects, "Deployment", name);
	}

	/** The first mapping of a YAML list that matches. */
	private static Map<String, Object> first(Object list, Predicate<Map<String, Object>> matching) {
		return list(list).stream().map(Kustomize::map).filter(matching).findFirst().orElseThrow();
	}

	private static Map<String, Object> pod(Map<String, Object> deployment) {
		return map(map(map(deployment.get("spec")).get("template")).get("spec"));
	}

	private static Map<String, Object> container(Map<String, Object> deployment) {
		List<Object> containers = list(pod(deployment).get("containers"));
		assertThat(containers).hasSize(1);
		return map(containers.get(0));
	}

	private static Map<String, Integer> ports(Map<String, Object> container) {
		Map<String, Integer> ports = new HashMap<>();
		for (Object port : list(container.get("ports"))) {
			ports.put((String) map(port).get("name"), (Integer) map(port).get("containerPort"));
		}
		return ports;
	}

	/**
	 * A container's environment: its ConfigMaps' entries, then its own variables (a
	 * value, or the reference it is read from).
	 */
	private static Map<String, String> env(List<Map<String, Object>> objects, Map<String, Object> container) {
		Map<String, String> environment = new HashMap<>();
		for (Object source : list(container.get("envFrom"))) {
			String name = (String) map(map(source).get("configMapRef")).get("name");
			map(object(objects, "ConfigMap", name).get("data"))
				.forEach((key, value) -> environment.put(key, String.valueOf(value)));
		}
		for (Object element : list(container.get("env"))) {
			Map<String, Object> variable = map(element);
			environment.put((String) variable.get("name"),
					String.valueOf(variable.containsKey("value") ? variable.get("value") : variable.get("valueFrom")));
		}
		return environment;
	}

	private static long bytes(Object quantity) {
		String value = String.valueOf(quantity);
		Map<String, Integer> shifts = Map.of("Ki", 10, "Mi", 20, "Gi", 30);
		for (Map.Entry<String, Integer> unit : shifts.entrySet()) {
			if (value.endsWith(unit.getKey())) {
				return Long.parseLong(value.substring(0, value.length() - 2)) << unit.getValue();
			}
		}
		return Long.parseLong(value);
	}

	/** The database the launcher's MongoDB URI for a part names. */
	private static String database(Part part) {
		String uri = part.command()
			.stream()
			.filter((argument) -> argument.startsWith("--spring.mongodb.uri="))
			.findFirst()
			.orElseThrow();
		return uri.substring(uri.lastIndexOf('/') + 1);
	}

	/** {@code spring.mongodb.database} in a part's own application.yml. */
	private static String configuredDatabase(String part) throws IOException {
		Map<String, Object> configuration = new Yaml()
			.load(Files.readString(ROOT.resolve(part).resolve("src/main/resources/application.yml")));
		return (String) map(map(configuration.get("spring")).get("mongodb")).get("database");
	}

	private record Model(Class<?> type, Check check) {
	}

	@FunctionalInterface
	private interface Check {

		void validate(JsonElement json) throws IOException;

	}

}
