package com.artisanmarket.gateway.routing;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class RoutingPropertiesTests {

	@Test
	void bindsEachServicesInstancesFromEnvironmentVariablesAsComposeSetsThem() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					Map.of("MARKETPLACE_GATEWAY_SERVICES_CATALOG_SERVICE",
							"http://catalog-service:8082,http://catalog-service-2:8082",
							"MARKETPLACE_GATEWAY_SERVICES_ORDER_SERVICE", "http://order-service:8083",
							"MARKETPLACE_GATEWAY_MANAGEMENT_CATALOG_SERVICE", "http://catalog-service:8092")));

		RoutingProperties routing = new Binder(ConfigurationPropertySources.get(environment))
			.bind("marketplace.gateway", RoutingProperties.class)
			.get();

		assertThat(routing.services()).containsOnlyKeys("catalog-service", "order-service");
		assertThat(routing.services().get("catalog-service")).containsExactly(URI.create("http://catalog-service:8082"),
				URI.create("http://catalog-service-2:8082"));
		assertThat(routing.management()).containsEntry("catalog-service",
				List.of(URI.create("http://catalog-service:8092")));
	}

}
