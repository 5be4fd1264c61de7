package com.artisanmarket.demo;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import tools.jackson.databind.JsonNode;

/**
 * Loads the demo marketplace through the public API, as its people would: artisans sign
 * up, write their profiles, list their pieces and upload pictures; the admin verifies
 * most of them; buyers order, and orders move through every state a buyer or an artisan
 * can cause (confirmed, shipped, delivered, cancelled, rejected for stock); artisans
 * schedule masterclasses and buyers book seats.
 */
final class DemoSeeder {

	/** Left {@code PENDING} so the admin's verification queue is not empty. */
	private static final int UNVERIFIED = 2;

	private final HttpClient http;

	private final String gateway;

	private final Api admin;

	private final DemoSet demo;

	DemoSeeder(HttpClient http, String gateway, Api admin, DemoSet demo) {
		this.http = http;
		this.gateway = gateway;
		this.admin = admin;
		this.demo = demo;
	}

	Summary seed() throws Exception {
		Instant started = Instant.now();
		List<Workshop> workshops = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
			List<Future<Workshop>> opened = new ArrayList<>();
			for (int i = 0; i < this.demo.artisans().size(); i++) {
				DemoSet.Artisan artisan = this.demo.artisans().get(i);
				boolean verify = i < this.demo.artisans().size() - UNVERIFIED;
				opened.add(pool.submit(() -> open(artisan, verify)));
			}
			for (Future<Workshop> workshop : opened) {
				workshops.add(workshop.get());
			}
		}
		List<Api> buyers = this.demo.buyers()
			.stream()
			.map((buyer) -> Api.signUp(this.http, this.gateway, buyer.email(), this.demo.password(),
					buyer.displayName(), "BUYER"))
			.toList();
		DemoOrders demoOrders = new DemoOrders(workshops, buyers);
		int orders = demoOrders.place();
		new DemoReviews(buyers).write(demoOrders.delivered());
		keepFavourites(buyers, workshops);
		new DemoMasterclasses(workshops, buyers).schedule();
		return new Summary(workshops.size(), workshops.stream().mapToInt((w) -> w.products().size()).sum(), orders,
				Duration.between(started, Instant.now()));
	}

	/**
	 * Each buyer keeps three pieces of different workshops and one maker among
	 * favourites.
	 */
	private static void keepFavourites(List<Api> buyers, List<Workshop> workshops) {
		for (int b = 0; b < buyers.size(); b++) {
			for (int k = 0; k < 3; k++) {
				Workshop workshop = workshops.get((2 * b + k) % workshops.size());
				if (!workshop.products().isEmpty()) {
					String productId = workshop.products().get(k % workshop.products().size()).id();
					buyers.get(b).put("/api/me/favourites/products/" + productId);
				}
			}
			buyers.get(b).put("/api/me/favourites/artisans/" + workshops.get(b % workshops.size()).artisanId());
		}
	}

	private Workshop open(DemoSet.Artisan artisan, boolean verify) {
		Api account = Api.signUp(this.http, this.gateway, artisan.email(), this.demo.password(), artisan.displayName(),
				"ARTISAN");
		JsonNode profile = account
			.post("/api/artisans",
					Api.body("displayName", artisan.displayName(), "craft", artisan.craft(), "story", artisan.story(),
							"city", artisan.city(), "country", artisan.country(), "languages", artisan.languages()),
					201);
		if (profile == null) {
			// A retried sign-up of the profile: the first attempt made it.
			profile = account.get("/api/artisans/me");
		}
		String artisanId = profile.path("id").asString();
		if (verify) {
			this.admin.put("/api/artisans/" + artisanId + "/verification",
					Map.of("status", "VERIFIED", "note", "Workshop visited; pieces match the photos."));
		}
		JsonNode report = account.importProducts(csv(artisan.products()));
		List<Listed> listed = new ArrayList<>();
		for (int i = 0; i < artisan.products().size(); i++) {
			DemoSet.Product product = artisan.products().get(i);
			JsonNode row = report.path("results").get(i);
			String outcome = row.path("outcome").asString();
			if (!List.of("CREATED", "UNCHANGED", "UPDATED").contains(outcome)) {
				throw new IllegalStateException("import of " + product.title() + " answered " + row);
			}
			String id = row.path("productId").asString();
			account.uploadImage(id, slug(product.title()) + ".png",
					CraftPictures.png(artisan.pattern(), product.title().hashCode()));
			listed.add(new Listed(id, product.stock()));
		}
		return new Workshop(account, artisanId, listed);
	}

	/**
	 * An artisan's pieces as an import file, keyed by their titles, so that loading them
	 * again (a retry after a 503) creates nothing twice.
	 */
	static String csv(List<DemoSet.Product> products) {
		StringBuilder csv = new StringBuilder("key,title,description,category,materials,tags,price,currency,stock\n");
		for (DemoSet.Product product : products) {
			csv.append(String.join(",", quoted(slug(product.title())), quoted(product.title()),
					quoted(product.description()), quoted(product.category()),
					quoted(String.join("|", product.materials())), quoted(String.join("|", product.tags())),
					quoted(product.price()), quoted("USD"), quoted(Integer.toString(product.stock()))))
				.append('\n');
		}
		return csv.toString();
	}

	static String quoted(String value) {
		return "\"" + ((value != null) ? value.replace("\"", "\"\"") : "") + "\"";
	}

	private static String slug(String title) {
		String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
		return slug.isEmpty() ? "piece" : slug;
	}

	record Listed(String id, int stock) {

	}

	record Workshop(Api account, String artisanId, List<Listed> products) {

	}

	record Summary(int artisans, int products, int orders, Duration took) {

	}

}
