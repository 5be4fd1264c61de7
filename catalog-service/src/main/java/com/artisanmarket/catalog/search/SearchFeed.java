package com.artisanmarket.catalog.search;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import com.artisanmarket.catalog.artisan.ArtisanSnapshots;
import com.artisanmarket.catalog.favourite.Favourites;
import com.artisanmarket.catalog.product.Product;
import com.artisanmarket.catalog.product.ProductWrites;
import com.artisanmarket.catalog.stock.Reservations;
import com.artisanmarket.events.ArtisanEvent;
import com.artisanmarket.events.CatalogEvent.FavouriteEvent;
import com.artisanmarket.events.CatalogEvent.ProductArchived;
import com.artisanmarket.events.CatalogEvent.ProductListed;
import com.artisanmarket.events.CatalogEvent.ProductUpdated;
import com.artisanmarket.events.CatalogEvent.ReviewEvent;
import com.artisanmarket.events.CatalogEvent.StockReleased;
import com.artisanmarket.events.CatalogEvent.StockReservationFailed;
import com.artisanmarket.events.CatalogEvent.StockReserved;
import com.artisanmarket.events.EventEnvelope;
import com.artisanmarket.events.EventJson;
import com.artisanmarket.events.MarketplaceEvent;
import com.artisanmarket.events.Topics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps this instance's index in step with MongoDB from the catalogue's own events
 * ({@value Topics#CATALOG_EVENTS}: products listed, changed, archived; stock reserved and
 * released; reviews' ratings and favourites' counts, copied to the product first) and the
 * artisans' ({@value Topics#ARTISAN_EVENTS}: name, craft, city, suspension). Each
 * instance reads every partition itself, in a consumer group of its own
 * ({@code catalog-search-<random>}), so every instance keeps a whole index.
 *
 * <p>
 * Nothing is missed: the offsets an index reflects are stored in its Lucene commit, with
 * the documents. At start an index whose offsets Kafka still has resumes from them; one
 * that is missing, of another schema or whose offsets Kafka no longer has is rebuilt from
 * MongoDB. A rebuild notes the ends of {@value Topics#CATALOG_EVENTS} before it reads the
 * products, and resumes from there: a product is written before its event is published,
 * so what a rebuild read is at least as new as those events. Artisan events are replayed
 * from the start after a rebuild (they are few, and the artisans' read model may lag
 * their topic), each ignored when older than what the index knows.
 *
 * <p>
 * An event names what changed; the product is read again from MongoDB (the products of a
 * poll's events together, a query per {@value #REFRESH_BATCH}), so applying an event
 * twice, or an old one after a restart, leaves the index as MongoDB is. Start-up waits
 * for the index to be ready, so an instance never answers from a half-built one.
 */
@Component
class SearchFeed implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(SearchFeed.class);

	private static final Duration POLL = Duration.ofMillis(100);

	private static final Duration RETRY = Duration.ofSeconds(1);

	/** How long start-up waits for the event topics to exist. */
	private static final Duration TOPICS_WAIT = Duration.ofSeconds(90);

	/** Products read from MongoDB per batch while rebuilding. */
	private static final int REBUILD_BATCH = 1_000;

	/** Events that are worth fetching without waiting for the gather time: ~1,000. */
	private static final int GATHER_BYTES = 1 << 20;

	/** Products read from MongoDB per query while following the events. */
	private static final int REFRESH_BATCH = 500;

	/** A product's fields the index does not hold, left out of its reads. */
	private static final String[] UNINDEXED_FIELDS = { "outbox", "reservedBy", "returnedBy" };

	private final ProductIndex index;

	private final MongoOperations mongo;

	private final ArtisanSnapshots artisans;

	private final Reservations reservations;

	private final ProductWrites products;

	private final Favourites favourites;

	private final ConsumerFactory<String, String> consumers;

	private final SearchProperties properties;

	private final Clock clock;

	private final String group = "catalog-search-" + UUID.randomUUID();

	private final Map<String, Long> positions = new HashMap<>();

	private volatile boolean running;

	private Consumer<String, String> consumer;

	private Thread thread;

	SearchFeed(ProductIndex index, MongoOperations mongo, ArtisanSnapshots artisans, Reservations reservations,
			ProductWrites products, Favourites favourites, ConsumerFactory<String, String> consumers,
			SearchProperties properties, Clock clock) {
		this.products = products;
		this.favourites = favourites;
		this.index = index;
		this.mongo = mongo;
		this.artisans = artisans;
		this.reservations = reservations;
		this.consumers = consumers;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void start() {
		Properties overrides = new Properties();
		overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
		// Asking for a missing topic must not create it with the broker's default
		// partitions.
		overrides.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
		// The broker holds a fetch until it has GATHER_BYTES or the gather time has
		// passed (or answers at once when the gather time is 0, as Kafka does by
		// default).
		Duration gather = this.properties.gather();
		overrides.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, gather.isPositive() ? GATHER_BYTES : 1);
		overrides.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, gather.isPositive() ? (int) gather.toMillis() : 500);
		this.consumer = this.consumers.createConsumer(this.group, null, null, overrides);
		List<TopicPartition> partitions = new ArrayList<>();
		Instant giveUp = this.clock.instant().plus(TOPICS_WAIT);
		for (String topic : List.of(Topics.CATALOG_EVENTS, Topics.ARTISAN_EVENTS)) {
			partitionsOf(topic, giveUp)
				.forEach((info) -> partitions.add(new TopicPartition(info.topic(), info.partition())));
		}
		this.consumer.assign(partitions);
		Map<TopicPartition, Long> from = resumable(partitions);
		if (from == null) {
			from = rebuild(partitions);
		}
		from.forEach((partition, offset) -> {
			this.consumer.seek(partition, offset);
			this.positions.put(key(partition), offset);
		});
		this.running = true;
		this.thread = new Thread(this::consume, "catalog-search-feed");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/**
	 * The topic's partitions, once the broker knows the topic: the services create their
	 * topics as they start, beside a broker that may still be starting.
	 */
	private List<PartitionInfo> partitionsOf(String topic, Instant giveUp) {
		boolean told = false;
		while (true) {
			List<PartitionInfo> infos = this.consumer.partitionsFor(topic);
			if (infos != null && !infos.isEmpty()) {
				return infos;
			}
			if (!this.clock.instant().isBefore(giveUp)) {
				// Consuming nothing would leave the index silently behind for ever.
				throw new IllegalStateException("Kafka has no topic " + topic + " for the search index to follow");
			}
			if (!told) {
				logger.info("Waiting for Kafka to have the topic {}", topic);
				told = true;
			}
			try {
				Thread.sleep(RETRY);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for the topic " + topic, ex);
			}
		}
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.consumer != null) {
			this.consumer.wakeup();
		}
		if (this.thread != null) {
			try {
				this.thread.join(Duration.ofSeconds(10));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Before the web server starts (so no request sees a half-built index), after
	 * everything it reads from exists.
	 */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 2048;
	}

	/** The offsets to resume from, or {@code null} if the index must be rebuilt. */
	private Map<TopicPartition, Long> resumable(List<TopicPartition> partitions) {
		Map<String, Long> committed = this.index.committedOffsets();
		if (committed.isEmpty()) {
			logger.info("The search index at {} is new or of another schema: rebuilding it", this.index.path());
			return null;
		}
		Map<TopicPartition, Long> beginnings = this.consumer.beginningOffsets(partitions);
		Map<TopicPartition, Long> ends = this.consumer.endOffsets(partitions);
		Map<TopicPartition, Long> from = new HashMap<>();
		for (TopicPartition partition : partitions) {
			Long offset = committed.get(key(partition));
			if (offset == null || offset < beginnings.get(partition) || offset > ends.get(partition)) {
				logger.info("The search index at {} is stale ({} at {}, Kafka has {} to {}): rebuilding it",
						this.index.path(), partition, offset, beginnings.get(partition), ends.get(partition));
				return null;
			}
			from.put(partition, offset);
		}
		logger.info("The search index at {} resumes from {}", this.index.path(), committed);
		return from;
	}

	private Map<TopicPartition, Long> rebuild(List<TopicPartition> partitions) {
		Instant started = this.clock.instant();
		Map<TopicPartition, Long> from = new HashMap<>();
		List<TopicPartition> catalog = partitions.stream()
			.filter((partition) -> partition.topic().equals(Topics.CATALOG_EVENTS))
			.toList();
		List<TopicPartition> artisanEvents = partitions.stream()
			.filter((partition) -> partition.topic().equals(Topics.ARTISAN_EVENTS))
			.toList();
		from.putAll(this.consumer.endOffsets(catalog));
		from.putAll(this.consumer.beginningOffsets(artisanEvents));
		// The ids first, then the products by id, a batch at a time: the embedded MongoDB
		// server keeps every document a find matches in memory until the cursor is read
		// to its end, and at a million products that filled its heap (it stopped
		// answering for minutes); a million ids fit. In batches too: it answers a find
		// without a batch size in one reply, which the driver refuses above 48 MB.
		Query everything = new Query().cursorBatchSize(REBUILD_BATCH);
		everything.fields().include("_id");
		long products;
		try (var snapshots = this.artisans.all();
				var ids = this.mongo.stream(everything, Document.class, Product.COLLECTION)) {
			products = this.index.rebuild(snapshots, byIdBatches(ids.map((id) -> id.getString("_id"))));
		}
		Map<String, Long> offsets = new HashMap<>();
		from.forEach((partition, offset) -> offsets.put(key(partition), offset));
		this.index.commit(offsets);
		this.index.refresh();
		logger.info("Rebuilt the search index at {} from MongoDB: {} products in {} ms", this.index.path(), products,
				Duration.between(started, this.clock.instant()).toMillis());
		return from;
	}

	/**
	 * The products of the ids, read {@value #REBUILD_BATCH} at a time as the stream is.
	 */
	private Stream<Product> byIdBatches(Stream<String> ids) {
		Iterator<String> remaining = ids.iterator();
		return Stream.generate(() -> {
			List<String> batch = new ArrayList<>(REBUILD_BATCH);
			while (remaining.hasNext() && batch.size() < REBUILD_BATCH) {
				batch.add(remaining.next());
			}
			return batch;
		}).takeWhile((batch) -> !batch.isEmpty()).flatMap((batch) -> findByIds(batch).stream());
	}

	/** The products of the ids that MongoDB has, without the fields the index ignores. */
	private List<Product> findByIds(List<String> ids) {
		Query query = new Query(Criteria.where("_id").in(ids));
		query.fields().exclude(UNINDEXED_FIELDS);
		return this.mongo.find(query, Product.class);
	}

	private void consume() {
		Instant lastCommit = this.clock.instant();
		boolean changed = false;
		try {
			while (this.running) {
				try {
					Set<String> stale = new LinkedHashSet<>();
					Map<String, Long> reached = new HashMap<>();
					for (ConsumerRecord<String, String> record : this.consumer.poll(POLL)) {
						if (!this.running) {
							// Stopping: what is left of the batch is read again on the
							// next start, from the committed positions.
							break;
						}
						applyOrSkip(record, stale);
						reached.put(key(new TopicPartition(record.topic(), record.partition())), record.offset() + 1);
					}
					refresh(stale);
					this.positions.putAll(reached);
					changed |= !reached.isEmpty();
				}
				catch (WakeupException ex) {
					break;
				}
				catch (DataAccessException | UncheckedIOException ex) {
					// MongoDB or the disk is unavailable: try the same records again.
					logger.warn("Could not update the search index, retrying: {}", ex.toString());
					this.positions.forEach((partition, offset) -> this.consumer.seek(partition(partition), offset));
					pause();
				}
				if (changed && Duration.between(lastCommit, this.clock.instant())
					.compareTo(this.properties.commitInterval()) >= 0) {
					this.index.commit(this.positions);
					lastCommit = this.clock.instant();
					changed = false;
				}
			}
			this.index.commit(this.positions);
		}
		finally {
			this.consumer.close();
		}
	}

	/**
	 * Applies a record, leaving the products it names in {@code stale} to be read again
	 * together; one that cannot be applied for a reason retrying will not cure is logged
	 * and skipped, so that one record never stalls the index.
	 */
	private void applyOrSkip(ConsumerRecord<String, String> record, Set<String> stale) {
		try {
			apply(record, stale);
		}
		catch (DataAccessException | UncheckedIOException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			logger.error("Skipping {}-{}@{} in the search index", record.topic(), record.partition(), record.offset(),
					ex);
		}
	}

	private void apply(ConsumerRecord<String, String> record, Set<String> stale) {
		if (record.value() == null) {
			return;
		}
		EventEnvelope<MarketplaceEvent> envelope;
		try {
			envelope = EventJson.read(record.value()).orElse(null);
		}
		catch (RuntimeException ex) {
			logger.warn("Skipping {}-{}@{}, not an event: {}", record.topic(), record.partition(), record.offset(),
					ex.toString());
			return;
		}
		if (envelope == null) {
			return;
		}
		switch (envelope.data()) {
			case ProductListed e -> stale.add(e.productId());
			case ProductUpdated e -> stale.add(e.productId());
			case ProductArchived e -> stale.add(e.productId());
			case StockReserved e -> e.lines().forEach((line) -> stale.add(line.productId()));
			case StockReleased e -> e.lines().forEach((line) -> stale.add(line.productId()));
			case StockReservationFailed e -> stale.addAll(this.reservations.productIds(e.orderId()));
			case ReviewEvent e -> {
				// The review's write copied the rating to the product; again here in
				// case that process stopped in between (a copy never replaces a newer).
				this.products.copyRating(e.productId(), e.productRating());
				stale.add(e.productId());
			}
			case FavouriteEvent e -> {
				// Likewise for the count, and the buyer's own list.
				this.favourites.copy(e);
				stale.add(e.productId());
			}
			case ArtisanEvent e -> {
				// In the order of the events: the products first, as they were before it.
				refresh(stale);
				stale.clear();
				this.index.apply(e, envelope.time());
			}
			default -> {
			}
		}
	}

	/**
	 * Reads products again from MongoDB, a batch per query, and puts them in the index as
	 * they are now (or takes out those MongoDB no longer has).
	 */
	private void refresh(Set<String> productIds) {
		List<String> ids = List.copyOf(productIds);
		for (int from = 0; from < ids.size(); from += REFRESH_BATCH) {
			List<String> batch = ids.subList(from, Math.min(ids.size(), from + REFRESH_BATCH));
			Map<String, Product> found = new HashMap<>();
			findByIds(batch).forEach((product) -> found.put(product.id(), product));
			for (String id : batch) {
				Product product = found.get(id);
				if (product == null) {
					this.index.remove(id);
				}
				else {
					this.index.put(product);
				}
			}
		}
	}

	private void pause() {
		try {
			Thread.sleep(RETRY);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

	private static String key(TopicPartition partition) {
		return partition.topic() + "-" + partition.partition();
	}

	private static TopicPartition partition(String key) {
		int dash = key.lastIndexOf('-');
		return new TopicPartition(key.substring(0, dash), Integer.parseInt(key.substring(dash + 1)));
	}

}
