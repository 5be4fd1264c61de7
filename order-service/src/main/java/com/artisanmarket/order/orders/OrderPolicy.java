package com.artisanmarket.order.orders;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What keeps one buyer from holding a shop's stock: payment is on delivery and sign-up is
 * free, so an order costs a hoarder nothing until it ships (issue 17). Each limit is a
 * {@code MARKETPLACE_ORDERS_*} environment variable.
 *
 * @param maxOpenUnitsPerProduct the most units of one product a buyer may hold in orders
 * not yet shipped, delivered, cancelled or rejected
 * @param maxOpenOrdersPerBuyer the most such orders a buyer may have at once
 * @param shipWithin how long a confirmed order may wait for its artisans to ship it
 * before it expires and its stock goes back on sale
 * @param expirySweepInterval how often the expiry sweep looks for such orders
 */
@ConfigurationProperties("marketplace.orders")
record OrderPolicy(@DefaultValue("10") int maxOpenUnitsPerProduct, @DefaultValue("20") int maxOpenOrdersPerBuyer,
		@DefaultValue("14d") Duration shipWithin, @DefaultValue("1h") Duration expirySweepInterval) {

	/** How {@link #shipWithin} reads in a reason given to buyers and artisans. */
	String shipWithinInWords() {
		if (this.shipWithin.toHours() % 24 == 0) {
			long days = this.shipWithin.toDays();
			return days + ((days == 1) ? " day" : " days");
		}
		long hours = this.shipWithin.toHours();
		return hours + ((hours == 1) ? " hour" : " hours");
	}

}
