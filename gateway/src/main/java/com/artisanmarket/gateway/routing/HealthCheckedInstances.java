package com.artisanmarket.gateway.routing;

import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.DelegatingServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Which of a service's instances the balancer may choose: those that passed their last
 * health check ({@code /routable}, see {@code spring.cloud.loadbalancer.health-check} in
 * application.yml), or, when none did, all of them. A check is up to one interval old, so
 * a service's only instance that has just come back would otherwise be refused for
 * seconds after it is ready, and a service all of whose instances failed a check is no
 * worse off being tried: a refused connection is answered 503 (and a read or a refused
 * write goes to the next instance) as before there were checks.
 * <p>
 * The balancer's configuration for each service, in the service's own child context (so
 * neither a {@code @Configuration} nor in the component scan; {@link LoadBalancing} names
 * it). With {@code marketplace.gateway.health-checks=false}, what Spring Cloud's default
 * would choose instead: every configured instance, unchecked. Read when the balancer is
 * made rather than as a bean condition, so that it still counts in a gateway built with
 * Spring AOT (whose conditions were evaluated at build time). Public because that build's
 * generated code names this class from Spring Cloud's package.
 */
public class HealthCheckedInstances {

	@Bean
	ServiceInstanceListSupplier healthCheckedOrAll(ConfigurableApplicationContext context) {
		ServiceInstanceListSupplier all = ServiceInstanceListSupplier.builder().withDiscoveryClient().build(context);
		if (!context.getEnvironment().getProperty("marketplace.gateway.health-checks", Boolean.class, true)) {
			return all;
		}
		return new OrAll(ServiceInstanceListSupplier.builder().withDiscoveryClient().withHealthChecks().build(context),
				all);
	}

	private static final class OrAll extends DelegatingServiceInstanceListSupplier {

		private final ServiceInstanceListSupplier all;

		OrAll(ServiceInstanceListSupplier healthy, ServiceInstanceListSupplier all) {
			super(healthy);
			this.all = all;
		}

		@Override
		public Flux<List<ServiceInstance>> get() {
			return getDelegate().get()
				.concatMap((healthy) -> healthy.isEmpty() ? this.all.get().next() : Mono.just(healthy));
		}

	}

}
