package com.artisanmarket.order.orders;

/** Where an order stands (DESIGN.md's state machine). */
public enum OrderStatus {

	PENDING, CONFIRMED, REJECTED, CANCELLED, SHIPPED, DELIVERED

}
