package com.artisanmarket.infra.kafka;

import java.util.concurrent.CountDownLatch;

import com.artisanmarket.infra.ServerArguments;

/**
 * Runs the embedded Kafka broker as a process of its own:
 * {@code --port 9092 --controller-port 9093 --log-dir DIR [--ready-file FILE]}. Stops
 * cleanly on SIGTERM.
 */
public final class KafkaServerMain {

	private KafkaServerMain() {
	}

	public static void main(String[] args) throws InterruptedException {
		ServerArguments.useInfraLogging();
		ServerArguments arguments = ServerArguments.parse(args);
		EmbeddedKafka kafka = EmbeddedKafka.start(arguments.path("log-dir"), arguments.port("port"),
				arguments.port("controller-port"));
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			kafka.close();
			stopped.countDown();
		}, "kafka-shutdown"));
		arguments.signalReady();
		stopped.await();
	}

}
