package com.artisanmarket.order.orders;

import java.util.ArrayList;
import java.util.List;

import com.artisanmarket.support.security.Caller;
import com.artisanmarket.support.web.PageRequest;
import com.artisanmarket.support.web.PageView;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The orders a caller may list, newest first: a buyer's own, those with an artisan's
 * lines, every order for an admin.
 */
@Service
class OrderListing {

	private final MongoOperations mongo;

	OrderListing(MongoOperations mongo) {
		this.mongo = mongo;
		mongo.indexOps(Order.class).createIndex(new Index("lineOwners", Sort.Direction.ASC));
		mongo.indexOps(Order.class).createIndex(new Index("status", Sort.Direction.ASC));
	}

	PageView<Order> list(OrderStatus status, PageRequest page, Caller caller) {
		List<Criteria> filters = new ArrayList<>();
		if (!caller.isAdmin()) {
			filters.add(caller.roles().contains("ARTISAN") ? Criteria.where("lineOwners").is(caller.accountId())
					: Criteria.where("buyerId").is(caller.accountId()));
		}
		if (status != null) {
			filters.add(Criteria.where("status").is(status));
		}
		Query query = filters.isEmpty() ? new Query() : new Query(new Criteria().andOperator(filters));
		long total = this.mongo.count(query, Order.class);
		query.with(Sort.by(Sort.Direction.DESC, "createdAt")).skip(page.offset()).limit(page.size());
		return PageView.of(this.mongo.find(query, Order.class), page, total);
	}

}
