package com.artisanmarket.demo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo data set is as the issue asks and every piece of it passes the API's rules.
 */
class DemoSetTests {

	private final DemoSet demo = DemoSet.load();

	@Test
	void holdsAtLeast24ArtisansAnd150ProductsInEveryCategory() {
		assertThat(this.demo.artisans()).hasSizeGreaterThanOrEqualTo(24);
		assertThat(this.demo.products()).hasSizeGreaterThanOrEqualTo(150);
		Map<String, Long> perCategory = this.demo.products()
			.stream()
			.collect(Collectors.groupingBy(DemoSet.Product::category, Collectors.counting()));
		assertThat(perCategory).containsOnlyKeys("CARPETS", "TEXTILES", "CLOTHING", "JEWELRY", "CERAMICS", "WOODWORK",
				"METALWORK", "PAPER", "OTHER");
	}

	@Test
	void comesFromThePlacesAndCraftsOfAzerbaijanAndUzbekistan() {
		Set<String> cities = this.demo.artisans().stream().map(DemoSet.Artisan::city).collect(Collectors.toSet());
		assertThat(cities).contains("Guba", "Sheki", "Lahij", "Ganja", "Baku", "Samarkand", "Bukhara", "Rishtan",
				"Margilan", "Gijduvan", "Khiva", "Tashkent");
		assertThat(this.demo.artisans()).extracting(DemoSet.Artisan::country).containsOnly("AZ", "UZ");
		assertThat(this.demo.artisans()).extracting(DemoSet.Artisan::pattern)
			.allMatch(CraftPictures.PATTERNS::contains);
		long carpetMakers = this.demo.artisans()
			.stream()
			.filter((artisan) -> artisan.products()
				.stream()
				.anyMatch((product) -> product.title().toLowerCase().contains("carpet")))
			.count();
		assertThat(carpetMakers).as("artisans a search for carpet finds").isGreaterThanOrEqualTo(2);
	}

	@Test
	void everyArtisanAndProductPassesTheApisValidation() {
		for (DemoSet.Artisan artisan : this.demo.artisans()) {
			assertThat(artisan.displayName()).hasSizeBetween(2, 80);
			assertThat(artisan.craft()).isNotBlank().hasSizeLessThanOrEqualTo(80);
			assertThat(artisan.story()).hasSizeLessThanOrEqualTo(4000);
			assertThat(artisan.city()).isNotBlank().hasSizeLessThanOrEqualTo(80);
			assertThat(artisan.languages()).hasSizeLessThanOrEqualTo(10).allMatch((code) -> code.matches("[a-z]{2,3}"));
			assertThat(artisan.products()).isNotEmpty();
		}
		for (DemoSet.Product product : this.demo.products()) {
			assertThat(product.title()).hasSizeBetween(3, 120);
			assertThat(product.description()).hasSizeLessThanOrEqualTo(5000);
			assertThat(product.materials()).hasSizeLessThanOrEqualTo(20)
				.allMatch((m) -> !m.isBlank() && m.length() <= 60);
			assertThat(product.tags()).hasSizeLessThanOrEqualTo(20).allMatch((t) -> !t.isBlank() && t.length() <= 40);
			assertThat(product.price()).matches("[1-9]\\d*\\.\\d{2}");
			assertThat(product.stock()).isBetween(1, 100_000);
		}
	}

	@Test
	void hasUniqueAccountsAndTitlesAndTheAccountsTheReadmeNames() {
		List<String> emails = new ArrayList<>();
		this.demo.artisans().forEach((artisan) -> emails.add(artisan.email()));
		this.demo.buyers().forEach((buyer) -> emails.add(buyer.email()));
		assertThat(new HashSet<>(emails)).hasSameSizeAs(emails);
		assertThat(emails).allMatch((email) -> email.endsWith("@demo.artisan-marketplace.local"));
		List<String> titles = this.demo.products().stream().map(DemoSet.Product::title).toList();
		assertThat(new HashSet<>(titles)).hasSameSizeAs(titles);
		assertThat(this.demo.buyers().get(0).email()).isEqualTo("buyer@demo.artisan-marketplace.local");
		assertThat(this.demo.artisans().get(0).email()).isEqualTo("aysel.mammadova@demo.artisan-marketplace.local");
		assertThat(this.demo.password()).hasSizeGreaterThanOrEqualTo(10);
	}

}
