package com.artisanmarket.catalog.review;

import java.util.List;

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
 * What buyers bought and received, as far as reviews need it: one document per order
 * ({@code _id} the order id) with its buyer, its products and whether it was delivered,
 * folded from {@code order-events} the catalogue already consumes, so that deciding
 * whether a buyer may review a product needs no call to order-service. Both writes are
 * upserts that only ever move towards "delivered", so a redelivered or late event changes
 * nothing.
 */
@Component
public class Purchases {

	static final String COLLECTION = "purchases";

	private static final String DELIVERED = "delivered";

	private final MongoOperations mongo;

	Purchases(MongoOperations mongo) {
		this.mongo = mongo;
	}

	/** An order was placed: its buyer and products, not delivered. */
	public void placed(String orderId, String buyerId, List<OrderLine> lines) {
		Update update = new Update().setOnInsert("buyerId", buyerId)
			.setOnInsert("productIds", productIds(lines))
			.setOnInsert(DELIVERED, false);
		this.mongo.upsert(byId(orderId), update, COLLECTION);
	}

	/** An order was delivered to its buyer. */
	public void delivered(String orderId, String buyerId, List<OrderLine> lines) {
		Update update = new Update().setOnInsert("buyerId", buyerId)
			.setOnInsert("productIds", productIds(lines))
			.set(DELIVERED, true);
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
		if (order == null || !buyerId.equals(order.getString("buyerId"))
				|| !order.getList("productIds", String.class, List.of()).contains(productId)) {
			throw new AccessDeniedException("Only a buyer of this product may review it, naming the order it came in.");
		}
		if (!order.getBoolean(DELIVERED, false)) {
			throw new ConflictException("This order has not been delivered yet; review it once it has arrived.");
		}
	}

	private static Query byId(String orderId) {
		return new Query(Criteria.where("_id").is(orderId));
	}

	private static List<String> productIds(List<OrderLine> lines) {
		return lines.stream().map(OrderLine::productId).distinct().toList();
	}

}
