package com.artisanmarket.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The demo buyers' reviews of what was delivered to them, each in the buyer's language
 * (Leyla writes in Azerbaijani, Timur in Uzbek, Hannah and James in English), with some
 * answers by the artisans and one review reported by another buyer. Written for this
 * project; loaded through the API like everything else.
 */
final class DemoReviews {

	/**
	 * The catalogue learns of a delivery from order-events: until then a review is 409.
	 */
	private static final Duration DELIVERY_NEWS = Duration.ofSeconds(60);

	/** Per buyer (in the demo's order): star ratings and texts, taken in turn. */
	private static final List<List<Written>> BY_BUYER = List.of(
			List.of(new Written(5,
					"Şəkildəkindən də gözəldir. Naxışlar çox incə işlənib, qablaşdırma da səliqəli idi."),
					new Written(4, "Keyfiyyəti əladır, yalnız çatdırılma bir az gecikdi."),
					new Written(5, "Anama hədiyyə aldım, çox sevindi. Ustanın əlinə sağlıq!")),
			List.of(new Written(5, "Juda chiroyli ish, ranglari rasmdagidan ham yorqin. Rahmat, usta!"),
					new Written(4, "Sifati yaxshi, faqat oʻlchami men kutganimdan biroz kichikroq ekan."),
					new Written(5, "Qoʻl mehnati darhol seziladi. Albatta yana buyurtma beraman.")),
			List.of(new Written(5,
					"Beautifully made and carefully wrapped. You can see the hours of handwork in every detail."),
					new Written(3, "Fine craftsmanship, but the colour is darker than in the photos."),
					new Written(4,
							"Lovely piece, exactly as described. It took a little longer to arrive than I expected.")),
			List.of(new Written(5, "A real heirloom. It arrived with a handwritten note from the maker."),
					new Written(4, "Solid, honest work. The pattern is slightly off-centre, which I rather like."),
					new Written(5, "Better than anything I found in the bazaar, and sent with great care.")));

	/** The artisans' answers, in turn. */
	private static final List<String> REPLIES = List.of("Çox sağ olun! Sizi yenə gözləyirik.",
			"Rahmat! Sizni yana kutib qolamiz.",
			"Thank you for your kind words. It was a pleasure to make it for you.");

	private final List<Api> buyers;

	DemoReviews(List<Api> buyers) {
		this.buyers = buyers;
	}

	/** Writes a review of every delivered line; answers every third; reports one. */
	void write(List<Delivered> orders) throws InterruptedException {
		int written = 0;
		boolean reported = false;
		for (Delivered order : orders) {
			Api buyer = this.buyers.get(order.buyer());
			List<Written> texts = BY_BUYER.get(order.buyer() % BY_BUYER.size());
			for (Bought line : order.lines()) {
				Written text = texts.get(written % texts.size());
				JsonNode review = review(buyer, order.orderId(), line.productId(), text);
				written++;
				if (review == null) {
					continue;
				}
				String id = review.path("id").asString();
				if (written % 3 == 0) {
					line.seller()
						.account()
						.post("/api/reviews/" + id + "/reply",
								Map.of("text", REPLIES.get(written / 3 % REPLIES.size())), 201);
				}
				if (!reported && text.rating() <= 3) {
					Api other = this.buyers.get((order.buyer() + 1) % this.buyers.size());
					other.post("/api/reviews/" + id + "/report",
							Map.of("reason", "Says nothing the photos do not; please check it is about this piece."),
							204);
					reported = true;
				}
			}
		}
	}

	/**
	 * Posts a review, again while the catalogue has not yet heard of the delivery.
	 * @return the review, or {@code null} when the buyer had reviewed the product already
	 * (a product bought twice)
	 */
	private static JsonNode review(Api buyer, String orderId, String productId, Written text)
			throws InterruptedException {
		Instant deadline = Instant.now().plus(DELIVERY_NEWS);
		Map<String, Object> body = Map.of("rating", text.rating(), "text", text.text(), "orderId", orderId);
		while (true) {
			Api.Response answer = buyer.attempt("/api/products/" + productId + "/reviews", body);
			if (answer.status() == 201) {
				return answer.body();
			}
			boolean reviewedAlready = answer.status() == 409
					&& answer.body().path("detail").asString().contains("reviewed this product already");
			if (reviewedAlready) {
				return null;
			}
			if (answer.status() != 409 || Instant.now().isAfter(deadline)) {
				throw new IllegalStateException(
						"demo review of " + productId + ": " + answer.status() + " " + answer.text());
			}
			Thread.sleep(200);
		}
	}

	/**
	 * A delivered demo order.
	 *
	 * @param buyer the buyer's place among the demo buyers
	 * @param orderId the order
	 * @param lines what was in it, and who sold it
	 */
	record Delivered(int buyer, String orderId, List<Bought> lines) {

	}

	/**
	 * @param productId the product
	 * @param seller its workshop
	 */
	record Bought(String productId, DemoSeeder.Workshop seller) {

	}

	/**
	 * @param rating stars
	 * @param text the review
	 */
	private record Written(int rating, String text) {

	}

}
