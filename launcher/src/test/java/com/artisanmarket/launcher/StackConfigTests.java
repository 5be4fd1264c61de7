package com.artisanmarket.launcher;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StackConfigTests {

	private final Path root = Path.of("/opt/marketplace");

	@Test
	void usesTheDesignsPortsAndTheProjectDataDirectoryByDefault() {
		StackConfig config = StackConfig.fromEnvironment(this.root, Map.of());

		assertThat(config.ports())
			.isEqualTo(new StackConfig.Ports(8080, 8081, 8082, 8083, 9092, 9093, 27017, 8090, 8091, 8092, 8093));
		assertThat(config.dataDir()).isEqualTo(this.root.resolve(".data"));
		assertThat(config.kafkaBootstrapServers()).isEqualTo("127.0.0.1:9092");
	}

	@Test
	void takesPortsAndDataDirectoryFromTheEnvironment() {
		StackConfig config = StackConfig.fromEnvironment(this.root, Map.of("MARKETPLACE_GATEWAY_PORT", "18080",
				"MARKETPLACE_MONGO_PORT", " 27018 ", "MARKETPLACE_DATA_DIR", "/var/lib/marketplace"));

		assertThat(config.ports().gateway()).isEqualTo(18080);
		assertThat(config.ports().mongo()).isEqualTo(27018);
		assertThat(config.mongoUri("catalog")).isEqualTo("mongodb://127.0.0.1:27018/catalog");
		assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/marketplace"));
	}

	@Test
	void rejectsAPortThatIsNotOneWithTheVariableNamed() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> StackConfig.fromEnvironment(this.root, Map.of("MARKETPLACE_KAFKA_PORT", "70000")))
			.withMessageContaining("MARKETPLACE_KAFKA_PORT=70000");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> StackConfig.fromEnvironment(this.root, Map.of("MARKETPLACE_KAFKA_PORT", "kafka")))
			.withMessageContaining("not a port number");
	}

}
