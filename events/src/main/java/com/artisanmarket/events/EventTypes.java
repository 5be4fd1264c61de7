package com.artisanmarket.events;

import java.util.Map;
import java.util.Optional;

import com.artisanmarket.events.ArtisanEvent.ArtisanProfileUpdated;
import com.artisanmarket.events.ArtisanEvent.ArtisanRegistered;
import com.artisanmarket.events.ArtisanEvent.ArtisanVerificationChanged;
import com.artisanmarket.events.CatalogEvent.ProductArchived;
import com.artisanmarket.events.CatalogEvent.ProductListed;
import com.artisanmarket.events.CatalogEvent.ProductUpdated;
import com.artisanmarket.events.CatalogEvent.MasterclassBooked;
import com.artisanmarket.events.CatalogEvent.MasterclassBookingCancelled;
import com.artisanmarket.events.CatalogEvent.MessagePosted;
import com.artisanmarket.events.CatalogEvent.ProductFavourited;
import com.artisanmarket.events.CatalogEvent.ProductUnfavourited;
import com.artisanmarket.events.CatalogEvent.ReviewHidden;
import com.artisanmarket.events.CatalogEvent.ReviewPublished;
import com.artisanmarket.events.CatalogEvent.ReviewRemoved;
import com.artisanmarket.events.CatalogEvent.ReviewUpdated;
import com.artisanmarket.events.CatalogEvent.StockReleased;
import com.artisanmarket.events.CatalogEvent.StockReservationFailed;
import com.artisanmarket.events.CatalogEvent.StockReserved;
import com.artisanmarket.events.OrderEvent.OrderCancelled;
import com.artisanmarket.events.OrderEvent.OrderConfirmed;
import com.artisanmarket.events.OrderEvent.OrderDelivered;
import com.artisanmarket.events.OrderEvent.OrderPlaced;
import com.artisanmarket.events.OrderEvent.OrderRejected;
import com.artisanmarket.events.OrderEvent.OrderShipped;

/**
 * The published name and topic of every event. Written out rather than derived from class
 * names, so that renaming a class never changes the contract; the switches are
 * exhaustive, so a new event does not compile until it has a name and a topic.
 */
public final class EventTypes {

	private static final Map<String, Class<? extends MarketplaceEvent>> BY_NAME = Map.ofEntries(
			Map.entry("ArtisanRegistered", ArtisanRegistered.class),
			Map.entry("ArtisanProfileUpdated", ArtisanProfileUpdated.class),
			Map.entry("ArtisanVerificationChanged", ArtisanVerificationChanged.class),
			Map.entry("ProductListed", ProductListed.class), Map.entry("ProductUpdated", ProductUpdated.class),
			Map.entry("ProductArchived", ProductArchived.class), Map.entry("StockReserved", StockReserved.class),
			Map.entry("StockReservationFailed", StockReservationFailed.class),
			Map.entry("StockReleased", StockReleased.class), Map.entry("ReviewPublished", ReviewPublished.class),
			Map.entry("ReviewUpdated", ReviewUpdated.class), Map.entry("ReviewHidden", ReviewHidden.class),
			Map.entry("ReviewRemoved", ReviewRemoved.class), Map.entry("ProductFavourited", ProductFavourited.class),
			Map.entry("ProductUnfavourited", ProductUnfavourited.class),
			Map.entry("MasterclassBooked", MasterclassBooked.class),
			Map.entry("MasterclassBookingCancelled", MasterclassBookingCancelled.class),
			Map.entry("MessagePosted", MessagePosted.class), Map.entry("OrderPlaced", OrderPlaced.class),
			Map.entry("OrderConfirmed", OrderConfirmed.class), Map.entry("OrderRejected", OrderRejected.class),
			Map.entry("OrderCancelled", OrderCancelled.class), Map.entry("OrderShipped", OrderShipped.class),
			Map.entry("OrderDelivered", OrderDelivered.class));

	private EventTypes() {
	}

	public static String typeOf(MarketplaceEvent event) {
		return switch (event) {
			case ArtisanRegistered e -> "ArtisanRegistered";
			case ArtisanProfileUpdated e -> "ArtisanProfileUpdated";
			case ArtisanVerificationChanged e -> "ArtisanVerificationChanged";
			case ProductListed e -> "ProductListed";
			case ProductUpdated e -> "ProductUpdated";
			case ProductArchived e -> "ProductArchived";
			case StockReserved e -> "StockReserved";
			case StockReservationFailed e -> "StockReservationFailed";
			case StockReleased e -> "StockReleased";
			case ReviewPublished e -> "ReviewPublished";
			case ReviewUpdated e -> "ReviewUpdated";
			case ReviewHidden e -> "ReviewHidden";
			case ReviewRemoved e -> "ReviewRemoved";
			case ProductFavourited e -> "ProductFavourited";
			case ProductUnfavourited e -> "ProductUnfavourited";
			case MasterclassBooked e -> "MasterclassBooked";
			case MasterclassBookingCancelled e -> "MasterclassBookingCancelled";
			case MessagePosted e -> "MessagePosted";
			case OrderPlaced e -> "OrderPlaced";
			case OrderConfirmed e -> "OrderConfirmed";
			case OrderRejected e -> "OrderRejected";
			case OrderCancelled e -> "OrderCancelled";
			case OrderShipped e -> "OrderShipped";
			case OrderDelivered e -> "OrderDelivered";
		};
	}

	public static String topicOf(MarketplaceEvent event) {
		return switch (event) {
			case ArtisanEvent e -> Topics.ARTISAN_EVENTS;
			case CatalogEvent e -> Topics.CATALOG_EVENTS;
			case OrderEvent e -> Topics.ORDER_EVENTS;
		};
	}

	/** The class of a published type name, if it is one this version knows. */
	public static Optional<Class<? extends MarketplaceEvent>> classOf(String type) {
		return Optional.ofNullable(BY_NAME.get(type));
	}

}
