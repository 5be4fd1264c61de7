package com.artisanmarket.catalog.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.artisanmarket.catalog.product.Product;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;

import org.springframework.stereotype.Component;

/**
 * Public listings, search and completions, answered from the search index alone: no
 * database read on the way.
 */
@Component
public class ProductListings {

	/** Completions offered at most. */
	public static final int SUGGESTIONS = 10;

	private static final int SUGGESTION_CANDIDATES = 200;

	private final ProductIndex index;

	ProductListings(ProductIndex index) {
		this.index = index;
	}

	/**
	 * A page of products with the total and the facets of all results.
	 * @param listing what to find and which page
	 * @return the page
	 */
	public Listing find(ListingQuery listing) {
		IndexSearcher searcher = this.index.acquire();
		try {
			int wanted = (int) Math.min(listing.offset() + listing.size(),
					Math.max(1, searcher.getIndexReader().maxDoc()));
			Object[] results = searcher.search(ListingQueries.toQuery(listing), new MultiCollectorManager(
					new TopFieldCollectorManager(ListingQueries.sort(listing.order()), wanted, null, Integer.MAX_VALUE),
					FacetCounter.manager()));
			TopFieldDocs top = (TopFieldDocs) results[0];
			Facets facets = (Facets) results[1];
			StoredFields stored = searcher.storedFields();
			List<Product> items = new ArrayList<>();
			for (int i = (int) Math.min(listing.offset(), top.scoreDocs.length); i < top.scoreDocs.length; i++) {
				items.add(this.index.documents().product(stored.document(top.scoreDocs[i].doc)));
			}
			return new Listing(items, top.totalHits.value(), facets);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			this.index.release(searcher);
		}
	}

	/**
	 * Titles, crafts and makers' names that complete what a buyer has typed so far: every
	 * finished word found, the last one begun.
	 * @param typed the search box's text
	 * @return at most {@value #SUGGESTIONS} completions
	 */
	public List<String> suggest(String typed) {
		List<String> words = Folding.words(typed).stream().limit(ListingQueries.MAX_WORDS).toList();
		if (words.isEmpty()) {
			return List.of();
		}
		BooleanQuery.Builder query = new BooleanQuery.Builder()
			.add(new TermQuery(new Term(ProductDocuments.KIND, ProductDocuments.PRODUCT)), Occur.FILTER)
			.add(new TermQuery(new Term(ProductDocuments.VISIBLE, "yes")), Occur.FILTER);
		for (int i = 0; i < words.size() - 1; i++) {
			query.add(new TermQuery(new Term(ProductDocuments.SUGGEST_WORDS, words.get(i))), Occur.FILTER);
		}
		query.add(new PrefixQuery(new Term(ProductDocuments.SUGGEST_WORDS, words.getLast())), Occur.FILTER);
		IndexSearcher searcher = this.index.acquire();
		try {
			StoredFields stored = searcher.storedFields();
			Set<String> suggestions = new LinkedHashSet<>();
			for (ScoreDoc hit : searcher.search(query.build(), SUGGESTION_CANDIDATES).scoreDocs) {
				for (String candidate : stored.document(hit.doc, Set.of(ProductDocuments.SUGGESTION))
					.getValues(ProductDocuments.SUGGESTION)) {
					if (completes(Folding.words(candidate), words)) {
						suggestions.add(candidate);
					}
				}
				if (suggestions.size() >= SUGGESTIONS) {
					break;
				}
			}
			return suggestions.stream().limit(SUGGESTIONS).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			this.index.release(searcher);
		}
	}

	private static boolean completes(List<String> candidate, List<String> typed) {
		for (int i = 0; i < typed.size() - 1; i++) {
			if (!candidate.contains(typed.get(i))) {
				return false;
			}
		}
		return candidate.stream().anyMatch((word) -> word.startsWith(typed.getLast()));
	}

}
