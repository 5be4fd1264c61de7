package com.artisanmarket.artisan.stats;

import java.util.List;

import com.artisanmarket.events.Money;

/**
 * An artisan's sales as their dashboard shows them.
 *
 * @param artisanId the artisan
 * @param orders confirmed orders with their lines, less cancelled ones
 * @param deliveredOrders orders delivered
 * @param unitsSold units in those orders
 * @param revenue per currency
 * @param topProducts the five best sellers by units
 * @param monthly per month the orders were placed in, oldest first
 */
record SalesView(String artisanId, long orders, long deliveredOrders, long unitsSold, List<Money> revenue,
		List<ProductSales> topProducts, List<Month> monthly) {

	record ProductSales(String productId, String title, long unitsSold, List<Money> revenue) {

	}

	record Month(String month, long orders, long unitsSold, List<Money> revenue) {

	}

}
