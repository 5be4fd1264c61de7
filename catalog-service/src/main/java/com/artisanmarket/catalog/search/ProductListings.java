package com.artisanmarket.catalog.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.artisanmarket.catalog.product.Product;
import com.artisanmarket.catalog.search.FacetCounter.Counted;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Sort;
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

	/**
	 * Matching products looked at for completions, in index order; a search box asks
	 * after each letter, and a short prefix matches most of the catalogue.
	 */
	private static final int SUGGESTION_CANDIDATES = 1_000;

	/** Searches whose total and facets are kept, per index version. */
	private static final int COUNTED_SEARCHES = 256;

	private final ProductIndex index;

	/**
	 * The total and facets of recent searches. They depend on what is searched, not on
	 * the sort or the page, and counting them visits every match: at 100,000 products a
	 * profile of the home listing put most of its time there. The key holds the index
	 * version, and every change makes a new version within the refresh interval, so no
	 * count outlives the catalogue it counted (as Elasticsearch's request cache, per
	 * refresh).
	 */
	private final Cache<CountedKey, Counted> counted = Caffeine.newBuilder().maximumSize(COUNTED_SEARCHES).build();

	/**
	 * Counts a search's results segment by segment, reusing unchanged segments' counts.
	 */
	private final FacetCounter facets = new FacetCounter();

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
			Query query = ListingQueries.toQuery(listing);
			Sort sort = ListingQueries.sort(listing.order());
			IndexReader.CacheHelper version = searcher.getIndexReader().getReaderCacheHelper();
			Counted counted = (version != null)
					? this.counted.get(new CountedKey(version.getKey(), query), (key) -> count(searcher, query))
					: count(searcher, query);
			// The total is known, so the page alone: hits that cannot make it need not be
			// counted.
			TopFieldDocs top = searcher.search(query, new TopFieldCollectorManager(sort, wanted, null, wanted));
			StoredFields stored = searcher.storedFields();
			List<Product> items = new ArrayList<>();
			for (int i = (int) Math.min(listing.offset(), top.scoreDocs.length); i < top.scoreDocs.length; i++) {
				items.add(this.index.documents().product(stored.document(top.scoreDocs[i].doc)));
			}
			return new Listing(items, counted.total(), counted.facets());
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
			return searcher.search(query.build(), new CompletionCollectorManager(words));
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

	private Counted count(IndexSearcher searcher, Query query) {
		try {
			return this.facets.count(searcher, query);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private record CountedKey(IndexReader.CacheKey version, Query query) {
	}

	/**
	 * Completions from the products a suggestion query matches, in index order: each
	 * product's title, craft and maker's name, each distinct value read and folded once
	 * per segment, and the search stops once {@value #SUGGESTIONS} are found or
	 * {@value #SUGGESTION_CANDIDATES} products were looked at.
	 */
	private record CompletionCollectorManager(
			List<String> typed) implements CollectorManager<CompletionCollector, List<String>> {

		@Override
		public CompletionCollector newCollector() {
			return new CompletionCollector(this.typed);
		}

		@Override
		public List<String> reduce(Collection<CompletionCollector> collectors) {
			Set<String> found = new LinkedHashSet<>();
			collectors.forEach((collector) -> found.addAll(collector.found));
			return found.stream().limit(SUGGESTIONS).toList();
		}

	}

	private static final class CompletionCollector implements Collector {

		private final List<String> typed;

		private final Set<String> found = new LinkedHashSet<>();

		private int examined;

		CompletionCollector(List<String> typed) {
			this.typed = typed;
		}

		private boolean done() {
			return this.found.size() >= SUGGESTIONS || this.examined >= SUGGESTION_CANDIDATES;
		}

		@Override
		public LeafCollector getLeafCollector(LeafReaderContext leaf) throws IOException {
			if (done()) {
				throw new CollectionTerminatedException();
			}
			List<SortedDocValues> values = new ArrayList<>();
			List<Set<Integer>> seen = new ArrayList<>();
			for (String field : ProductDocuments.SUGGESTIONS) {
				values.add(DocValues.getSorted(leaf.reader(), field));
				seen.add(new HashSet<>());
			}
			return new LeafCollector() {

				@Override
				public void setScorer(Scorable scorer) {
				}

				@Override
				public void collect(int doc) throws IOException {
					for (int i = 0; i < values.size(); i++) {
						SortedDocValues value = values.get(i);
						if (value.advanceExact(doc) && seen.get(i).add(value.ordValue())) {
							String candidate = value.lookupOrd(value.ordValue()).utf8ToString();
							if (completes(Folding.words(candidate), CompletionCollector.this.typed)) {
								CompletionCollector.this.found.add(candidate);
							}
						}
					}
					CompletionCollector.this.examined++;
					if (done()) {
						throw new CollectionTerminatedException();
					}
				}

			};
		}

		@Override
		public ScoreMode scoreMode() {
			return ScoreMode.COMPLETE_NO_SCORES;
		}

	}

}
