package com.artisanmarket.catalog.search;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.artisanmarket.catalog.search.Facets.Count;
import com.artisanmarket.catalog.search.Facets.PriceBand;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Counts every result of a search per category, country, craft, price band and stock, in
 * the same pass that finds the page (per segment by ordinal, so a count costs an array
 * increment, not a string per result).
 */
final class FacetCounter implements Collector {

	/** The lower bounds of the price bands, in major units; the last band is open. */
	static final long[] BAND_STARTS = { 0, 25, 100, 500, 2000 };

	private final Map<String, Long> categories = new HashMap<>();

	private final Map<String, Long> countries = new HashMap<>();

	private final Map<String, Long> crafts = new HashMap<>();

	private final long[] bands = new long[BAND_STARTS.length];

	private long inStock;

	private long total;

	@Override
	public ScoreMode scoreMode() {
		return ScoreMode.COMPLETE_NO_SCORES;
	}

	@Override
	public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
		return new Leaf(context);
	}

	static CollectorManager<FacetCounter, Facets> manager() {
		return new CollectorManager<>() {

			@Override
			public FacetCounter newCollector() {
				return new FacetCounter();
			}

			@Override
			public Facets reduce(Collection<FacetCounter> counters) {
				FacetCounter all = new FacetCounter();
				counters.forEach(all::add);
				return all.facets();
			}

		};
	}

	private void add(FacetCounter other) {
		other.categories.forEach((value, count) -> this.categories.merge(value, count, Long::sum));
		other.countries.forEach((value, count) -> this.countries.merge(value, count, Long::sum));
		other.crafts.forEach((value, count) -> this.crafts.merge(value, count, Long::sum));
		for (int i = 0; i < this.bands.length; i++) {
			this.bands[i] += other.bands[i];
		}
		this.inStock += other.inStock;
		this.total += other.total;
	}

	private Facets facets() {
		List<PriceBand> priceBands = new ArrayList<>();
		for (int i = 0; i < BAND_STARTS.length; i++) {
			boolean last = i == BAND_STARTS.length - 1;
			String name = last ? BAND_STARTS[i] + "+" : BAND_STARTS[i] + "-" + BAND_STARTS[i + 1];
			BigDecimal max = last ? null : BigDecimal.valueOf(BAND_STARTS[i + 1] * 100 - 1, 2);
			priceBands.add(new PriceBand(name, BigDecimal.valueOf(BAND_STARTS[i]), max, this.bands[i]));
		}
		return new Facets(counts(this.categories), counts(this.countries), counts(this.crafts), priceBands,
				List.of(new Count("true", this.inStock), new Count("false", this.total - this.inStock)));
	}

	/** Most frequent first, then by name, so the order is stable. */
	private static List<Count> counts(Map<String, Long> counts) {
		return counts.entrySet()
			.stream()
			.map((entry) -> new Count(entry.getKey(), entry.getValue()))
			.sorted(Comparator.comparingLong(Count::count).reversed().thenComparing(Count::value))
			.toList();
	}

	static int band(long priceMinor) {
		int band = 0;
		for (int i = 0; i < BAND_STARTS.length; i++) {
			if (priceMinor >= BAND_STARTS[i] * 100) {
				band = i;
			}
		}
		return band;
	}

	private final class Leaf implements LeafCollector {

		private final SortedDocValues category;

		private final SortedDocValues country;

		private final SortedDocValues craft;

		private final NumericDocValues price;

		private final NumericDocValues stock;

		private final long[] categoryCounts;

		private final long[] countryCounts;

		private final long[] craftCounts;

		Leaf(LeafReaderContext context) throws IOException {
			this.category = DocValues.getSorted(context.reader(), ProductDocuments.CATEGORY);
			this.country = DocValues.getSorted(context.reader(), ProductDocuments.COUNTRY);
			this.craft = DocValues.getSorted(context.reader(), ProductDocuments.CRAFT);
			this.price = DocValues.getNumeric(context.reader(), ProductDocuments.PRICE);
			this.stock = DocValues.getNumeric(context.reader(), ProductDocuments.STOCK);
			this.categoryCounts = new long[this.category.getValueCount()];
			this.countryCounts = new long[this.country.getValueCount()];
			this.craftCounts = new long[this.craft.getValueCount()];
		}

		@Override
		public void setScorer(Scorable scorer) {
		}

		@Override
		public void collect(int doc) throws IOException {
			FacetCounter.this.total++;
			count(this.category, this.categoryCounts, doc);
			count(this.country, this.countryCounts, doc);
			count(this.craft, this.craftCounts, doc);
			if (this.price.advanceExact(doc)) {
				FacetCounter.this.bands[band(this.price.longValue())]++;
			}
			if (this.stock.advanceExact(doc) && this.stock.longValue() > 0) {
				FacetCounter.this.inStock++;
			}
		}

		@Override
		public void finish() throws IOException {
			merge(this.category, this.categoryCounts, FacetCounter.this.categories);
			merge(this.country, this.countryCounts, FacetCounter.this.countries);
			merge(this.craft, this.craftCounts, FacetCounter.this.crafts);
		}

		private static void count(SortedDocValues values, long[] counts, int doc) throws IOException {
			if (values.advanceExact(doc)) {
				counts[values.ordValue()]++;
			}
		}

		private static void merge(SortedDocValues values, long[] counts, Map<String, Long> into) throws IOException {
			for (int ord = 0; ord < counts.length; ord++) {
				if (counts[ord] > 0) {
					into.merge(values.lookupOrd(ord).utf8ToString(), counts[ord], Long::sum);
				}
			}
		}

	}

}
