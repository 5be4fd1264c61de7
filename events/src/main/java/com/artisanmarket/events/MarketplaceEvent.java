package com.artisanmarket.events;

/**
 * A fact one service tells the others. Each event names its aggregate
 * ({@link #subject()}), which is also its Kafka key.
 */
public sealed interface MarketplaceEvent permits ArtisanEvent, CatalogEvent, OrderEvent {

	/**
	 * The id of the aggregate the event is about: its Kafka key and CloudEvents subject.
	 */
	String subject();

}
