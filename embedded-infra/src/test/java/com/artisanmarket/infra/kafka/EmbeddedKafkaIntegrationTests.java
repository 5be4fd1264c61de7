package com.artisanmarket.infra.kafka;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.artisanmarket.launcher.FreePorts;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class EmbeddedKafkaIntegrationTests {

	@TempDir
	Path logDir;

	@Test
	void keepsRecordsAndClusterIdentityAcrossARestart() throws Exception {
		int port = FreePorts.next();
		int controllerPort = FreePorts.next();
		String metaBefore;
		try (EmbeddedKafka kafka = EmbeddedKafka.start(this.logDir, port, controllerPort)) {
			metaBefore = Files.readString(this.logDir.resolve("meta.properties"));
			try (KafkaProducer<String, String> producer = producer(kafka.bootstrapServers())) {
				producer.send(new ProducerRecord<>("greetings", "artisan-1", "salam")).get();
			}
		}
		try (EmbeddedKafka kafka = EmbeddedKafka.start(this.logDir, port, controllerPort)) {
			assertThat(Files.readString(this.logDir.resolve("meta.properties"))).isEqualTo(metaBefore);
			List<ConsumerRecord<String, String>> received = new ArrayList<>();
			try (KafkaConsumer<String, String> consumer = consumer(kafka.bootstrapServers())) {
				consumer.subscribe(List.of("greetings"));
				await().atMost(Duration.ofSeconds(30))
					.until(() -> consumer.poll(Duration.ofMillis(200)).records("greetings").iterator(), (it) -> {
						it.forEachRemaining(received::add);
						return !received.isEmpty();
					});
			}
			assertThat(received).extracting(ConsumerRecord::key, ConsumerRecord::value)
				.containsExactly(Tuple.tuple("artisan-1", "salam"));
		}
	}

	private static KafkaProducer<String, String> producer(String bootstrapServers) {
		return new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all",
						ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
				new StringSerializer(), new StringSerializer());
	}

	private static KafkaConsumer<String, String> consumer(String bootstrapServers) {
		return new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG,
						"restart-check", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new StringDeserializer());
	}

}
