package com.artisanmarket.support.health;

import java.time.Duration;
import java.util.Map;

import com.artisanmarket.launcher.FreePorts;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaHealthIndicatorTests {

	@Test
	void isDownWhenNoBrokerAnswers() {
		KafkaHealthIndicator indicator = new KafkaHealthIndicator(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
				"127.0.0.1:" + FreePorts.next(), AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000,
				AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 1000), Duration.ofSeconds(1));
		try {
			Health health = indicator.health();

			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		}
		finally {
			indicator.destroy();
		}
	}

}
