package com.artisanmarket.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the services are, and what the gateway tells callers while one is unavailable.
 *
 * @param services each service's instances by name, their base URLs
 * ({@code marketplace.gateway.services.*}, several separated by commas); the routes in
 * application.yml balance over them, and only these names have a fallback
 * @param management each service's instances' management ports, where the operations
 * panel reads their Actuators ({@code marketplace.gateway.management.*}, several
 * separated by commas)
 * @param retryAfter the {@code Retry-After} of the 503 answered while a service is down
 */
@Validated
@ConfigurationProperties("marketplace.gateway")
public record RoutingProperties(@NotEmpty Map<String, List<URI>> services, @NotEmpty Map<String, List<URI>> management,
		@DefaultValue("5s") Duration retryAfter) {

	public RoutingProperties {
		// By name, so the operations panel lists the parts in the same order every time.
		services = (services != null) ? new TreeMap<>(services) : null;
		management = (management != null) ? new TreeMap<>(management) : null;
	}

}
