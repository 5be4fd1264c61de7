package com.artisanmarket.order.orders;

/** Where an order stands (the states of docs/architecture.md, 'The order saga'). */
public enum OrderStatus {

	PENDING, CONFIRMED, REJECTED, CANCELLED, SHIPPED, DELIVERED

}
