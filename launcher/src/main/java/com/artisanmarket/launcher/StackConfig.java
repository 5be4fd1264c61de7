package com.artisanmarket.launcher;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the marketplace lives on disk and which ports it uses. Every value can be set
 * through a {@code MARKETPLACE_*} environment variable; the defaults are the ports of
 * docs/architecture.md, 'Parts and ownership'.
 *
 * @param root the project's top-level directory (holds the built jars)
 * @param dataDir data, logs and pid files of this stack
 * @param ports the ports of every part
 * @param java the java executable that starts the parts
 */
public record StackConfig(Path root, Path dataDir, Ports ports, Path java) {

	public static StackConfig fromEnvironment(Path root, Map<String, String> env) {
		Path dataDir = Path.of(env.getOrDefault("MARKETPLACE_DATA_DIR", root.resolve(".data").toString()));
		Ports ports = new Ports(port(env, "MARKETPLACE_GATEWAY_PORT", 8080),
				port(env, "MARKETPLACE_ARTISAN_SERVICE_PORT", 8081),
				port(env, "MARKETPLACE_CATALOG_SERVICE_PORT", 8082), port(env, "MARKETPLACE_ORDER_SERVICE_PORT", 8083),
				port(env, "MARKETPLACE_KAFKA_PORT", 9092), port(env, "MARKETPLACE_KAFKA_CONTROLLER_PORT", 9093),
				port(env, "MARKETPLACE_MONGO_PORT", 27017), port(env, "MARKETPLACE_GATEWAY_MANAGEMENT_PORT", 8090),
				port(env, "MARKETPLACE_ARTISAN_SERVICE_MANAGEMENT_PORT", 8091),
				port(env, "MARKETPLACE_CATALOG_SERVICE_MANAGEMENT_PORT", 8092),
				port(env, "MARKETPLACE_ORDER_SERVICE_MANAGEMENT_PORT", 8093));
		return new StackConfig(root.toAbsolutePath(), dataDir.toAbsolutePath(), ports, currentJava());
	}

	public static Path currentJava() {
		return ProcessHandle.current().info().command().map(Path::of).orElse(Path.of("java"));
	}

	private static int port(Map<String, String> env, String name, int defaultPort) {
		String value = env.get(name);
		if (value == null || value.isBlank()) {
			return defaultPort;
		}
		try {
			int port = Integer.parseInt(value.trim());
			if (port < 1 || port > 65535) {
				throw new NumberFormatException();
			}
			return port;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(name + "=" + value + " is not a port number (1-65535)");
		}
	}

	public Path logDir() {
		return this.dataDir.resolve("logs");
	}

	public Path runDir() {
		return this.dataDir.resolve("run");
	}

	public String mongoUri(String database) {
		return "mongodb://127.0.0.1:" + this.ports.mongo() + "/" + database;
	}

	public String kafkaBootstrapServers() {
		return "127.0.0.1:" + this.ports.kafka();
	}

	/**
	 * The ports of every part. Each service and the gateway also has a management port
	 * (Actuator: metrics, health details, operations), bound to loopback, so that nothing
	 * operational is served on the public port.
	 */
	public record Ports(int gateway, int artisanService, int catalogService, int orderService, int kafka,
			int kafkaController, int mongo, int gatewayManagement, int artisanServiceManagement,
			int catalogServiceManagement, int orderServiceManagement) {

	}

}
