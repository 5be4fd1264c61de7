package com.artisanmarket.launcher;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The marketplace's parts and how each is started. The single place that knows the
 * command lines, so that {@code ./marketplace up} and the full-stack test harness start
 * the marketplace the same way.
 */
public final class Stack {

	/** Marks our processes on their command line, so {@code down} stops only ours. */
	static final String PART_MARKER = "-Dmarketplace.part=";

	static final String HOME_MARKER = "-Dmarketplace.home=";

	public static final String MONGO = "mongo";

	public static final String KAFKA = "kafka";

	public static final String ARTISAN_SERVICE = "artisan-service";

	public static final String CATALOG_SERVICE = "catalog-service";

	public static final String ORDER_SERVICE = "order-service";

	public static final String GATEWAY = "gateway";

	/** Heap of each service and the gateway: their live data is well under 100 MB. */
	private static final Heap SERVICE_HEAP = new Heap("96m", "256m");

	/** What the services share: event consumption, the outbox, token checks. */
	private static final List<String> SHARED_SETTINGS = List.of("MARKETPLACE_EVENTS_", "MARKETPLACE_OUTBOX_",
			"MARKETPLACE_SECURITY_");

	/**
	 * The {@code MARKETPLACE_*} settings each Spring Boot part reads (the prefixes of its
	 * {@code @ConfigurationProperties}); the others are not passed to it.
	 */
	private static final Map<String, List<String>> SERVICE_SETTINGS = Map.of(ARTISAN_SERVICE, SHARED_SETTINGS,
			CATALOG_SERVICE, concat(SHARED_SETTINGS, "MARKETPLACE_CATALOG_", "MARKETPLACE_SEARCH_"), ORDER_SERVICE,
			concat(SHARED_SETTINGS, "MARKETPLACE_ORDERS_"), GATEWAY,
			List.of("MARKETPLACE_GATEWAY_", "MARKETPLACE_IDENTITY_", "MARKETPLACE_ADMIN_"));

	private final StackConfig config;

	private final Startup startup;

	private final Replicas replicas;

	public Stack(StackConfig config) {
		this(config, Startup.EXECUTABLE_JAR);
	}

	public Stack(StackConfig config, Startup startup) {
		this(config, startup, Replicas.ONE_EACH);
	}

	/**
	 * @param config where and on which ports
	 * @param startup how the parts start (see {@link Startup})
	 * @param replicas how many instances of each service
	 */
	public Stack(StackConfig config, Startup startup, Replicas replicas) {
		this.config = config;
		this.startup = startup;
		this.replicas = replicas;
	}

	public Replicas replicas() {
		return this.replicas;
	}

	public StackConfig config() {
		return this.config;
	}

	/** Parts that must be ready before the services start. */
	public List<Part> infrastructure() {
		return List.of(mongo(), kafka());
	}

	/**
	 * The services' instances (each service's first one named as the service), then the
	 * gateway's.
	 */
	public List<Part> services() {
		StackConfig.Ports ports = this.config.ports();
		List<Part> parts = new ArrayList<>();
		parts.addAll(instances(ARTISAN_SERVICE, ports.artisanService(), ports.artisanServiceManagement(), "artisans",
				List.of()));
		parts.addAll(instances(CATALOG_SERVICE, ports.catalogService(), ports.catalogServiceManagement(), "catalog",
				List.of("--marketplace.catalog.artisan-service-url=" + urls(ARTISAN_SERVICE, ports.artisanService()))));
		parts.addAll(instances(ORDER_SERVICE, ports.orderService(), ports.orderServiceManagement(), "orders",
				List.of("--marketplace.orders.catalog-service-url=" + urls(CATALOG_SERVICE, ports.catalogService()))));
		IntStream.range(0, this.replicas.of(GATEWAY))
			.mapToObj((i) -> gateway(i, Replicas.port(ports.gateway(), i), Replicas.port(ports.gatewayManagement(), i)))
			.forEach(parts::add);
		return parts;
	}

	private List<Part> instances(String service, int port, int managementPort, String database,
			List<String> arguments) {
		return IntStream.range(0, this.replicas.of(service))
			.mapToObj((i) -> service(service, i, Replicas.port(port, i), Replicas.port(managementPort, i), database)
				.withArguments(arguments))
			.toList();
	}

	/**
	 * The part name of a service's instance {@code index} (from 0): the service's own for
	 * the first.
	 */
	static String instanceName(String service, int index) {
		return (index == 0) ? service : service + "-" + (index + 1);
	}

	/** Every instance's base URL, separated by commas, for the gateway. */
	private String urls(String service, int port) {
		return urls(service, port, "");
	}

	/** Every instance's address, with the given path, separated by commas. */
	private String urls(String part, int port, String path) {
		return IntStream.range(0, this.replicas.of(part))
			.mapToObj((i) -> local(Replicas.port(port, i)) + path)
			.collect(Collectors.joining(","));
	}

	/** Every part, in start order. */
	public List<Part> parts() {
		List<Part> parts = new ArrayList<>(infrastructure());
		parts.addAll(services());
		return parts;
	}

	public Optional<Part> part(String name) {
		return parts().stream().filter((part) -> part.name().equals(name)).findFirst();
	}

	/** The jars and folders a start needs; missing ones mean the build has not run. */
	public List<Path> artifacts() {
		List<Path> artifacts = new ArrayList<>(List.of(infraJar(), infraLib()));
		for (String service : List.of(ARTISAN_SERVICE, CATALOG_SERVICE, ORDER_SERVICE, GATEWAY)) {
			artifacts.add(serviceJar(service));
		}
		return artifacts;
	}

	/**
	 * Extracts each service's executable jar for the startup cache, where this build's is
	 * not extracted yet, and makes the folder of the embedded servers' caches.
	 */
	public void prepareStartupCache() {
		for (String service : List.of(ARTISAN_SERVICE, CATALOG_SERVICE, ORDER_SERVICE, GATEWAY)) {
			new StartupCache(this.config.java(), serviceJar(service)).prepare();
		}
		Stream.of(MONGO, KAFKA).forEach((part) -> infraStartupCache(part).prepare());
	}

	/**
	 * Whether a part's startup cache is still to be recorded for this build (see
	 * {@link Startup#CACHED_AND_RECORDING}).
	 */
	public boolean isStartupCacheMissing() {
		return Stream.of(ARTISAN_SERVICE, CATALOG_SERVICE, ORDER_SERVICE, GATEWAY)
			.anyMatch((service) -> new StartupCache(this.config.java(), serviceJar(service)).isMissing())
				|| Stream.of(MONGO, KAFKA).anyMatch((part) -> infraStartupCache(part).isMissing());
	}

	/**
	 * The startup cache of MongoDB's or Kafka's embedded server: each has its own, from
	 * the same class path.
	 */
	private StartupCache infraStartupCache(String part) {
		return StartupCache.forClassPath(part, infraJar(), infraLib());
	}

	public List<Path> missingArtifacts() {
		return artifacts().stream().filter((path) -> !Files.exists(path)).toList();
	}

	private Part mongo() {
		int port = this.config.ports().mongo();
		Path readyFile = readyFile(MONGO);
		// The wire server keeps every database's working set in its heap and scans for
		// queries (it ignores non-unique indexes): a 100,000-product catalogue needs
		// room.
		List<String> command = infraCommand(MONGO, "com.artisanmarket.infra.mongo.MongoServerMain",
				new Heap("256m", "1536m"));
		command.addAll(List.of("--port", Integer.toString(port), "--file",
				this.config.dataDir().resolve("mongo").resolve("marketplace.mv").toString(), "--ready-file",
				readyFile.toString()));
		return new Part(MONGO, List.of(port), command, new Part.ReadyFile(readyFile), List.of(), false);
	}

	private Part kafka() {
		int port = this.config.ports().kafka();
		int controllerPort = this.config.ports().kafkaController();
		Path readyFile = readyFile(KAFKA);
		List<String> command = infraCommand(KAFKA, "com.artisanmarket.infra.kafka.KafkaServerMain",
				new Heap("128m", "320m"));
		command.addAll(List.of("--port", Integer.toString(port), "--controller-port", Integer.toString(controllerPort),
				"--log-dir", this.config.dataDir().resolve("kafka").toString(), "--ready-file", readyFile.toString()));
		return new Part(KAFKA, List.of(port, controllerPort), command, new Part.ReadyFile(readyFile), List.of(), false);
	}

	private Part service(String service, int index, int port, int managementPort, String database) {
		String name = instanceName(service, index);
		List<String> command = serviceCommand(service, name, managementPort, index == 0);
		command.addAll(List.of("--server.port=" + port, "--spring.mongodb.uri=" + this.config.mongoUri(database),
				"--spring.kafka.bootstrap-servers=" + this.config.kafkaBootstrapServers(),
				"--marketplace.security.jwks-uri="
						+ urls(GATEWAY, this.config.ports().gateway(), "/.well-known/jwks.json")));
		return new Part(name, List.of(port, managementPort), command, httpReadiness(managementPort),
				SERVICE_SETTINGS.get(service), true);
	}

	/**
	 * Instance {@code index} (from 0) of the gateway, on the given ports. Every instance
	 * signs with the one key in the data directory and keeps its sign-in throttles in
	 * MongoDB, so any of them may answer any call.
	 */
	private Part gateway(int index, int port, int managementPort) {
		StackConfig.Ports ports = this.config.ports();
		String name = instanceName(GATEWAY, index);
		List<String> command = serviceCommand(GATEWAY, name, managementPort, index == 0);
		command.addAll(List.of("--server.port=" + port, "--spring.mongodb.uri=" + this.config.mongoUri("identity"),
				"--spring.kafka.bootstrap-servers=" + this.config.kafkaBootstrapServers(),
				"--marketplace.gateway.services.artisan-service=" + urls(ARTISAN_SERVICE, ports.artisanService()),
				"--marketplace.gateway.services.catalog-service=" + urls(CATALOG_SERVICE, ports.catalogService()),
				"--marketplace.gateway.services.order-service=" + urls(ORDER_SERVICE, ports.orderService()),
				"--marketplace.gateway.management.artisan-service="
						+ urls(ARTISAN_SERVICE, ports.artisanServiceManagement()),
				"--marketplace.gateway.management.catalog-service="
						+ urls(CATALOG_SERVICE, ports.catalogServiceManagement()),
				"--marketplace.gateway.management.order-service=" + urls(ORDER_SERVICE, ports.orderServiceManagement()),
				"--marketplace.gateway.management.gateway=" + urls(GATEWAY, ports.gatewayManagement()),
				"--marketplace.identity.signing-key-file=" + gatewayData().resolve("signing-key.pem"),
				"--marketplace.admin.password-file=" + adminPasswordFile()));
		return new Part(name, List.of(port, managementPort), command, httpReadiness(managementPort),
				SERVICE_SETTINGS.get(GATEWAY), true);
	}

	private List<String> infraCommand(String name, String mainClass, Heap heap) {
		List<String> command = javaCommand(name, heap);
		if (this.startup != Startup.EXECUTABLE_JAR) {
			command.addAll(infraStartupCache(name).options(this.startup == Startup.CACHED_AND_RECORDING));
		}
		command.addAll(List.of("-cp", infraJar() + File.pathSeparator + infraLib().resolve("*"), mainClass));
		return command;
	}

	/**
	 * @param service whose jar runs
	 * @param name the part's name (the service's, or its instance's)
	 * @param recordCache whether this instance may record the startup cache when it is
	 * missing (one instance per jar, so that two never write it at once)
	 */
	private List<String> serviceCommand(String service, String name, int managementPort, boolean recordCache) {
		List<String> command = javaCommand(name, SERVICE_HEAP);
		// Spring Boot writes the log and rolls it over at 10 MB, gzipping what it rolls
		// and
		// keeping at most 100 MB of those per part; the console (only the JVM's own
		// messages then) goes to <part>.out. A log written through the console grew
		// without bound: 32 MB for catalog-service after 100,000 imported products.
		command.addAll(List.of("-Dlogging.file.name=" + this.config.logDir().resolve(name + ".log"),
				"-Dlogging.logback.rollingpolicy.max-file-size=10MB",
				"-Dlogging.logback.rollingpolicy.total-size-cap=100MB", "-Dlogging.threshold.console=OFF"));
		// Built with Spring AOT (process-aot): the bean definitions as generated code, so
		// each starts on about a fifth less CPU, with no configuration classes to parse
		// and no conditions to evaluate. Conditions were evaluated when it was built, so
		// a property that switches a bean on or off (a spring.* or management.* setting,
		// a profile) counts only at build time; values are still read at start.
		command.add("-Dspring.aot.enabled=true");
		if (this.startup != Startup.EXECUTABLE_JAR) {
			command.addAll(new StartupCache(this.config.java(), serviceJar(service))
				.command(recordCache && this.startup == Startup.CACHED_AND_RECORDING));
		}
		else {
			command.addAll(List.of("-jar", serviceJar(service).toString()));
		}
		command.add("--server.address=127.0.0.1");
		command.add("--management.server.port=" + managementPort);
		command.add("--management.server.address=127.0.0.1");
		return command;
	}

	/**
	 * A part's JVM. One that runs out of heap exits, as the container images do: after an
	 * OutOfMemoryError a thread may have died half-way (a Kafka consumer, the wire
	 * server's store writing a commit), and a part that keeps its port open while it no
	 * longer works keeps every client waiting, where an exited one shows as stopped in
	 * {@code ./marketplace status} and starts again with {@code ./marketplace up}.
	 */
	private List<String> javaCommand(String name, Heap heap) {
		return new ArrayList<>(List.of(this.config.java().toString(), PART_MARKER + name,
				HOME_MARKER + this.config.dataDir(), "-Xms" + heap.initial(), "-Xmx" + heap.max(), "-XX:+UseSerialGC",
				"-Xss512k", "-XX:+ExitOnOutOfMemoryError"));
	}

	/**
	 * A part's heap: it starts at {@code initial} and grows up to {@code max} as needed.
	 * The JVM's default initial heap (1/64 of this machine's memory, 384 MB) kept every
	 * part at its maximum from the start; a much smaller start (32 MB) made the young
	 * generation so small that the wire server collected 80 times a minute and paused 4 s
	 * in a full collection under load.
	 */
	private record Heap(String initial, String max) {

	}

	/**
	 * Where the gateway writes the admin password it generates when
	 * {@code MARKETPLACE_ADMIN_PASSWORD} is unset.
	 */
	public Path adminPasswordFile() {
		return gatewayData().resolve("admin-password");
	}

	private Path gatewayData() {
		return this.config.dataDir().resolve("gateway");
	}

	private Path infraJar() {
		return this.config.root().resolve("embedded-infra/target/embedded-infra.jar");
	}

	private Path infraLib() {
		return this.config.root().resolve("embedded-infra/target/lib");
	}

	private Path serviceJar(String name) {
		return this.config.root().resolve(name).resolve("target").resolve(name + ".jar");
	}

	private Path readyFile(String name) {
		return this.config.runDir().resolve(name + ".ready");
	}

	private static List<String> concat(List<String> shared, String... own) {
		List<String> all = new ArrayList<>(shared);
		all.addAll(List.of(own));
		return List.copyOf(all);
	}

	private static Part.HttpOk httpReadiness(int port) {
		return new Part.HttpOk(URI.create(local(port) + "/actuator/health/readiness"));
	}

	private static String local(int port) {
		return "http://127.0.0.1:" + port;
	}

	/** How the parts start. */
	public enum Startup {

		/** The services from their executable jars, nothing with a startup cache. */
		EXECUTABLE_JAR,

		/**
		 * The services from their extracted jars, every part with the JDK AOT cache of
		 * this build when there is one (see {@link StartupCache}); never recording it, so
		 * that processes which are killed, or many stacks at once, never write it.
		 */
		CACHED,

		/**
		 * As {@link #CACHED}, the first instance of each part recording the cache when
		 * this build has none ({@code ./marketplace up}).
		 */
		CACHED_AND_RECORDING

	}

}
