package com.artisanmarket.order.saga;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import com.artisanmarket.events.CatalogEvent.FailedLine;
import com.artisanmarket.events.CatalogEvent.StockReservationFailed;
import com.artisanmarket.events.CatalogEvent.StockReserved;
import com.artisanmarket.events.EventEnvelope;
import com.artisanmarket.events.Topics;
import com.artisanmarket.order.orders.Order;
import com.artisanmarket.order.orders.Orders;
import com.artisanmarket.support.messaging.IncomingEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The catalogue's answers to {@code OrderPlaced}. Idempotent because each moves an order
 * only out of {@code PENDING}: a second delivery finds it moved and changes nothing. An
 * answer that does not fit its order ({@link CatalogAnswers}) is refused to the
 * dead-letter topic and changes nothing.
 */
@Component
class CatalogEventsListener {

	private final Orders orders;

	CatalogEventsListener(Orders orders) {
		this.orders = orders;
	}

	@KafkaListener(topics = Topics.CATALOG_EVENTS)
	void on(ConsumerRecord<String, String> record) {
		IncomingEvents.read(record).ifPresent((envelope) -> {
			switch (envelope.data()) {
				case StockReserved reserved -> {
					refuseIfBroken(envelope, record,
							CatalogAnswers.brokenRule(this.orders.find(reserved.orderId()), reserved));
					this.orders.confirm(reserved.orderId());
				}
				case StockReservationFailed failed -> {
					refuseIfBroken(envelope, record,
							CatalogAnswers.brokenRule(this.orders.find(failed.orderId()), failed));
					this.orders.reject(failed.orderId(), reason(failed), problems(failed));
				}
				default -> {
				}
			}
		});
	}

	private static void refuseIfBroken(EventEnvelope<?> envelope, ConsumerRecord<?, ?> record,
			Optional<String> broken) {
		if (broken.isPresent()) {
			throw IncomingEvents.refuse(envelope, record, broken.get());
		}
	}

	static String reason(StockReservationFailed failed) {
		return failed.lines().stream().map(CatalogEventsListener::reason).collect(Collectors.joining("; "));
	}

	static List<Order.LineProblem> problems(StockReservationFailed failed) {
		return failed.lines()
			.stream()
			.map((line) -> new Order.LineProblem(line.productId(), line.reason().name(), line.requested(),
					line.available()))
			.toList();
	}

	private static String reason(FailedLine line) {
		return switch (line.reason()) {
			case OUT_OF_STOCK ->
				"product " + line.productId() + ": " + line.available() + " in stock, " + line.requested() + " ordered";
			case UNKNOWN_PRODUCT -> "product " + line.productId() + " does not exist";
			case ARCHIVED -> "product " + line.productId() + " is no longer for sale";
			case ARTISAN_SUSPENDED -> "product " + line.productId() + ": its artisan is suspended";
		};
	}

}
