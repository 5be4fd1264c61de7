package com.artisanmarket.system;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.artisanmarket.testsupport.Http;
import com.artisanmarket.testsupport.MarketplaceStack;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, item 1: a buyer sending ids that cannot be product ids gets a 4xx for each,
 * and checkout stays open for everyone else (bad input never opens the pricing circuit
 * breaker).
 */
class CheckoutBadInputSystemTests {

	private static final MarketplaceStack marketplace = MarketplaceStack.shared();

	/** Ten ids the catalogue's URI template once choked on, then other hostile ones. */
	private static final List<String> BAD_IDS = List.of("{x}", "{x}", "{y}", "{0}", "a{b}c", "{x}", "{x}", "{z}", "{x}",
			"{x}", "a,b", "%", "%zz", "../pricing", "x y", "{", "ü", "$ne", "");

	@Test
	void tenOrdersWithBadProductIdsAre4xxAndTheNextHonestOrderIsAccepted() {
		String product = honestProduct();
		Users.User mallory = Users.signUp(marketplace, "BUYER");
		for (String bad : BAD_IDS) {
			HttpResponse<String> refused = place(mallory, bad);

			assertThat(refused.statusCode()).as(bad + " -> " + refused.body()).isBetween(400, 499);
			assertThat(refused.headers().firstValue("Content-Type")).as(bad).hasValue("application/problem+json");
		}

		HttpResponse<String> honest = place(Users.signUp(marketplace, "BUYER"), product);

		assertThat(honest.statusCode()).as(honest.body()).isEqualTo(202);
	}

	private static String honestProduct() {
		Users.User owner = Users.signUp(marketplace, "ARTISAN");
		HttpResponse<String> profile = Http.postJson(marketplace.gatewayUrl() + "/api/artisans",
				Http.toJson(Map.of("displayName", "Honest Looms", "craft", "weaving", "city", "Baku", "country", "AZ")),
				owner.authorization());
		assertThat(profile.statusCode()).as(profile.body()).isEqualTo(201);
		HttpResponse<String> listed = Http.postJson(
				marketplace.gatewayUrl() + "/api/products", Http.toJson(Map.of("title", "Honest rug", "category",
						"CARPETS", "price", Map.of("amount", "20.00", "currency", "USD"), "stock", 5)),
				owner.authorization());
		assertThat(listed.statusCode()).as(listed.body()).isEqualTo(201);
		return Http.json(listed).path("id").asString();
	}

	private static HttpResponse<String> place(Users.User buyer, String productId) {
		String order = Http.toJson(Map.of("items", List.of(Map.of("productId", productId, "quantity", 1)),
				"shippingAddress", Map.of("fullName", "Leyla Aliyeva", "line1", "Nizami 10", "city", "Baku",
						"postalCode", "AZ1000", "country", "AZ")));
		return Http.postJson(marketplace.gatewayUrl() + "/api/orders", order,
				Map.of("Authorization", "Bearer " + buyer.token(), "Idempotency-Key", UUID.randomUUID().toString()));
	}

}
