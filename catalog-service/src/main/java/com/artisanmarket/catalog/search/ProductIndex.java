package com.artisanmarket.catalog.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;

import com.artisanmarket.catalog.artisan.ArtisanSnapshot;
import com.artisanmarket.catalog.product.Product;
import com.artisanmarket.events.ArtisanEvent;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexWriterConfig.OpenMode;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ControlledRealTimeReopenThread;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search read model on disk: one Lucene index of every product (visible or not, so
 * that a reinstated artisan's products come back without a database scan) and of what the
 * index knows of each maker. Writes become visible to searches within
 * {@code maxStaleness} (near-real-time readers, reopened by a background thread); they
 * become durable at {@link #commit(Map)}, together with the event offsets they reflect,
 * so that after a crash the index is exactly as of some offsets and replays from there.
 */
final class ProductIndex implements Closeable {

	private static final Logger logger = LoggerFactory.getLogger(ProductIndex.class);

	/**
	 * Bumped whenever documents or the index's order change: an index of another schema
	 * is rebuilt.
	 */
	static final String SCHEMA = "4";

	private static final String SCHEMA_KEY = "schema";

	private static final String OFFSET_PREFIX = "offset:";

	private final Path path;

	private final Directory directory;

	private final IndexWriter writer;

	private final SearcherManager searchers;

	private final ControlledRealTimeReopenThread<IndexSearcher> reopener;

	private final ProductDocuments documents;

	private final Map<String, Maker> makers = new ConcurrentHashMap<>();

	ProductIndex(Path path, Duration maxStaleness, ProductDocuments documents) {
		this.path = path;
		this.documents = documents;
		try {
			Files.createDirectories(path);
			this.directory = FSDirectory.open(path);
			this.writer = openWriter(path, this.directory);
			this.searchers = new SearcherManager(this.writer, new SearcherFactory());
			double stale = maxStaleness.toMillis() / 1000.0;
			this.reopener = new ControlledRealTimeReopenThread<>(this.writer, this.searchers, stale, stale / 10);
			this.reopener.setName("catalog-search-reopen");
			this.reopener.setDaemon(true);
			this.reopener.start();
			loadMakers();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot open the search index at " + path, ex);
		}
		logger.info("Search index at {} ({} documents)", path, this.writer.getDocStats().numDocs);
	}

	Path path() {
		return this.path;
	}

	/**
	 * The offsets the last commit reflects, or empty if the index has none or is of
	 * another schema (then it must be rebuilt).
	 */
	Map<String, Long> committedOffsets() {
		Map<String, String> committed = commitData(this.writer);
		if (!SCHEMA.equals(committed.get(SCHEMA_KEY))) {
			return Map.of();
		}
		Map<String, Long> offsets = new HashMap<>();
		committed.forEach((key, value) -> {
			if (key.startsWith(OFFSET_PREFIX)) {
				offsets.put(key.substring(OFFSET_PREFIX.length()), Long.parseLong(value));
			}
		});
		return offsets;
	}

	/**
	 * Empties the index and fills it from the source of truth.
	 * @param artisans every artisan the catalogue knows
	 * @param products every product
	 * @return how many products were indexed
	 */
	long rebuild(Stream<ArtisanSnapshot> artisans, Stream<Product> products) {
		try {
			this.writer.deleteAll();
			this.makers.clear();
			artisans.forEach((snapshot) -> putMaker(Maker.of(snapshot)));
			long[] count = { 0 };
			products.forEach((product) -> {
				put(product);
				count[0]++;
			});
			return count[0];
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Indexes a product as MongoDB holds it now. */
	void put(Product product) {
		try {
			this.writer.updateDocument(ProductDocuments.productKey(product.id()),
					this.documents.product(product, this.makers.get(product.artisanId())));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Forgets a product MongoDB no longer has. */
	void remove(String productId) {
		try {
			this.writer.deleteDocuments(ProductDocuments.productKey(productId));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Applies an artisan event that happened at {@code time} to the maker and to every
	 * product of theirs; an event older than what is known changes nothing.
	 */
	void apply(ArtisanEvent event, Instant time) {
		Maker known = this.makers.get(event.artisanId());
		if (known != null && known.newerThan(time)) {
			return;
		}
		Maker maker = Maker.after(known, event, time);
		putMaker(maker);
		try {
			for (Product product : productsOf(maker.id())) {
				this.writer.updateDocument(ProductDocuments.productKey(product.id()),
						this.documents.product(product, maker));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Makes every change so far durable, recorded as reflecting these offsets. */
	void commit(Map<String, Long> offsets) {
		Map<String, String> data = new HashMap<>();
		data.put(SCHEMA_KEY, SCHEMA);
		offsets.forEach((partition, offset) -> data.put(OFFSET_PREFIX + partition, Long.toString(offset)));
		this.writer.setLiveCommitData(data.entrySet());
		try {
			this.writer.commit();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Makes every change so far visible to searches now. */
	void refresh() {
		try {
			this.searchers.maybeRefreshBlocking();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	IndexSearcher acquire() {
		try {
			return this.searchers.acquire();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void release(IndexSearcher searcher) {
		try {
			this.searchers.release(searcher);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	ProductDocuments documents() {
		return this.documents;
	}

	@Override
	public void close() throws IOException {
		this.reopener.close();
		this.searchers.close();
		this.writer.close();
		this.directory.close();
	}

	private void putMaker(Maker maker) {
		this.makers.put(maker.id(), maker);
		try {
			this.writer.updateDocument(ProductDocuments.makerKey(maker.id()), this.documents.maker(maker));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Every product of an artisan as the index holds it, including ones just written. */
	private List<Product> productsOf(String artisanId) throws IOException {
		refresh();
		Query query = new BooleanQuery.Builder()
			.add(new TermQuery(new Term(ProductDocuments.KIND, ProductDocuments.PRODUCT)), Occur.FILTER)
			.add(new TermQuery(new Term(ProductDocuments.ARTISAN_ID, artisanId)), Occur.FILTER)
			.build();
		return readAll(query, this.documents::product);
	}

	private void loadMakers() throws IOException {
		refresh();
		for (Maker maker : readAll(new TermQuery(new Term(ProductDocuments.KIND, ProductDocuments.MAKER)),
				this.documents::maker)) {
			this.makers.put(maker.id(), maker);
		}
	}

	private <T> List<T> readAll(Query query, Function<Document, T> read) throws IOException {
		IndexSearcher searcher = acquire();
		try {
			int max = Math.max(1, searcher.count(query));
			StoredFields stored = searcher.storedFields();
			List<T> all = new ArrayList<>();
			for (ScoreDoc hit : searcher.search(query, max).scoreDocs) {
				all.add(read.apply(stored.document(hit.doc)));
			}
			return all;
		}
		finally {
			release(searcher);
		}
	}

	/**
	 * A writer on the index there; on a fresh, empty one when what is there cannot be
	 * read (damaged, or written by another Lucene version): it is only a read model, and
	 * an index without commit data is rebuilt from MongoDB.
	 */
	private static IndexWriter openWriter(Path path, Directory directory) throws IOException {
		try {
			return new IndexWriter(directory, config(OpenMode.CREATE_OR_APPEND));
		}
		catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException
				| IllegalArgumentException ex) {
			// IllegalArgumentException: an index kept in another order (schema 2 and
			// older)
			logger.warn("The search index at {} cannot be read ({}): starting it afresh", path, ex.toString());
			for (String file : directory.listAll()) {
				if (!file.equals(IndexWriter.WRITE_LOCK_NAME)) {
					directory.deleteFile(file);
				}
			}
			return new IndexWriter(directory, config(OpenMode.CREATE));
		}
	}

	/**
	 * Segments are kept in the listings' default order, newest first: the home listing
	 * and every page of a filtered listing then read only the documents they show instead
	 * of ranking every match (Lucene stops early when the sort is the index's own).
	 */
	private static IndexWriterConfig config(OpenMode mode) {
		return new IndexWriterConfig(new FoldingAnalyzer()).setOpenMode(mode)
			.setIndexSort(ListingQueries.sort(ListingQuery.Order.NEWEST));
	}

	private static Map<String, String> commitData(IndexWriter writer) {
		Map<String, String> data = new HashMap<>();
		Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
		if (live != null) {
			live.forEach((entry) -> data.put(entry.getKey(), entry.getValue()));
		}
		return data;
	}

}
