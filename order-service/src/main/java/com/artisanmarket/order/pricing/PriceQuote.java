package com.artisanmarket.order.pricing;

import com.artisanmarket.events.Money;

/**
 * What the catalogue says of a product when an order is priced.
 *
 * @param productId the product
 * @param title its title
 * @param price its unit price
 * @param artisanId the artisan profile selling it
 * @param ownerId the artisan's account
 * @param stock units available now (a hint: the reservation decides)
 */
public record PriceQuote(String productId, String title, Money price, String artisanId, String ownerId, int stock) {

}
