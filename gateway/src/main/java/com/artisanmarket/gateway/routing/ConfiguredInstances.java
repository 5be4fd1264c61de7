package com.artisanmarket.gateway.routing;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import reactor.core.publisher.Flux;

import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;
import org.springframework.stereotype.Component;

/**
 * Each service's instances as configured ({@code marketplace.gateway.services.<name>},
 * one base URL or several separated by commas), for Spring Cloud LoadBalancer, which
 * spreads the routes' {@code lb://<name>} calls over them. Where a platform keeps the
 * list (Kubernetes, Compose), the configured address is its service's one name.
 */
@Component
class ConfiguredInstances implements ReactiveDiscoveryClient {

	private final Map<String, List<ServiceInstance>> instances = new LinkedHashMap<>();

	ConfiguredInstances(RoutingProperties routing) {
		routing.services()
			.forEach((service, urls) -> this.instances.put(service,
					IntStream.range(0, urls.size()).mapToObj((i) -> instance(service, i, urls.get(i))).toList()));
	}

	private static ServiceInstance instance(String service, int number, URI url) {
		boolean secure = "https".equals(url.getScheme());
		int port = (url.getPort() != -1) ? url.getPort() : (secure ? 443 : 80);
		return new DefaultServiceInstance(service + "-" + (number + 1), service, url.getHost(), port, secure);
	}

	@Override
	public String description() {
		return "The services' instances from marketplace.gateway.services";
	}

	@Override
	public Flux<ServiceInstance> getInstances(String serviceId) {
		return Flux.fromIterable(this.instances.getOrDefault(serviceId, List.of()));
	}

	@Override
	public Flux<String> getServices() {
		return Flux.fromIterable(this.instances.keySet());
	}

}
