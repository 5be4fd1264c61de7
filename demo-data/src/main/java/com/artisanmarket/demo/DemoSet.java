package com.artisanmarket.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The demo marketplace as written for this project ({@code demo/marketplace.json}): the
 * shared demo password, buyers, and artisans with their products.
 *
 * @param password every demo account's password
 * @param buyers the buyers; the first is the one the README names
 * @param artisans the artisans; the first is the one the README names
 */
record DemoSet(String password, List<Buyer> buyers, List<Artisan> artisans) {

	static final String RESOURCE = "/demo/marketplace.json";

	static DemoSet load() {
		try (InputStream in = DemoSet.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " is missing from the classpath");
			}
			return Api.JSON.readValue(in, DemoSet.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	List<Product> products() {
		return this.artisans.stream().flatMap((artisan) -> artisan.products().stream()).toList();
	}

	record Buyer(String email, String displayName) {

	}

	record Artisan(String email, String displayName, String craft, String story, String city, String country,
			List<String> languages, String pattern, List<Product> products) {

	}

	record Product(String title, String description, String category, List<String> materials, List<String> tags,
			String price, int stock) {

	}

}
