package com.artisanmarket.testsupport;

import java.nio.file.Path;
import java.util.Locale;

import com.artisanmarket.launcher.FreePorts;
import com.artisanmarket.infra.kafka.EmbeddedKafka;
import com.artisanmarket.infra.mongo.EmbeddedMongo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The Kafka broker and MongoDB server that integration tests run against, started once
 * per test JVM: real {@code mongo} and {@code apache/kafka} containers when a Docker
 * engine answers, the embedded pair otherwise. The system property
 * {@code marketplace.test.infra} ({@code containers}, {@code embedded} or {@code auto})
 * overrides the choice. Tests see only a MongoDB URI and Kafka bootstrap servers, so the
 * same tests run either way.
 */
public abstract sealed class TestInfrastructure permits TestInfrastructure.Containers, TestInfrastructure.Embedded {

	public static final String MODE_PROPERTY = "marketplace.test.infra";

	static final String MONGO_IMAGE = "mongo:8.0";

	static final String KAFKA_IMAGE = "apache/kafka:4.1.1";

	private static final Logger logger = LoggerFactory.getLogger(TestInfrastructure.class);

	private static TestInfrastructure instance;

	/** The infrastructure of this test JVM, started on first use. */
	public static synchronized TestInfrastructure get() {
		if (instance == null) {
			instance = start(Mode.resolve(System.getProperty(MODE_PROPERTY, "auto")));
			Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "test-infrastructure-stop"));
		}
		return instance;
	}

	private static TestInfrastructure start(Mode mode) {
		logger.info("Starting test infrastructure: {}", mode);
		return (mode == Mode.CONTAINERS) ? new Containers() : new Embedded();
	}

	/** A MongoDB connection string without a database name. */
	public abstract String mongoUri();

	public abstract String kafkaBootstrapServers();

	public abstract Mode mode();

	abstract void stop();

	/** Which infrastructure tests run against. */
	public enum Mode {

		CONTAINERS, EMBEDDED;

		static Mode resolve(String requested) {
			return switch (requested.trim().toLowerCase(Locale.ROOT)) {
				case "containers" -> CONTAINERS;
				case "embedded" -> EMBEDDED;
				case "auto", "" -> dockerAvailable() ? CONTAINERS : EMBEDDED;
				default -> throw new IllegalArgumentException(
						MODE_PROPERTY + "=" + requested + ": expected containers, embedded or auto");
			};
		}

		private static boolean dockerAvailable() {
			try {
				return DockerClientFactory.instance().isDockerAvailable();
			}
			catch (RuntimeException ex) {
				return false;
			}
		}

	}

	static final class Containers extends TestInfrastructure {

		private final MongoDBContainer mongo = new MongoDBContainer(MONGO_IMAGE).withReplicaSet();

		private final KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);

		Containers() {
			this.mongo.start();
			this.kafka.start();
		}

		@Override
		public String mongoUri() {
			return this.mongo.getConnectionString();
		}

		@Override
		public String kafkaBootstrapServers() {
			return this.kafka.getBootstrapServers();
		}

		@Override
		public Mode mode() {
			return Mode.CONTAINERS;
		}

		@Override
		void stop() {
			this.kafka.stop();
			this.mongo.stop();
		}

	}

	static final class Embedded extends TestInfrastructure {

		private final EmbeddedMongo mongo;

		private final EmbeddedKafka kafka;

		private final Path kafkaDir = TemporaryDirectories.create("test-kafka");

		Embedded() {
			this.mongo = EmbeddedMongo.startInMemory(0);
			this.kafka = EmbeddedKafka.start(this.kafkaDir, FreePorts.next(), FreePorts.next());
		}

		@Override
		public String mongoUri() {
			return this.mongo.connectionString();
		}

		@Override
		public String kafkaBootstrapServers() {
			return this.kafka.bootstrapServers();
		}

		@Override
		public Mode mode() {
			return Mode.EMBEDDED;
		}

		@Override
		void stop() {
			this.kafka.close();
			this.mongo.close();
			TemporaryDirectories.delete(this.kafkaDir);
		}

	}

}
