package com.artisanmarket.catalog.review;

import java.util.List;

import com.artisanmarket.catalog.stock.Reservations;
import com.artisanmarket.events.OrderEvent.OrderLine;
import com.artisanmarket.support.web.ConflictException;
import org.bson.Document;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * What buyers received, as far as reviews need it: one document per delivered order
 * ({@code _id} the order id) with its buyer and its products, upserted from
 * {@code OrderDelivered} on {@code order-events}, which the catalogue consumes anyway, so
 * that deciding whether a buyer may review a product needs no call to order-service. An
 * order placed but not delivered yet is known from its stock reservation, which records
 * the buyer: nothing is written here for an order until it is delivered.
 */
@Component
public class Purchases {

	static final String COLLECTION = "purchases";

	private final MongoOperations mongo;

	private final Reservations reservations;

	Purchases(MongoOperations mongo, Reservations reservations) {
		this.mongo = mongo;
		this.reservations = reservations;
	}

	/** An order was delivered to its buyer. */
	public void delivered(String orderId, String buyerId, List<OrderLine> lines) {
		Update update = new Update().setOnInsert("buyerId", buyerId).setOnInsert("productIds", productIds(lines));
		this.mongo.upsert(byId(orderId), update, COLLECTION);
	}

	/**
	 * Lets a buyer review a product only from an order of theirs that holds it and was
	 * delivered.
	 * @throws AccessDeniedException (403) when the order is not the buyer's or does not
	 * hold the product
	 * @throws ConflictException (409) when it does but was not delivered yet
	 */
	void checkDelivered(String orderId, String buyerId, String productId) {
		Document order = this.mongo.findById(orderId, Document.class, COLLECTION);
		if (order != null && buyerId.equals(order.getString("buyerId"))
				&& order.getList("productIds", String.class, List.of()).contains(productId)) {
			return;
		}
		if (order == null && this.reservations.placedBy(orderId, buyerId, productId)) {
			throw new ConflictException("This order has not been delivered yet; review it once it has arrived.");
		}
		throw new AccessDeniedException("Only a buyer of this product may review it, naming the order it came in.");
	}

	private static Query byId(String orderId) {
		return new Query(Criteria.where("_id").is(orderId));
	}

	private static List<String> productIds(List<OrderLine> lines) {
		return lines.stream().map(OrderLine::productId).distinct().toList();
	}

}
