package com.artisanmarket.catalog.stock;

import com.artisanmarket.events.OrderEvent.OrderCancelled;
import com.artisanmarket.events.OrderEvent.OrderDelivered;
import com.artisanmarket.events.OrderEvent.OrderPlaced;
import com.artisanmarket.events.OrderEvent.OrderRejected;
import com.artisanmarket.events.OrderEvent.OrderShipped;
import com.artisanmarket.events.Topics;
import com.artisanmarket.support.messaging.IncomingEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** The catalogue's part in the order saga, from {@value Topics#ORDER_EVENTS}. */
@Component
class OrderEventsListener {

	private final Reservations reservations;

	OrderEventsListener(Reservations reservations) {
		this.reservations = reservations;
	}

	@KafkaListener(topics = Topics.ORDER_EVENTS)
	void on(ConsumerRecord<String, String> record) {
		IncomingEvents.read(record).ifPresent((envelope) -> {
			switch (envelope.data()) {
				case OrderPlaced placed -> this.reservations.reserve(placed.orderId(), placed.lines());
				case OrderCancelled cancelled -> this.reservations.release(cancelled.orderId(),
						(cancelled.reason() != null) ? cancelled.reason() : "order cancelled");
				case OrderRejected rejected ->
					this.reservations.release(rejected.orderId(), "order rejected: " + rejected.reason());
				case OrderShipped shipped -> this.reservations.shipped(shipped.orderId());
				case OrderDelivered delivered -> this.reservations.shipped(delivered.orderId());
				default -> {
				}
			}
		});
	}

}
