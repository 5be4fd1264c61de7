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
 * @param rating over the visible reviews of all their products
 * @param favourites per product that buyers keep among their favourites, most kept first
 * @param masterclasses seats sold at their masterclasses, apart from goods
 * @param monthly per month the orders were placed in (and the reviews written in), oldest
 * first
 */
record SalesView(String artisanId, long orders, long deliveredOrders, long unitsSold, List<Money> revenue,
		List<ProductSales> topProducts, Ratings.Rating rating, List<ProductFavourites> favourites,
		Masterclasses masterclasses, List<Month> monthly) {

	record ProductSales(String productId, String title, long unitsSold, List<Money> revenue) {

	}

	/**
	 * Seats booked at an artisan's masterclasses.
	 *
	 * @param bookings bookings that hold seats (cancelled ones left out)
	 * @param seats their seats
	 * @param cancelledBookings bookings cancelled by their buyers or with their class
	 * @param revenue per currency, of the bookings that hold seats
	 * @param classes per class, most seats first
	 */
	record Masterclasses(long bookings, long seats, long cancelledBookings, List<Money> revenue,
			List<MasterclassSales> classes) {

	}

	/**
	 * Seats booked at one masterclass.
	 *
	 * @param masterclassId the class
	 * @param title its title when booked
	 * @param bookings bookings that hold seats
	 * @param seats their seats
	 * @param revenue per currency
	 */
	record MasterclassSales(String masterclassId, String title, long bookings, long seats, List<Money> revenue) {

	}

	/**
	 * How many buyers keep one product among their favourites.
	 *
	 * @param productId the product
	 * @param title its title when last counted
	 * @param count buyers
	 */
	record ProductFavourites(String productId, String title, int count) {

	}

	/**
	 * One month's figures.
	 *
	 * @param month {@code yyyy-MM}
	 * @param orders confirmed orders placed in it, less cancelled ones
	 * @param unitsSold units in those orders
	 * @param revenue per currency
	 * @param reviews visible reviews written in it
	 * @param rating their stars
	 */
	record Month(String month, long orders, long unitsSold, List<Money> revenue, long reviews, Ratings.Rating rating) {

	}

}
