package com.artisanmarket.catalog.search;

import java.util.List;
import java.util.Map;

import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;

/**
 * Turns a {@link ListingQuery} into Lucene's terms. Every word typed must be found (as
 * today's search did), in any of the product's or its maker's words; an exact word scores
 * most, a word it begins less, a word within a few typos least, so exact matches rank
 * first. Title and maker count more than tags, materials, description and place (BM25
 * with per-field boosts).
 */
final class ListingQueries {

	/** Fields searched and their weight. */
	static final Map<String, Float> FIELDS = Map.of(ProductDocuments.TITLE_TEXT, 3f, ProductDocuments.MAKER_TEXT, 3f,
			ProductDocuments.CRAFT_TEXT, 2f, ProductDocuments.TAGS_TEXT, 1.5f, ProductDocuments.MATERIALS_TEXT, 1f,
			ProductDocuments.DESCRIPTION_TEXT, 1f, ProductDocuments.PLACE_TEXT, 1f);

	/** Fields where typos are forgiven (the names people type from memory). */
	static final List<String> FUZZY_FIELDS = List.of(ProductDocuments.TITLE_TEXT, ProductDocuments.MAKER_TEXT,
			ProductDocuments.CRAFT_TEXT, ProductDocuments.TAGS_TEXT);

	/** Words beyond these are ignored, to bound the work of one query. */
	static final int MAX_WORDS = 10;

	private static final float PREFIX_WEIGHT = 0.5f;

	private static final float FUZZY_WEIGHT = 0.3f;

	private static final int FUZZY_EXPANSIONS = 10;

	private ListingQueries() {
	}

	static Query toQuery(ListingQuery listing) {
		BooleanQuery.Builder query = new BooleanQuery.Builder();
		query.add(new TermQuery(new Term(ProductDocuments.KIND, ProductDocuments.PRODUCT)), Occur.FILTER);
		query.add(new TermQuery(new Term(ProductDocuments.VISIBLE, "yes")), Occur.FILTER);
		Folding.words(listing.text()).stream().limit(MAX_WORDS).forEach((word) -> query.add(word(word), Occur.MUST));
		exact(query, ProductDocuments.CATEGORY, listing.category());
		exact(query, ProductDocuments.COUNTRY, listing.country());
		exact(query, ProductDocuments.CRAFT, listing.craft());
		exact(query, ProductDocuments.ARTISAN_ID, listing.artisanId());
		exact(query, ProductDocuments.CURRENCY, listing.currency());
		if (listing.minPriceMinor() != null || listing.maxPriceMinor() != null) {
			long min = (listing.minPriceMinor() != null) ? listing.minPriceMinor() : Long.MIN_VALUE;
			long max = (listing.maxPriceMinor() != null) ? listing.maxPriceMinor() : Long.MAX_VALUE;
			query.add(LongPoint.newRangeQuery(ProductDocuments.PRICE, min, max), Occur.FILTER);
		}
		if (listing.inStock()) {
			query.add(IntPoint.newRangeQuery(ProductDocuments.STOCK, 1, Integer.MAX_VALUE), Occur.FILTER);
		}
		if (listing.minRating() != null) {
			query.add(DoublePoint.newRangeQuery(ProductDocuments.RATING, listing.minRating(), Double.POSITIVE_INFINITY),
					Occur.FILTER);
		}
		return query.build();
	}

	static Sort sort(ListingQuery.Order order) {
		SortField newest = new SortField(ProductDocuments.CREATED_AT, SortField.Type.LONG, true);
		SortField id = new SortField(ProductDocuments.ID_ORDER, SortField.Type.LONG);
		return switch (order) {
			case RELEVANCE -> new Sort(SortField.FIELD_SCORE, newest, id);
			case NEWEST -> new Sort(newest, id);
			case PRICE_ASC -> new Sort(new SortField(ProductDocuments.PRICE, SortField.Type.LONG), newest, id);
			case PRICE_DESC -> new Sort(new SortField(ProductDocuments.PRICE, SortField.Type.LONG, true), newest, id);
			case RATING -> {
				SortField rating = new SortField(ProductDocuments.RATING, SortField.Type.DOUBLE, true);
				rating.setMissingValue(Double.NEGATIVE_INFINITY);
				yield new Sort(rating, newest, id);
			}
		};
	}

	/**
	 * How many typos a word may carry: none below four letters (too many short words are
	 * one letter apart), one up to seven, two from eight.
	 */
	static int typos(String word) {
		if (word.length() < 4) {
			return 0;
		}
		return (word.length() < 8) ? 1 : 2;
	}

	private static Query word(String word) {
		BooleanQuery.Builder anyField = new BooleanQuery.Builder();
		FIELDS.forEach((field, weight) -> {
			Term term = new Term(field, word);
			anyField.add(new BoostQuery(new TermQuery(term), weight), Occur.SHOULD);
			if (word.length() >= 3) {
				anyField.add(new BoostQuery(new PrefixQuery(term), weight * PREFIX_WEIGHT), Occur.SHOULD);
			}
			if (typos(word) > 0 && FUZZY_FIELDS.contains(field)) {
				anyField.add(new BoostQuery(new FuzzyQuery(term, typos(word), 0, FUZZY_EXPANSIONS, true),
						weight * FUZZY_WEIGHT), Occur.SHOULD);
			}
		});
		return anyField.build();
	}

	private static void exact(BooleanQuery.Builder query, String field, String value) {
		if (value != null && !value.isBlank()) {
			query.add(new TermQuery(new Term(field, value)), Occur.FILTER);
		}
	}

}
