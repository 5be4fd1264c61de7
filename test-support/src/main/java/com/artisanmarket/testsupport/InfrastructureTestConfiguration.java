package com.artisanmarket.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Points a Spring Boot test at the {@link TestInfrastructure} and at the
 * {@link TestTokens} key set: import it into an integration test
 * ({@code @Import(InfrastructureTestConfiguration.class)}).
 */
@TestConfiguration(proxyBeanMethods = false)
public class InfrastructureTestConfiguration {

	@Bean
	DynamicPropertyRegistrar marketplaceInfrastructureProperties() {
		return (registry) -> {
			TestInfrastructure infrastructure = TestInfrastructure.get();
			registry.add("spring.mongodb.uri", infrastructure::mongoUri);
			registry.add("spring.kafka.bootstrap-servers", infrastructure::kafkaBootstrapServers);
			registry.add("marketplace.security.jwks-uri", () -> TestTokens.get().jwksUri());
		};
	}

}
