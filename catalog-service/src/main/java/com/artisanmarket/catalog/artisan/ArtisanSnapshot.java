package com.artisanmarket.catalog.artisan;

import java.time.Instant;
import java.util.List;

import com.artisanmarket.events.ArtisanEvent.Status;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What the catalogue knows of an artisan, fed by {@code artisan-events}: enough to show a
 * product's maker and to hide the products of a suspended one.
 *
 * @param id the artisan profile's id
 * @param ownerId the account that owns the profile
 * @param displayName the shop name
 * @param craft what the artisan makes, in their words (for search and its facets)
 * @param city the city
 * @param country ISO 3166-1 alpha-2
 * @param status the verification state
 * @param updatedAt when the last applied event happened
 * @param revision how many events have been applied (each exactly once)
 * @param appliedEvents the ids of the latest events applied
 */
@Document(ArtisanSnapshot.COLLECTION)
public record ArtisanSnapshot(@Id String id, String ownerId, String displayName, String craft, String city,
		String country, Status status, Instant updatedAt, long revision, List<String> appliedEvents) {

	static final String COLLECTION = "artisans";

}
