package com.artisanmarket.bench.load;

import java.util.List;
import java.util.Map;

import com.artisanmarket.bench.setup.BenchData;
import io.gatling.javaapi.core.ScenarioBuilder;

import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Shoppers looking around, with the storefront's own requests: the home page's listing,
 * one category's first page, then one of the home page's products. Visitors arrive at a
 * fixed rate (open model), whatever the marketplace's answer times, as they would.
 */
public class BrowseSimulation extends BenchSimulation {

	private final List<Map<String, Object>> categories = BenchData.read(this.settings.data())
		.categories()
		.stream()
		.map((category) -> Map.<String, Object>of("category", category))
		.toList();

	private final ScenarioBuilder browse = scenario("browse").feed(listFeeder(this.categories).random())
		.exec(timed("home listing", (http) -> http.get("/api/products?inStock=true&size=60"), status().is(200),
				jsonPath("$.items[*].id").findRandom().saveAs("productId")))
		.exec(timed("category listing", (http) -> http.get("/api/products?category=#{category}&page=0&size=20"),
				status().is(200)))
		.exec(timed("product page", (http) -> http.get("/api/products/#{productId}"), status().is(200)));

	{
		setUp(this.browse.injectOpen(arrivals())).protocols(protocol());
	}

}
