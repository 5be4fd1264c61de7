package com.artisanmarket.order.orders;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The hoarding limits bind from the environment variables the README lists. */
class OrderPolicyTests {

	@Test
	void hasTheDefaultsTheReadmeListsWhenNothingIsSet() {
		OrderPolicy policy = bind(Map.of());

		assertThat(policy.maxOpenUnitsPerProduct()).isEqualTo(10);
		assertThat(policy.maxOpenOrdersPerBuyer()).isEqualTo(20);
		assertThat(policy.shipWithin()).isEqualTo(Duration.ofDays(14));
		assertThat(policy.expirySweepInterval()).isEqualTo(Duration.ofHours(1));
		assertThat(policy.shipWithinInWords()).isEqualTo("14 days");
	}

	@Test
	void readsEachLimitFromItsMarketplaceOrdersVariable() {
		OrderPolicy policy = bind(Map.of("MARKETPLACE_ORDERS_MAX_OPEN_UNITS_PER_PRODUCT", "3",
				"MARKETPLACE_ORDERS_MAX_OPEN_ORDERS_PER_BUYER", "4", "MARKETPLACE_ORDERS_SHIP_WITHIN", "36h",
				"MARKETPLACE_ORDERS_EXPIRY_SWEEP_INTERVAL", "5m"));

		assertThat(policy.maxOpenUnitsPerProduct()).isEqualTo(3);
		assertThat(policy.maxOpenOrdersPerBuyer()).isEqualTo(4);
		assertThat(policy.shipWithin()).isEqualTo(Duration.ofHours(36));
		assertThat(policy.expirySweepInterval()).isEqualTo(Duration.ofMinutes(5));
		assertThat(policy.shipWithinInWords()).isEqualTo("36 hours");
	}

	private static OrderPolicy bind(Map<String, Object> variables) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		environment.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					variables));
		ConfigurationPropertySources.attach(environment);
		return Binder.get(environment).bindOrCreate("marketplace.orders", OrderPolicy.class);
	}

}
