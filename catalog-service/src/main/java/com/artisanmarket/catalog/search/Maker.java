package com.artisanmarket.catalog.search;

import java.time.Instant;

import com.artisanmarket.catalog.artisan.ArtisanSnapshot;
import com.artisanmarket.events.ArtisanEvent;
import com.artisanmarket.events.ArtisanEvent.ArtisanProfileUpdated;
import com.artisanmarket.events.ArtisanEvent.ArtisanRegistered;
import com.artisanmarket.events.ArtisanEvent.ArtisanVerificationChanged;
import com.artisanmarket.events.ArtisanEvent.Status;

/**
 * What the index knows of an artisan, from {@code artisan-events} read by this instance
 * itself. Products in MongoDB carry a copy of their maker, but that copy is written by
 * whichever instance consumed the artisan event; the index must not depend on it having
 * arrived, so it lays its own knowledge over the product's copy.
 *
 * @param id the artisan profile's id
 * @param displayName the shop name, if known
 * @param craft the craft, if known
 * @param city the city, if known
 * @param country the country, if known
 * @param status the verification state, if known
 * @param asOf when the latest fact applied happened; older events are ignored
 */
record Maker(String id, String displayName, String craft, String city, String country, Status status, Instant asOf) {

	static Maker of(ArtisanSnapshot snapshot) {
		return new Maker(snapshot.id(), snapshot.displayName(), snapshot.craft(), snapshot.city(), snapshot.country(),
				snapshot.status(), (snapshot.updatedAt() != null) ? snapshot.updatedAt() : Instant.EPOCH);
	}

	/** This maker after an event that happened at {@code time}. */
	static Maker after(Maker known, ArtisanEvent event, Instant time) {
		Maker base = (known != null) ? known : new Maker(event.artisanId(), null, null, null, null, null, time);
		return switch (event) {
			case ArtisanRegistered e ->
				new Maker(base.id, e.displayName(), e.craft(), e.city(), e.country(), e.status(), time);
			case ArtisanProfileUpdated e ->
				new Maker(base.id, e.displayName(), e.craft(), e.city(), e.country(), base.status, time);
			case ArtisanVerificationChanged e ->
				new Maker(base.id, base.displayName, base.craft, base.city, base.country, e.status(), time);
		};
	}

	/** Whether an event that happened at {@code time} is older than what is known. */
	boolean newerThan(Instant time) {
		return this.asOf.isAfter(time);
	}

}
