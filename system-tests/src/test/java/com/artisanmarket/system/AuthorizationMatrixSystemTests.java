package com.artisanmarket.system;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import com.artisanmarket.launcher.Stack;
import com.artisanmarket.testsupport.EventStream;
import com.artisanmarket.testsupport.Http;
import com.artisanmarket.testsupport.MarketplaceStack;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint that exists, called by each kind of caller, through the gateway and
 * straight at the service port: the status must be the expected one. Each issue that adds
 * an endpoint adds its rows.
 */
class AuthorizationMatrixSystemTests {

	private static final MarketplaceStack marketplace = MarketplaceStack.shared();

	private static final List<String> ACTORS = List.of("anonymous", "buyer", "another buyer", "artisan owner",
			"another artisan", "admin");

	private static Map<String, Users.User> users;

	private static String ownedProfileId;

	private static String ownedProductId;

	private static String productToArchive;

	private static String imageUrl;

	private static String buyersOrderId;

	/**
	 * What the order rows buy: plenty of stock, so that every order of the matrix is
	 * confirmed.
	 */
	private static String orderedProductId;

	/** A review of {@link #orderedProductId} by the buyer, answered and reported. */
	private static String reviewId;

	/** The buyer's order, delivered, that holds both reviewed products. */
	private static String deliveredOrderId;

	/**
	 * A second product of that order, whose review the deletion row deletes and writes
	 * again.
	 */
	private static String secondReviewedProductId;

	private static volatile String reviewToDeleteId;

	/** A masterclass of the owner's, with seats for every booking row. */
	private static String masterclassId;

	/** The buyer's booking at it. */
	private static String bookingId;

	/** The buyer's conversation with the owner about {@link #ownedProductId}. */
	private static String conversationId;

	/** Another, about {@link #orderedProductId}, that the report row reports. */
	private static String conversationToReportId;

	/** The smallest well-formed PNG: a 1×1 image. */
	private static final byte[] PNG = Base64.getDecoder()
		.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGNgYPgPAAEDAQAIicLsAAAAAElFTkSuQmCC");

	@BeforeAll
	static void people() {
		Users.User owner = Users.signUp(marketplace, "ARTISAN");
		users = Map.of("buyer", Users.signUp(marketplace, "BUYER"), "another buyer", Users.signUp(marketplace, "BUYER"),
				"artisan owner", owner, "admin", Users.admin(marketplace));
		HttpResponse<String> profile = Http.postJson(marketplace.gatewayUrl() + "/api/artisans",
				profile("Owner's Workshop"), owner.authorization());
		assertThat(profile.statusCode()).as(profile.body()).isEqualTo(201);
		ownedProfileId = Http.json(profile).path("id").asString();
		ownedProductId = listProduct(owner);
		productToArchive = listProduct(owner);
		HttpResponse<String> image = Http.postFile(
				marketplace.gatewayUrl() + "/api/products/" + ownedProductId + "/images", "file", "earrings.png",
				"image/png", PNG, owner.authorization());
		assertThat(image.statusCode()).as(image.body()).isEqualTo(201);
		imageUrl = Http.json(image).path("url").asString();
		HttpResponse<String> plenty = Http.postJson(
				marketplace.gatewayUrl() + "/api/products", Http.toJson(Map.of("title", "Filigree brooch", "category",
						"JEWELRY", "price", Map.of("amount", "30.00", "currency", "USD"), "stock", 1000)),
				owner.authorization());
		assertThat(plenty.statusCode()).as(plenty.body()).isEqualTo(201);
		orderedProductId = Http.json(plenty).path("id").asString();
		buyersOrderId = Http.json(placeOrder(users.get("buyer").authorization())).path("id").asString();
		reviews(owner);
		masterclassId = scheduledMasterclass();
		HttpResponse<String> booked = bookVia(marketplace.gatewayUrl(), users.get("buyer").authorization());
		assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
		bookingId = Http.json(booked).path("id").asString();
		conversationId = conversationAbout(ownedProductId);
		conversationToReportId = conversationAbout(orderedProductId);
	}

	private static String conversationAbout(String productId) {
		HttpResponse<String> asked = Http.postJson(marketplace.gatewayUrl() + "/api/conversations",
				Http.toJson(Map.of("productId", productId, "text", "Can it be made in blue?")),
				users.get("buyer").authorization());
		assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
		return Http.json(asked).path("id").asString();
	}

	private static String masterclass() {
		return MasterclassRequests.inPerson("Filigree in silver", "jewellery", "Bukhara", "Asia/Samarkand", 500);
	}

	private static String scheduledMasterclass() {
		HttpResponse<String> created = Http.postJson(marketplace.gatewayUrl() + "/api/masterclasses", masterclass(),
				users.get("artisan owner").authorization());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return Http.json(created).path("id").asString();
	}

	private static HttpResponse<String> bookVia(String base, Map<String, String> authorization) {
		Map<String, String> headers = new HashMap<>(authorization);
		headers.put("Idempotency-Key", UUID.randomUUID().toString());
		return Http.postJson(base + "/api/masterclasses/" + masterclassId + "/bookings", "{\"seats\": 1}", headers);
	}

	/**
	 * The buyer's delivered order of two products, a review of each; the first answered
	 * by the owner and reported by every account the matrix has.
	 */
	private static void reviews(Users.User owner) {
		secondReviewedProductId = listProduct(owner);
		Users.User buyer = users.get("buyer");
		Map<String, String> headers = new HashMap<>(buyer.authorization());
		headers.put("Idempotency-Key", UUID.randomUUID().toString());
		HttpResponse<String> placed = Http.postJson(marketplace.gatewayUrl() + "/api/orders",
				Http.toJson(Map.of("items",
						List.of(Map.of("productId", orderedProductId, "quantity", 1),
								Map.of("productId", secondReviewedProductId, "quantity", 1)),
						"shippingAddress", Map.of("fullName", "Test Buyer", "line1", "Street 1", "city", "Baku",
								"postalCode", "AZ1000", "country", "AZ"))),
				headers);
		assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
		deliveredOrderId = Http.json(placed).path("id").asString();
		awaitStatus(deliveredOrderId, "CONFIRMED");
		assertThat(Http
			.postJson(marketplace.gatewayUrl() + "/api/orders/" + deliveredOrderId + "/shipments", "{}",
					owner.authorization())
			.statusCode()).isEqualTo(200);
		assertThat(Http
			.postJson(marketplace.gatewayUrl() + "/api/orders/" + deliveredOrderId + "/delivery", "{}",
					buyer.authorization())
			.statusCode()).isEqualTo(200);
		// The catalogue learns of the delivery from order-events.
		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.until(() -> review(orderedProductId, buyer.authorization()).statusCode() == 201);
		reviewId = Http
			.json(Http.get(marketplace.gatewayUrl() + "/api/products/" + orderedProductId + "/reviews", Map.of()))
			.path("items")
			.get(0)
			.path("id")
			.asString();
		reviewToDeleteId = writeReviewToDelete();
		assertThat(Http
			.postJson(marketplace.gatewayUrl() + "/api/reviews/" + reviewId + "/reply", "{\"text\": \"Thank you!\"}",
					owner.authorization())
			.statusCode()).isEqualTo(201);
		for (String actor : List.of("buyer", "another buyer", "artisan owner", "admin")) {
			assertThat(Http
				.postJson(marketplace.gatewayUrl() + "/api/reviews/" + reviewId + "/report",
						"{\"reason\": \"checking the matrix\"}", users.get(actor).authorization())
				.statusCode()).isEqualTo(204);
		}
	}

	private static HttpResponse<String> review(String productId, Map<String, String> headers) {
		return Http.postJson(marketplace.gatewayUrl() + "/api/products/" + productId + "/reviews",
				Http.toJson(Map.of("rating", 5, "text", "Fine filigree", "orderId", deliveredOrderId)), headers);
	}

	private static String writeReviewToDelete() {
		HttpResponse<String> written = review(secondReviewedProductId, users.get("buyer").authorization());
		assertThat(written.statusCode()).as(written.body()).isEqualTo(201);
		return Http.json(written).path("id").asString();
	}

	/** Deletes the review as the actor; once deleted, the buyer writes it again. */
	private static HttpResponse<String> deleteReview(String base, String actor) {
		HttpResponse<String> deleted = Http.delete(base + "/api/reviews/" + reviewToDeleteId, headers(actor));
		if (deleted.statusCode() == 204) {
			reviewToDeleteId = writeReviewToDelete();
		}
		return deleted;
	}

	private static HttpResponse<String> placeOrder(Map<String, String> authorization) {
		return placeOrderVia(marketplace.gatewayUrl(), authorization);
	}

	private static String listProduct(Users.User owner) {
		HttpResponse<String> product = Http.postJson(marketplace.gatewayUrl() + "/api/products", product(),
				owner.authorization());
		assertThat(product.statusCode()).as(product.body()).isEqualTo(201);
		return Http.json(product).path("id").asString();
	}

	private static String product() {
		return Http.toJson(Map.of("title", "Filigree earrings", "category", "JEWELRY", "price",
				Map.of("amount", "45.00", "currency", "USD"), "stock", 4));
	}

	/**
	 * One row per endpoint (and per case worth its own row); OpenApiDocumentsSystemTests
	 * checks that every documented endpoint has one.
	 */
	static List<Row> rows() {
		return List.of(
				new Row("POST /api/auth/register", null,
						(base) -> (actor) -> Http.postJson(base + "/api/auth/register",
								Http.toJson(Map.of("email", "new." + UUID.randomUUID() + "@example.com", "password",
										"a-good-password", "displayName", "New", "role", "BUYER")),
								headers(actor)),
						expect(201, 201, 201, 201, 201, 201)),
				new Row("POST /api/auth/login (an account's own credentials, whoever sends them)", null,
						(base) -> (actor) -> Http.postJson(base + "/api/auth/login", credentials(actor),
								headers(actor)),
						expect(200, 200, 200, 200, 200, 200)),
				new Row("GET /api/auth/me", null, (base) -> (actor) -> Http.get(base + "/api/auth/me", headers(actor)),
						expect(401, 200, 200, 200, 200, 200)),
				new Row("GET /api/admin/operations", null,
						(base) -> (actor) -> Http.get(base + "/api/admin/operations", headers(actor)),
						expect(401, 403, 403, 403, 403, 200)),
				actuatorSnapshot(Stack.ARTISAN_SERVICE), actuatorSnapshot(Stack.CATALOG_SERVICE),
				actuatorSnapshot(Stack.ORDER_SERVICE),
				new Row("GET /api/admin/dead-letters", null,
						(base) -> (actor) -> Http.get(base + "/api/admin/dead-letters", headers(actor)),
						expect(401, 403, 403, 403, 403, 200)),
				new Row("POST /api/admin/dead-letters/replay (a record that is not there)", null,
						(base) -> (actor) -> Http.postJson(base + "/api/admin/dead-letters/replay",
								"{\"service\": \"catalog-service\", \"topic\": \"none-dlt\", \"partition\": 0, \"offset\": 0}",
								headers(actor)),
						expect(401, 403, 403, 403, 403, 200)),
				new Row("GET /actuator/deadletters at order-service", null, (base) -> (actor) -> Http
					.get(marketplace.managementUrl(Stack.ORDER_SERVICE) + "/actuator/deadletters", headers(actor)),
						expect(401, 403, 403, 403, 403, 200)),
				new Row("GET /actuator/prometheus at the gateway's public port", null,
						(base) -> (actor) -> Http.get(base + "/actuator/prometheus", headers(actor)),
						expect(404, 404, 404, 404, 404, 404)),
				new Row("GET /readyz at the gateway's public port", null,
						(base) -> (actor) -> Http.get(base + "/readyz", headers(actor)),
						expect(200, 200, 200, 200, 200, 200)),
				new Row("GET /.well-known/jwks.json", null,
						(base) -> (actor) -> Http.get(base + "/.well-known/jwks.json", headers(actor)),
						expect(200, 200, 200, 200, 200, 200)),
				new Row("POST /api/artisans", Stack.ARTISAN_SERVICE,
						(base) -> (actor) -> Http.postJson(base + "/api/artisans", profile("Another Workshop"),
								headers(actor)),
						expect(401, 403, 403, 409, 201, 403)),
				new Row("GET /api/artisans/{id}", Stack.ARTISAN_SERVICE,
						(base) -> (actor) -> Http.get(base + "/api/artisans/" + ownedProfileId, headers(actor)),
						expect(200, 200, 200, 200, 200, 200)),
				new Row("GET /api/artisans", Stack.ARTISAN_SERVICE,
						(base) -> (actor) -> Http.get(base + "/api/artisans?country=UZ", headers(actor)),
						expect(200, 200, 200, 200, 200, 200)),
				new Row("GET /api/artisans/me", Stack.ARTISAN_SERVICE,
						(base) -> (actor) -> Http.get(base + "/api/artisans/me", headers(actor)),
						expect(401, 404, 404, 200, 404, 404)),
				new Row("PUT /api/artisans/{id}", Stack.ARTISAN_SERVICE,
						(base) -> (actor) -> Http.putJson(base + "/api/artisans/" + ownedProfileId,
								profile("Owner's Workshop"), headers(actor)),
						expect(401, 403, 403, 200, 403, 200)),
				new Row("PUT /api/artisans/{id}/verification", Stack.ARTISAN_SERVICE,
						(base) -> (actor) -> Http.putJson(base + "/api/artisans/" + ownedProfileId + "/verification",
								Http.toJson(Map.of("status", "VERIFIED", "note", "workshop visited")), headers(actor)),
						expect(401, 403, 403, 403, 403, 200)),
				new Row("GET /api/artisans/{id}/stats", Stack.ARTISAN_SERVICE,
						(base) -> (actor) -> Http.get(base + "/api/artisans/" + ownedProfileId + "/stats",
								headers(actor)),
						expect(401, 404, 404, 200, 404, 200)),
				new Row("POST /api/products", Stack.CATALOG_SERVICE,
						(base) -> (actor) -> Http.postJson(base + "/api/products", product(), headers(actor)),
						expect(401, 403, 403, 201, 409, 403)),
				new Row("GET /api/products", Stack.CATALOG_SERVICE,
						(base) -> (actor) -> Http.get(base + "/api/products?q=filigree", headers(actor)),
						expect(200, 200, 200, 200, 200, 200)),
				new Row("GET /api/products/suggest", Stack.CATALOG_SERVICE,
						(base) -> (actor) -> Http.get(base + "/api/products/suggest?q=fili", headers(actor)),
						expect(200, 200, 200, 200, 200, 200)),
				new Row("GET /api/products/currencies", Stack.CATALOG_SERVICE,
						(base) -> (actor) -> Http.get(base + "/api/products/currencies", headers(actor)),
						expect(200, 200, 200, 200, 200, 200)),
				new Row("GET /api/products/{id}", Stack.CATALOG_SERVICE,
						(base) -> (actor) -> Http.get(base + "/api/products/" + ownedProductId, headers(actor)),
						expect(200, 200, 200, 200, 200, 200)),
				new Row("GET /api/products/pricing", Stack.CATALOG_SERVICE,
						(base) -> (actor) -> Http.get(base + "/api/products/pricing?ids=" + ownedProductId,
								headers(actor)),
						expect(200, 200, 200, 200, 200, 200)),
				new Row("PUT /api/products/{id}", Stack.CATALOG_SERVICE,
						(base) -> (actor) -> Http.putJson(base + "/api/products/" + ownedProductId, product(),
								headers(actor)),
						expect(401, 403, 403, 200, 403, 200)),
				new Row("PATCH /api/products/{id}/stock", Stack.CATALOG_SERVICE,
						(base) -> (actor) -> Http.patchJson(base + "/api/products/" + ownedProductId + "/stock",
								"{\"stock\": 5}", headers(actor)),
						expect(401, 403, 403, 200, 403, 200)),
				new Row("DELETE /api/products/{id} (archived once the owner has)", Stack.CATALOG_SERVICE,
						(base) -> (actor) -> Http.delete(base + "/api/products/" + productToArchive, headers(actor)),
						expect(401, 403, 403, 200, 404, 200)),
				new Row("POST /api/products/{id}/images", Stack.CATALOG_SERVICE,
						(base) -> (actor) -> Http.postFile(
								base + "/api/products/" + listProduct(users.get("artisan owner")) + "/images", "file",
								"photo.png", "image/png", PNG, headers(actor)),
						expect(401, 403, 403, 201, 403, 201)),
				new Row("POST /api/products/import (an artisan without a profile cannot list)", Stack.CATALOG_SERVICE,
						(base) -> (actor) -> Http.postCsv(base + "/api/products/import",
								"key,title,category,price,currency,stock\nmatrix-1,Filigree ring,JEWELRY,20.00,USD,1\n",
								headers(actor)),
						expect(401, 403, 403, 200, 409, 403)),
				new Row("GET /api/products/export", Stack.CATALOG_SERVICE,
						(base) -> (actor) -> Http.get(base + "/api/products/export", headers(actor)),
						expect(401, 403, 403, 200, 200, 403)),
				new Row("GET /media/{id}", Stack.CATALOG_SERVICE,
						(base) -> (actor) -> Http.get(base + imageUrl, headers(actor)),
						expect(200, 200, 200, 200, 200, 200)),
				new Row("POST /api/products/{id}/reviews (the buyer has reviewed it; others did not buy it)",
						Stack.CATALOG_SERVICE,
						(base) -> (actor) -> Http.postJson(base + "/api/products/" + orderedProductId + "/reviews",
								Http.toJson(Map.of("rating", 4, "orderId", deliveredOrderId)), headers(actor)),
						expect(401, 409, 403, 403, 403, 403)),
				new Row("GET /api/products/{id}/reviews", Stack.CATALOG_SERVICE,
						(base) -> (actor) -> Http.get(base + "/api/products/" + orderedProductId + "/reviews",
								headers(actor)),
						expect(200, 200, 200, 200, 200, 200)),
				new Row("GET /api/reviews/{id}", Stack.CATALOG_SERVICE,
						(base) -> (actor) -> Http.get(base + "/api/reviews/" + reviewId, headers(actor)),
						expect(200, 200, 200, 200, 200, 200)),
				new Row("PUT /api/reviews/{id}", Stack.CATALOG_SERVICE,
						(base) -> (actor) -> Http.putJson(base + "/api/reviews/" + reviewId,
								"{\"rating\": 5, \"text\": \"Fine filigree\"}", headers(actor)),
						expect(401, 200, 403, 403, 403, 403)),
				new Row("DELETE /api/reviews/{id} (written again after each deletion)", Stack.CATALOG_SERVICE,
						(base) -> (actor) -> deleteReview(base, actor), expect(401, 204, 403, 403, 403, 204)),
				new Row("POST /api/reviews/{id}/reply (answered already)", Stack.CATALOG_SERVICE,
						(base) -> (actor) -> Http.postJson(base + "/api/reviews/" + reviewId + "/reply",
								"{\"text\": \"Thank you!\"}", headers(actor)),
						expect(401, 403, 403, 409, 403, 409)),
				new Row("PUT /api/reviews/{id}/reply", Stack.CATALOG_SERVICE,
						(base) -> (actor) -> Http.putJson(base + "/api/reviews/" + reviewId + "/reply",
								"{\"text\": \"Thank you!\"}", headers(actor)),
						expect(401, 403, 403, 200, 403, 200)),
				new Row("POST /api/reviews/{id}/report (reported already by all but a new artisan)",
						Stack.CATALOG_SERVICE,
						(base) -> (actor) -> Http.postJson(base + "/api/reviews/" + reviewId + "/report",
								"{\"reason\": \"checking the matrix\"}", headers(actor)),
						expect(401, 409, 409, 409, 204, 409)),
				new Row("PUT /api/reviews/{id}/moderation", Stack.CATALOG_SERVICE,
						(base) -> (actor) -> Http.putJson(base + "/api/reviews/" + reviewId + "/moderation",
								"{\"status\": \"VISIBLE\", \"note\": \"fine\"}", headers(actor)),
						expect(401, 403, 403, 403, 403, 200)),
				new Row("GET /api/admin/reviews", Stack.CATALOG_SERVICE,
						(base) -> (actor) -> Http.get(base + "/api/admin/reviews?status=REPORTED", headers(actor)),
						expect(401, 403, 403, 403, 403, 200)),
				new Row("PUT /api/me/favourites/products/{id}", Stack.CATALOG_SERVICE,
						(base) -> (actor) -> Http.putJson(base + "/api/me/favourites/products/" + orderedProductId, "",
								headers(actor)),
						expect(401, 204, 204, 403, 403, 403)),
				new Row("DELETE /api/me/favourites/products/{id}", Stack.CATALOG_SERVICE,
						(base) -> (actor) -> Http.delete(base + "/api/me/favourites/products/" + orderedProductId,
								headers(actor)),
						expect(401, 204, 204, 403, 403, 403)),
				new Row("PUT /api/me/favourites/artisans/{id}", Stack.CATALOG_SERVICE,
						(base) -> (actor) -> Http.putJson(base + "/api/me/favourites/artisans/" + ownedProfileId, "",
								headers(actor)),
						expect(401, 204, 204, 403, 403, 403)),
				new Row("DELETE /api/me/favourites/artisans/{id}", Stack.CATALOG_SERVICE,
						(base) -> (actor) -> Http.delete(base + "/api/me/favourites/artisans/" + ownedProfileId,
								headers(actor)),
						expect(401, 204, 204, 403, 403, 403)),
				new Row("GET /api/me/favourites", Stack.CATALOG_SERVICE,
						(base) -> (actor) -> Http.get(base + "/api/me/favourites", headers(actor)),
						expect(401, 200, 200, 403, 403, 403)),
				new Row("POST /api/masterclasses", Stack.CATALOG_SERVICE,
						(base) -> (actor) -> Http.postJson(base + "/api/masterclasses", masterclass(), headers(actor)),
						expect(401, 403, 403, 201, 409, 403)),
				new Row("GET /api/masterclasses", Stack.CATALOG_SERVICE,
						(base) -> (actor) -> Http.get(base + "/api/masterclasses", headers(actor)),
						expect(200, 200, 200, 200, 200, 200)),
				new Row("GET /api/masterclasses/{id}", Stack.CATALOG_SERVICE,
						(base) -> (actor) -> Http.get(base + "/api/masterclasses/" + masterclassId, headers(actor)),
						expect(200, 200, 200, 200, 200, 200)),
				new Row("PUT /api/masterclasses/{id}", Stack.CATALOG_SERVICE,
						(base) -> (actor) -> Http.putJson(base + "/api/masterclasses/" + masterclassId, masterclass(),
								headers(actor)),
						expect(401, 403, 403, 200, 403, 200)),
				new Row("POST /api/masterclasses/{id}/cancel", Stack.CATALOG_SERVICE,
						(base) -> (actor) -> Http.postJson(
								base + "/api/masterclasses/" + scheduledMasterclass() + "/cancel",
								"{\"reason\": \"The workshop is closed\"}", headers(actor)),
						expect(401, 403, 403, 200, 403, 200)),
				new Row("POST /api/masterclasses/{id}/bookings", Stack.CATALOG_SERVICE,
						(base) -> (actor) -> bookVia(base, headers(actor)), expect(401, 201, 201, 403, 403, 403)),
				new Row("GET /api/masterclasses/{id}/bookings", Stack.CATALOG_SERVICE,
						(base) -> (actor) -> Http.get(base + "/api/masterclasses/" + masterclassId + "/bookings",
								headers(actor)),
						expect(401, 403, 403, 200, 403, 200)),
				new Row("GET /api/bookings", Stack.CATALOG_SERVICE,
						(base) -> (actor) -> Http.get(base + "/api/bookings", headers(actor)), expect(401, 200, 200,
								403, 403, 403)),
				new Row("GET /api/bookings/{id}", Stack.CATALOG_SERVICE,
						(base) -> (actor) -> Http.get(base + "/api/bookings/" + bookingId,
								headers(actor)),
						expect(401, 200, 404, 200, 404, 200)),
				new Row("POST /api/bookings/{id}/cancel", Stack.CATALOG_SERVICE,
						(base) -> (actor) -> Http.postJson(base + "/api/bookings/"
								+ Http.json(bookVia(marketplace.gatewayUrl(), users.get("buyer").authorization()))
									.path("id")
									.asString()
								+ "/cancel", "", headers(actor)),
						expect(401, 200, 404, 403, 403, 403)),
				// Not started yet: the owner and an admin get past the access checks to
				// 409.
				new Row("POST /api/bookings/{id}/attendance", Stack.CATALOG_SERVICE,
						(base) -> (actor) -> Http.postJson(base + "/api/bookings/" + bookingId + "/attendance", "",
								headers(actor)),
						expect(401, 403, 403, 409, 404, 409)),
				new Row("GET /api/bookings/{id}/calendar.ics", Stack.CATALOG_SERVICE,
						(base) -> (actor) -> Http.get(base + "/api/bookings/" + bookingId + "/calendar.ics",
								headers(actor)),
						expect(401, 200, 404, 403, 403, 403)),
				new Row("POST /api/me/events/ticket (the live updates' stream ticket)", null,
						(base) -> (actor) -> Http.postJson(base + "/api/me/events/ticket", "", headers(actor)),
						expect(401, 200, 200, 200, 200, 200)),
				new Row("GET /api/me/events (the stream itself, with a bearer token)", null,
						(base) -> (actor) -> EventStream.answer(base + "/api/me/events", headers(actor)),
						expect(401, 200, 200, 200, 200, 200)),
				new Row("POST /api/conversations", Stack.CATALOG_SERVICE,
						(base) -> (actor) -> Http.postJson(base + "/api/conversations",
								Http.toJson(Map.of("productId", ownedProductId, "text", "And in green?")),
								headers(actor)),
						expect(401, 201, 201, 403, 403, 403)),
				new Row("GET /api/conversations", Stack.CATALOG_SERVICE,
						(base) -> (actor) -> Http.get(base + "/api/conversations", headers(actor)),
						expect(401, 200, 200, 200, 200, 200)),
				new Row("GET /api/conversations/unread", Stack.CATALOG_SERVICE,
						(base) -> (actor) -> Http.get(base + "/api/conversations/unread", headers(actor)),
						expect(401, 200, 200, 200, 200, 200)),
				// Only its two participants know a conversation exists; an admin reads
				// the reported ones.
				new Row("GET /api/conversations/{id}", Stack.CATALOG_SERVICE,
						(base) -> (actor) -> Http.get(base + "/api/conversations/" + conversationId, headers(actor)),
						expect(401, 200, 404, 200, 404, 404)),
				new Row("GET /api/conversations/{id}/messages", Stack.CATALOG_SERVICE,
						(base) -> (actor) -> Http.get(base + "/api/conversations/" + conversationId + "/messages",
								headers(actor)),
						expect(401, 200, 404, 200, 404, 404)),
				new Row("POST /api/conversations/{id}/messages", Stack.CATALOG_SERVICE,
						(base) -> (actor) -> Http.postJson(base + "/api/conversations/" + conversationId + "/messages",
								"{\"text\": \"Two weeks.\"}", headers(actor)),
						expect(401, 201, 404, 201, 404, 404)),
				new Row("POST /api/conversations/{id}/read", Stack.CATALOG_SERVICE,
						(base) -> (actor) -> Http.postJson(base + "/api/conversations/" + conversationId + "/read", "",
								headers(actor)),
						expect(401, 200, 404, 200, 404, 404)),
				new Row("POST /api/conversations/{id}/report", Stack.CATALOG_SERVICE,
						(base) -> (actor) -> Http.postJson(
								base + "/api/conversations/" + conversationToReportId + "/report",
								"{\"reason\": \"Asked to pay outside the marketplace\"}", headers(actor)),
						expect(401, 200, 404, 200, 404, 404)),
				new Row("POST /api/orders", Stack.ORDER_SERVICE,
						(base) -> (actor) -> placeOrderVia(base, headers(actor)), expect(401, 202, 202, 403, 403, 403)),
				new Row("GET /api/orders", Stack.ORDER_SERVICE,
						(base) -> (actor) -> Http.get(base + "/api/orders", headers(actor)), expect(401, 200, 200, 200,
								200, 200)),
				new Row("GET /api/orders/{id}", Stack.ORDER_SERVICE,
						(base) -> (actor) -> Http.get(base + "/api/orders/" + buyersOrderId,
								headers(actor)),
						expect(401, 200, 404, 200, 404, 200)),
				new Row("POST /api/orders/{id}/cancel (a fresh order of the buyer's)", Stack.ORDER_SERVICE,
						(base) -> (actor) -> Http.postJson(base + "/api/orders/"
								+ Http.json(placeOrder(users.get("buyer").authorization())).path("id").asString()
								+ "/cancel", "{}", headers(actor)),
						expect(401, 200, 404, 403, 403, 200)),
				new Row("POST /api/orders/{id}/shipments (a fresh confirmed order)", Stack.ORDER_SERVICE,
						(base) -> (actor) -> Http.postJson(base + "/api/orders/" + confirmedOrder() + "/shipments",
								"{\"trackingRef\": \"AZPOST-1\"}", headers(actor)),
						expect(401, 403, 403, 200, 404, 403)),
				new Row("POST /api/orders/{id}/decline (a fresh confirmed order)", Stack.ORDER_SERVICE,
						(base) -> (actor) -> Http.postJson(base + "/api/orders/" + confirmedOrder() + "/decline",
								"{\"reason\": \"out of silk thread\"}", headers(actor)),
						expect(401, 403, 403, 200, 404, 403)),
				new Row("POST /api/orders/{id}/delivery (a fresh shipped order)", Stack.ORDER_SERVICE,
						(base) -> (actor) -> Http.postJson(base + "/api/orders/" + shippedOrder() + "/delivery", "{}",
								headers(actor)),
						expect(401, 200, 404, 403, 403, 200)));
	}

	@TestFactory
	List<DynamicTest> everyEndpointAnswersEachCallerAsExpected() {
		List<DynamicTest> tests = new ArrayList<>();
		for (Row row : rows()) {
			List<String> bases = new ArrayList<>(List.of(marketplace.gatewayUrl()));
			if (row.service() != null) {
				bases.add(marketplace.url(row.service()));
			}
			for (String base : bases) {
				String via = base.equals(marketplace.gatewayUrl()) ? "gateway" : row.service();
				for (int i = 0; i < ACTORS.size(); i++) {
					String actor = ACTORS.get(i);
					int expected = row.expected().get(i);
					tests.add(DynamicTest.dynamicTest(row.endpoint() + " as " + actor + " via " + via, () -> {
						HttpResponse<String> response = row.call().apply(base).apply(actor);
						assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
					}));
				}
			}
		}
		return tests;
	}

	private static HttpResponse<String> placeOrderVia(String base, Map<String, String> authorization) {
		Map<String, String> headers = new HashMap<>(authorization);
		headers.put("Idempotency-Key", UUID.randomUUID().toString());
		return Http.postJson(base + "/api/orders", Http.toJson(Map.of("items",
				List.of(Map.of("productId", orderedProductId, "quantity", 1)), "shippingAddress", Map.of("fullName",
						"Test Buyer", "line1", "Street 1", "city", "Baku", "postalCode", "AZ1000", "country", "AZ"))),
				headers);
	}

	private static String confirmedOrder() {
		Users.User buyer = users.get("buyer");
		String id = Http.json(placeOrder(buyer.authorization())).path("id").asString();
		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.until(() -> Http.json(Http.get(marketplace.gatewayUrl() + "/api/orders/" + id, buyer.authorization()))
				.path("status")
				.asString(), "CONFIRMED"::equals);
		return id;
	}

	private static void awaitStatus(String orderId, String status) {
		Users.User buyer = users.get("buyer");
		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.until(() -> Http.json(Http.get(marketplace.gatewayUrl() + "/api/orders/" + orderId, buyer.authorization()))
				.path("status")
				.asString(), status::equals);
	}

	private static String shippedOrder() {
		String id = confirmedOrder();
		HttpResponse<String> shipped = Http.postJson(marketplace.gatewayUrl() + "/api/orders/" + id + "/shipments",
				"{}", users.get("artisan owner").authorization());
		assertThat(shipped.statusCode()).as(shipped.body()).isEqualTo(200);
		return id;
	}

	/**
	 * The credentials of the actor's account, or of another buyer's for callers without
	 * one: each account signs in only a few times, below the sign-in throttle.
	 */
	private static String credentials(String actor) {
		Users.User account = users.getOrDefault(actor, users.get("another buyer"));
		return Http.toJson(Map.of("email", account.email(), "password", account.password()));
	}

	/** The "another artisan" row needs an artisan without a profile each time. */
	private static Map<String, String> headers(String actor) {
		return switch (actor) {
			case "anonymous" -> Map.of();
			case "another artisan" -> Users.signUp(marketplace, "ARTISAN").authorization();
			default -> users.get(actor).authorization();
		};
	}

	private static String profile(String displayName) {
		return Http
			.toJson(Map.of("displayName", displayName, "craft", "jewellery", "city", "Bukhara", "country", "UZ"));
	}

	/**
	 * A service's operations snapshot, asked at the service itself (the gateway does not
	 * route it).
	 */
	private static Row actuatorSnapshot(String service) {
		return new Row(
				"GET /actuator/marketplace at " + service, null, (base) -> (actor) -> Http
					.get(marketplace.managementUrl(service) + "/actuator/marketplace", headers(actor)),
				expect(401, 403, 403, 403, 403, 200));
	}

	private static List<Integer> expect(Integer... statuses) {
		return List.of(statuses);
	}

	record Row(String endpoint, String service, Function<String, Function<String, HttpResponse<String>>> call,
			List<Integer> expected) {

	}

}
