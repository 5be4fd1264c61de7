package com.artisanmarket.infra.kafka;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker: KRaft, one node that is both broker and controller,
 * listening on loopback only. Its storage is formatted on first start (when
 * {@code meta.properties} is missing) and kept across restarts.
 */
public final class EmbeddedKafka implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedKafka.class);

	private final KafkaRaftServer server;

	private final int port;

	private EmbeddedKafka(KafkaRaftServer server, int port) {
		this.server = server;
		this.port = port;
	}

	/**
	 * Formats the storage if needed, starts the broker and waits until it answers a
	 * client.
	 * @param logDir where the broker keeps its data
	 * @param port the client port (PLAINTEXT)
	 * @param controllerPort the KRaft controller port
	 * @return the running broker
	 */
	public static EmbeddedKafka start(Path logDir, int port, int controllerPort) {
		Properties properties = brokerProperties(logDir, port, controllerPort);
		formatIfNeeded(logDir, properties);
		KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
		server.startup();
		EmbeddedKafka kafka = new EmbeddedKafka(server, port);
		kafka.awaitClusterAnswers(Duration.ofSeconds(60));
		logger.info("Kafka broker ready on {} (data in {})", kafka.bootstrapServers(), logDir);
		return kafka;
	}

	static Properties brokerProperties(Path logDir, int port, int controllerPort) {
		Properties properties = new Properties();
		properties.putAll(Map.ofEntries(Map.entry("process.roles", "broker,controller"), Map.entry("node.id", "1"),
				Map.entry("controller.quorum.voters", "1@127.0.0.1:" + controllerPort),
				Map.entry("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort),
				Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port),
				Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
				Map.entry("controller.listener.names", "CONTROLLER"),
				Map.entry("inter.broker.listener.name", "PLAINTEXT"), Map.entry("log.dirs", logDir.toString()),
				Map.entry("num.partitions", "6"), Map.entry("offsets.topic.replication.factor", "1"),
				Map.entry("offsets.topic.num.partitions", "10"),
				Map.entry("transaction.state.log.replication.factor", "1"),
				Map.entry("transaction.state.log.min.isr", "1"),
				Map.entry("share.coordinator.state.topic.replication.factor", "1"),
				Map.entry("share.coordinator.state.topic.min.isr", "1"),
				Map.entry("group.initial.rebalance.delay.ms", "0"),
				// The log cleaner compacts the consumer offsets topic with a map it
				// allocates
				// on the heap at start: 128 MB by default, two thirds of this broker's
				// live
				// heap. 16 MB hold the offsets of 600,000 keys per pass.
				Map.entry("log.cleaner.dedupe.buffer.size", Integer.toString(16 * 1024 * 1024))));
		return properties;
	}

	private static void formatIfNeeded(Path logDir, Properties properties) {
		if (Files.exists(logDir.resolve("meta.properties"))) {
			return;
		}
		try {
			Files.createDirectories(logDir);
			Path config = Files.createTempFile("kafka-format", ".properties");
			try {
				try (var out = Files.newBufferedWriter(config)) {
					properties.store(out, "used once to format " + logDir);
				}
				String clusterId = Uuid.randomUuid().toString();
				PrintStream log = new PrintStream(System.out, true);
				int exit = StorageTool
					.execute(new String[] { "format", "--cluster-id", clusterId, "--config", config.toString() }, log);
				if (exit != 0) {
					throw new IllegalStateException("formatting Kafka storage in " + logDir + " failed with " + exit);
				}
			}
			finally {
				Files.deleteIfExists(config);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void awaitClusterAnswers(Duration timeout) {
		Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
				(int) timeout.toMillis());
		try (Admin admin = Admin.create(config)) {
			admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			close();
			throw new IllegalStateException("Kafka broker did not answer within " + timeout, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			close();
			throw new IllegalStateException("interrupted while waiting for Kafka", ex);
		}
	}

	public String bootstrapServers() {
		return "127.0.0.1:" + this.port;
	}

	@Override
	public void close() {
		this.server.shutdown();
		this.server.awaitShutdown();
	}

}
