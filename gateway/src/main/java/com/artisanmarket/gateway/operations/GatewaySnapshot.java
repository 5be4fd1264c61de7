package com.artisanmarket.gateway.operations;

import java.lang.management.ManagementFactory;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/marketplace} of a gateway, on its management port: its version, uptime
 * and circuit breakers, the gateway's row of the operations panel. With several gateways
 * ({@code marketplace.gateway.management.gateway}), the one the admin asks reads every
 * gateway's here, as it reads the services' snapshots.
 */
@Component
@Endpoint(id = "marketplace")
class GatewaySnapshot {

	private final String version;

	private final ObjectProvider<CircuitBreakerRegistry> circuitBreakers;

	GatewaySnapshot(ObjectProvider<BuildProperties> build, ObjectProvider<CircuitBreakerRegistry> circuitBreakers) {
		BuildProperties properties = build.getIfAvailable();
		this.version = (properties != null) ? properties.getVersion() : "unknown";
		this.circuitBreakers = circuitBreakers;
	}

	@ReadOperation
	Map<String, Object> snapshot() {
		Map<String, Object> part = new LinkedHashMap<>();
		part.put("version", this.version);
		part.put("uptimeSeconds", ManagementFactory.getRuntimeMXBean().getUptime() / 1000);
		Map<String, String> states = new LinkedHashMap<>();
		CircuitBreakerRegistry registry = this.circuitBreakers.getIfAvailable();
		if (registry != null) {
			registry.getAllCircuitBreakers()
				.stream()
				.sorted(Comparator.comparing(CircuitBreaker::getName))
				.forEach((breaker) -> states.put(breaker.getName(), breaker.getState().name()));
		}
		part.put("circuitBreakers", states);
		return part;
	}

}
