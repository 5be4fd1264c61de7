package com.artisanmarket.gateway.routing;

import org.springframework.cloud.gateway.filter.headers.observation.DefaultGatewayObservationConvention;
import org.springframework.cloud.gateway.filter.headers.observation.GatewayObservationConvention;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Each routed call's time under a name of its own, {@code gateway.upstream.requests}
 * (tagged with the route's id and URI, the method and the status). Spring Cloud Gateway
 * names it {@code http.client.requests}, as the gateway's own WebClient calls (the
 * balancers' health checks, the operations panel) are named, but with other tags; the
 * Prometheus registry refuses a second set of tags for a name, so the routed calls were
 * not exported at all.
 */
@Configuration(proxyBeanMethods = false)
class UpstreamObservations {

	static final String NAME = "gateway.upstream.requests";

	@Bean
	GatewayObservationConvention upstreamObservationConvention() {
		return new DefaultGatewayObservationConvention() {

			@Override
			public String getName() {
				return NAME;
			}

		};
	}

}
