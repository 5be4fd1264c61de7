package com.artisanmarket.bench.load;

import java.util.List;

import io.gatling.javaapi.core.ScenarioBuilder;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.uniformRandomSwitch;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Shoppers searching, each with one of a few queries with filters as the search page
 * sends them: folded spellings, a country, a category with a price order, a price range.
 * On the embedded MongoDB every search scans the catalogue, so this is the read that
 * grows with its size. Searchers arrive at a fixed rate (open model).
 */
public class SearchSimulation extends BenchSimulation {

	static final List<String> QUERIES = List.of("q=carpet", "q=silk&country=UZ", "q=sirvan&category=CARPETS",
			"q=plate&category=CERAMICS&sort=price_asc", "q=copper&inStock=true&minPrice=10&maxPrice=200");

	private final ScenarioBuilder search = scenario("search").exec(uniformRandomSwitch().on(QUERIES.stream()
		.map((query) -> timed("search " + query, (http) -> http.get("/api/products?" + query + "&page=0&size=20"),
				status().is(200)))
		.toList()));

	{
		setUp(this.search.injectOpen(constantUsersPerSec(this.settings.rate()).during(this.settings.duration())))
			.protocols(protocol());
	}

}
