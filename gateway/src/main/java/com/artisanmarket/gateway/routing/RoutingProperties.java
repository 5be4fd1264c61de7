package com.artisanmarket.gateway.routing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the gateway tells callers while a service is unavailable. (Where each service is,
 * {@code marketplace.gateway.services.*}, is read by the routes in application.yml.)
 *
 * @param retryAfter the {@code Retry-After} of the 503 answered while a service is down
 */
@ConfigurationProperties("marketplace.gateway")
record RoutingProperties(@DefaultValue("5s") Duration retryAfter) {

}
