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
		services = byName(services);
		management = byName(management);
	}

	/**
	 * By name, so the operations panel lists the parts in the same order every time. An
	 * environment variable ({@code MARKETPLACE_GATEWAY_SERVICES_CATALOG_SERVICE}, as
	 * compose and Kubernetes set them) binds to the key {@code catalog.service}: no
	 * service has a dot in its name, so a dot is read as the dash it stood for.
	 */
	private static <V> Map<String, V> byName(Map<String, V> byKey) {
		if (byKey == null) {
			return null;
		}
		Map<String, V> byName = new TreeMap<>();
		byKey.forEach((key, value) -> byName.put(key.replace('.', '-'), value));
		return byName;
	}

}
