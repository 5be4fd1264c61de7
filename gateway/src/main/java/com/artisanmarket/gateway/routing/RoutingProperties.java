package com.artisanmarket.gateway.routing;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the gateway finds each service, and what it tells callers while one is
 * unavailable.
 *
 * @param services base URL per service name (used by the routes in application.yml)
 * @param retryAfter the {@code Retry-After} of the 503 answered while a service is down
 */
@ConfigurationProperties("marketplace.gateway")
record RoutingProperties(Map<String, String> services, @DefaultValue("5s") Duration retryAfter) {

}
