package com.artisanmarket.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The demo's orders, placed by the demo buyers and moved on by them and by the artisans:
 * some delivered, shipped, confirmed and cancelled, and one rejected because it asked for
 * more than the stock. ({@code PENDING} lasts only until the catalogue answers.)
 */
final class DemoOrders {

	private static final Duration SAGA = Duration.ofSeconds(60);

	private static final List<Map<String, String>> ADDRESSES = List.of(
			Map.of("fullName", "Leyla Aliyeva", "line1", "Nizami küçəsi 41", "city", "Bakı", "postalCode", "AZ1000",
					"country", "AZ"),
			Map.of("fullName", "Jasur Rahimov", "line1", "Amir Temur ko‘chasi 15", "city", "Toshkent", "postalCode",
					"100000", "country", "UZ"),
			Map.of("fullName", "Anna Weber", "line1", "Kastanienallee 12", "city", "Berlin", "postalCode", "10435",
					"country", "DE"),
			Map.of("fullName", "Emily Carter", "line1", "22 Canal Street", "city", "Manchester", "postalCode", "M1 3HE",
					"country", "GB"));

	private final List<DemoSeeder.Workshop> workshops;

	private final List<Api> buyers;

	private final List<DemoReviews.Delivered> delivered = new ArrayList<>();

	DemoOrders(List<DemoSeeder.Workshop> workshops, List<Api> buyers) {
		this.workshops = workshops;
		this.buyers = buyers;
	}

	/**
	 * @return how many orders were placed
	 */
	int place() throws InterruptedException {
		int placed = 0;
		// Every verified artisan has a delivered sale, so each one's statistics have
		// content;
		// the first (the README's demo artisan) has a few, in several months' worth of
		// one.
		for (int i = 0; i < this.workshops.size() - 2; i++) {
			Api buyer = this.buyers.get(i % this.buyers.size());
			DemoSeeder.Workshop seller = this.workshops.get(i);
			DemoSeeder.Workshop neighbour = this.workshops.get((i + 1) % (this.workshops.size() - 2));
			Map<String, Object> first = line(seller, i % 3, 1);
			Map<String, Object> second = line(neighbour, 1, 1);
			JsonNode order = confirmed(buyer, i, first, second);
			shipByEveryone(order, seller, neighbour);
			buyer.post("/api/orders/" + id(order) + "/delivery", Map.of(), 200);
			this.delivered.add(new DemoReviews.Delivered(i % this.buyers.size(), id(order),
					List.of(new DemoReviews.Bought((String) first.get("productId"), seller),
							new DemoReviews.Bought((String) second.get("productId"), neighbour))));
			placed++;
		}
		DemoSeeder.Workshop first = this.workshops.get(0);
		DemoSeeder.Workshop second = this.workshops.get(1);
		Api leyla = this.buyers.get(0);

		JsonNode shipped = confirmed(leyla, 0, line(first, 2, 1));
		first.account()
			.post("/api/orders/" + id(shipped) + "/shipments", Map.of("trackingRef", "AZPOST-RR7734512AZ"), 200);
		confirmed(leyla, 0, line(first, 3, 1), line(second, 0, 1));
		JsonNode cancelled = confirmed(this.buyers.get(1), 1, line(second, 2, 1));
		this.buyers.get(1)
			.post("/api/orders/" + id(cancelled) + "/cancel", Map.of("reason", "Ordered the wrong size."), 200);
		DemoSeeder.Listed scarce = byStock(first).get(first.products().size() - 1);
		JsonNode tooMany = this.buyers.get(2)
			.placeOrder(Map.of("items", List.of(Map.of("productId", scarce.id(), "quantity", scarce.stock() + 5)),
					"shippingAddress", ADDRESSES.get(2)));
		settle(this.buyers.get(2), id(tooMany));
		confirmed(this.buyers.get(3), 3, line(second, 3, 1));
		return placed + 5;
	}

	/** The orders delivered by {@link #place}, with who sold each line. */
	List<DemoReviews.Delivered> delivered() {
		return List.copyOf(this.delivered);
	}

	/**
	 * The rank-th best-stocked product of a workshop, so the demo's orders never run out.
	 */
	private static Map<String, Object> line(DemoSeeder.Workshop workshop, int rank, int quantity) {
		DemoSeeder.Listed listed = byStock(workshop).get(rank % workshop.products().size());
		return Map.of("productId", listed.id(), "quantity", quantity);
	}

	private static List<DemoSeeder.Listed> byStock(DemoSeeder.Workshop workshop) {
		return workshop.products()
			.stream()
			.sorted(Comparator.comparingInt(DemoSeeder.Listed::stock).reversed())
			.toList();
	}

	@SafeVarargs
	private JsonNode confirmed(Api buyer, int address, Map<String, Object>... lines) throws InterruptedException {
		JsonNode placed = buyer
			.placeOrder(Map.of("items", dedupe(lines), "shippingAddress", ADDRESSES.get(address % ADDRESSES.size())));
		JsonNode settled = settle(buyer, id(placed));
		if (!"CONFIRMED".equals(settled.path("status").asString())) {
			throw new IllegalStateException("demo order " + id(placed) + " was not confirmed: " + settled);
		}
		return settled;
	}

	private static List<Map<String, Object>> dedupe(Map<String, Object>[] lines) {
		List<Map<String, Object>> unique = new ArrayList<>();
		for (Map<String, Object> line : lines) {
			if (unique.stream().noneMatch((other) -> other.get("productId").equals(line.get("productId")))) {
				unique.add(line);
			}
		}
		return unique;
	}

	private static JsonNode settle(Api buyer, String orderId) throws InterruptedException {
		Instant deadline = Instant.now().plus(SAGA);
		while (Instant.now().isBefore(deadline)) {
			JsonNode order = buyer.get("/api/orders/" + orderId);
			if (!"PENDING".equals(order.path("status").asString())) {
				return order;
			}
			Thread.sleep(200);
		}
		throw new IllegalStateException("demo order " + orderId + " stayed PENDING for " + SAGA.toSeconds() + " s");
	}

	private static void shipByEveryone(JsonNode order, DemoSeeder.Workshop... workshops) {
		List<String> shipped = new ArrayList<>();
		for (DemoSeeder.Workshop workshop : workshops) {
			if (!shipped.contains(workshop.artisanId())) {
				workshop.account()
					.post("/api/orders/" + id(order) + "/shipments", Map.of("trackingRef", "DEMO-" + id(order)), 200);
				shipped.add(workshop.artisanId());
			}
		}
	}

	private static String id(JsonNode order) {
		return order.path("id").asString();
	}

}
