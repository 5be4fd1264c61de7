package com.artisanmarket.catalog.stock;

import java.util.List;
import java.util.Optional;

import com.artisanmarket.catalog.review.Purchases;
import com.artisanmarket.events.EventEnvelope;
import com.artisanmarket.events.OrderEvent.OrderCancelled;
import com.artisanmarket.events.OrderEvent.OrderDelivered;
import com.artisanmarket.events.OrderEvent.OrderLine;
import com.artisanmarket.events.OrderEvent.OrderPlaced;
import com.artisanmarket.events.OrderEvent.OrderRejected;
import com.artisanmarket.events.OrderEvent.OrderShipped;
import com.artisanmarket.events.Topics;
import com.artisanmarket.support.messaging.IncomingEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The catalogue's part in the order saga, from {@value Topics#ORDER_EVENTS}, and what
 * buyers bought and received ({@link Purchases}, for reviews). An event whose lines are
 * not the lines its order was placed with is refused to the dead-letter topic and moves
 * no stock.
 */
@Component
class OrderEventsListener {

	private final Reservations reservations;

	private final Purchases purchases;

	OrderEventsListener(Reservations reservations, Purchases purchases) {
		this.reservations = reservations;
		this.purchases = purchases;
	}

	@KafkaListener(topics = Topics.ORDER_EVENTS)
	void on(ConsumerRecord<String, String> record) {
		IncomingEvents.read(record).ifPresent((envelope) -> {
			switch (envelope.data()) {
				case OrderPlaced placed -> {
					refuseIfNotTheOrders(envelope, record, placed.orderId(), placed.lines());
					this.reservations.reserve(placed.orderId(), placed.buyerId(), placed.lines());
				}
				case OrderCancelled cancelled -> {
					refuseIfNotTheOrders(envelope, record, cancelled.orderId(), cancelled.lines());
					this.reservations.release(cancelled.orderId(),
							(cancelled.reason() != null) ? cancelled.reason() : "order cancelled");
				}
				case OrderRejected rejected ->
					this.reservations.release(rejected.orderId(), "order rejected: " + rejected.reason());
				case OrderShipped shipped -> this.reservations.shipped(shipped.orderId());
				case OrderDelivered delivered -> {
					this.reservations.shipped(delivered.orderId());
					this.purchases.delivered(delivered.orderId(), delivered.buyerId(), delivered.lines());
				}
				default -> {
				}
			}
		});
	}

	private void refuseIfNotTheOrders(EventEnvelope<?> envelope, ConsumerRecord<?, ?> record, String orderId,
			List<OrderLine> lines) {
		Optional<String> mismatch = this.reservations.mismatch(orderId, lines);
		if (mismatch.isPresent()) {
			throw IncomingEvents.refuse(envelope, record, mismatch.get());
		}
	}

}
