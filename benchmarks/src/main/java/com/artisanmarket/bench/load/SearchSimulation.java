package com.artisanmarket.bench.load;

import java.util.List;
import java.util.stream.Stream;

import io.gatling.javaapi.core.ScenarioBuilder;

import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.uniformRandomSwitch;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Shoppers searching, each with one of a few requests as the storefront sends them: the
 * home listing (newest first) and a page deep into it, queries with filters (folded
 * spellings, a typo, a country, a category with a price order, a price range; every
 * result page carries its total and facet counts), or typing into the search box, which
 * asks for suggestions after each letter. Both are answered from catalog-service's search
 * index, whose cost grows with the catalogue. Searchers arrive at a fixed rate (open
 * model).
 */
public class SearchSimulation extends BenchSimulation {

	static final List<String> QUERIES = List.of("page=0", "page=50", "q=carpet", "q=silk&country=UZ", "q=suzanni",
			"q=sirvan&category=CARPETS", "category=CERAMICS&sort=price_asc",
			"q=copper&inStock=true&minPrice=10&maxPrice=200");

	/** What the search box asks as a shopper types. */
	static final List<String> TYPED = List.of("su", "suz", "kar", "cer", "rish");

	private final ScenarioBuilder search = scenario("search").exec(
			uniformRandomSwitch()
				.on(Stream
					.concat(QUERIES.stream()
						.map((query) -> timed("search " + query,
								(http) -> http.get("/api/products?" + query + (query.contains("page=") ? "" : "&page=0")
										+ "&size=20"),
								status().is(200))),
							TYPED.stream()
								.map((typed) -> timed("suggest q=" + typed,
										(http) -> http.get("/api/products/suggest?q=" + typed), status().is(200))))
					.toList()));

	{
		setUp(this.search.injectOpen(arrivals())).protocols(protocol());
	}

}
