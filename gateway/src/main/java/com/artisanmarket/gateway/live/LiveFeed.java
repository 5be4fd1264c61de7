package com.artisanmarket.gateway.live;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.artisanmarket.events.CatalogEvent.MasterclassBooked;
import com.artisanmarket.events.CatalogEvent.MasterclassBookingCancelled;
import com.artisanmarket.events.CatalogEvent.MessagePosted;
import com.artisanmarket.events.CatalogEvent.ReviewPublished;
import com.artisanmarket.events.EventEnvelope;
import com.artisanmarket.events.EventJson;
import com.artisanmarket.events.EventRules;
import com.artisanmarket.events.MalformedEventException;
import com.artisanmarket.events.MarketplaceEvent;
import com.artisanmarket.events.OrderEvent.OrderCancelled;
import com.artisanmarket.events.OrderEvent.OrderConfirmed;
import com.artisanmarket.events.OrderEvent.OrderDelivered;
import com.artisanmarket.events.OrderEvent.OrderLine;
import com.artisanmarket.events.OrderEvent.OrderRejected;
import com.artisanmarket.events.OrderEvent.OrderShipped;
import com.artisanmarket.events.Topics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.stereotype.Component;

/**
 * Feeds {@link LiveEvents} from Kafka. Every gateway instance reads every event, in a
 * consumer group of its own named afresh at each start, from the end of each topic and
 * without committing offsets (Kafka keeps nothing for a group that never committed), so
 * that whichever gateway holds a user's stream hears of their events. An event that
 * breaks the marketplace's event rules is ignored.
 */
@Component
class LiveFeed implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(LiveFeed.class);

	private static final JsonMapper json = JsonMapper.builder().build();

	/** The events someone is told of live ({@link #deliver}); others are not read. */
	private static final Set<Class<? extends MarketplaceEvent>> DELIVERED = Set.of(OrderConfirmed.class,
			OrderRejected.class, OrderCancelled.class, OrderShipped.class, OrderDelivered.class,
			MasterclassBooked.class, MasterclassBookingCancelled.class, MessagePosted.class, ReviewPublished.class);

	private final LiveEvents live;

	private final ConcurrentMessageListenerContainer<String, String> container;

	private volatile boolean assigned;

	LiveFeed(LiveEvents live, KafkaProperties kafka) {
		this.live = live;
		Map<String, Object> settings = kafka.buildConsumerProperties();
		settings.put(ConsumerConfig.GROUP_ID_CONFIG, "gateway-live-" + UUID.randomUUID());
		settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
		settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		ContainerProperties properties = new ContainerProperties(Topics.ORDER_EVENTS, Topics.CATALOG_EVENTS);
		properties.setAckMode(ContainerProperties.AckMode.MANUAL);
		properties.setMessageListener((MessageListener<String, String>) this::onRecord);
		properties.setConsumerRebalanceListener(new ConsumerAwareRebalanceListener() {

			@Override
			public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
				// Resolves "the end" now, so that every event published from here on is
				// read.
				partitions.forEach(consumer::position);
				LiveFeed.this.assigned = !partitions.isEmpty();
			}

		});
		this.container = new ConcurrentMessageListenerContainer<>(new DefaultKafkaConsumerFactory<>(settings),
				properties);
		this.container.setBeanName("live-feed");
	}

	/** Whether it reads its topics: from here on, every event published is delivered. */
	boolean assigned() {
		return this.assigned;
	}

	void onRecord(ConsumerRecord<String, String> record) {
		Optional<EventEnvelope<MarketplaceEvent>> envelope;
		try {
			envelope = EventJson.read(record.value(), DELIVERED);
		}
		catch (MalformedEventException ex) {
			return;
		}
		if (envelope.isEmpty() || EventRules.brokenRule(envelope.get(), record.topic()).isPresent()) {
			return;
		}
		deliver(envelope.get().data());
	}

	/** Tells the accounts an event concerns. */
	void deliver(MarketplaceEvent event) {
		switch (event) {
			case OrderConfirmed e -> {
				status(e.buyerId(), e.orderId(), "CONFIRMED");
				newOrder(e);
			}
			case OrderRejected e -> status(e.buyerId(), e.orderId(), "REJECTED");
			case OrderCancelled e -> status(e.buyerId(), e.orderId(), "CANCELLED");
			case OrderShipped e -> status(e.buyerId(), e.orderId(), "SHIPPED");
			case OrderDelivered e -> status(e.buyerId(), e.orderId(), "DELIVERED");
			case MasterclassBooked e -> booking(e.buyerId(), e.bookingId(), "CONFIRMED");
			case MasterclassBookingCancelled e -> booking(e.buyerId(), e.bookingId(), "CANCELLED");
			case MessagePosted e -> this.live.publish(e.recipientId(), "message",
					write(Map.of("conversationId", e.conversationId(), "seq", e.seq())));
			case ReviewPublished e -> this.live.publish(e.ownerId(), "review",
					write(Map.of("reviewId", e.reviewId(), "productId", e.productId(), "rating", e.rating())));
			default -> {
				// Nobody watches it live.
			}
		}
	}

	private void status(String buyerId, String orderId, String status) {
		this.live.publish(buyerId, "order-status", write(Map.of("orderId", orderId, "status", status)));
	}

	private void booking(String buyerId, String bookingId, String status) {
		this.live.publish(buyerId, "order-status",
				write(Map.of("orderId", bookingId, "bookingId", bookingId, "status", status)));
	}

	/** Each artisan with lines in a confirmed order hears of their own lines. */
	private void newOrder(OrderConfirmed confirmed) {
		Map<String, List<Map<String, Object>>> byOwner = new LinkedHashMap<>();
		for (OrderLine line : confirmed.lines()) {
			byOwner.computeIfAbsent(line.ownerId(), (owner) -> new ArrayList<>())
				.add(Map.of("productId", line.productId(), "title", line.title(), "quantity", line.quantity()));
		}
		byOwner.forEach((owner, lines) -> this.live.publish(owner, "new-order",
				write(Map.of("orderId", confirmed.orderId(), "lines", lines))));
	}

	private static String write(Object data) {
		return json.writeValueAsString(data);
	}

	@Override
	public void start() {
		this.container.start();
		logger.info("Live updates: reading {} and {} from their ends", Topics.ORDER_EVENTS, Topics.CATALOG_EVENTS);
	}

	@Override
	public void stop() {
		this.container.stop();
	}

	@Override
	public boolean isRunning() {
		return this.container.isRunning();
	}

}
