package com.artisanmarket.events;

import java.time.Instant;
import java.util.List;

/** Events of artisan-service, on {@value Topics#ARTISAN_EVENTS}. */
public sealed interface ArtisanEvent extends MarketplaceEvent {

	String artisanId();

	@Override
	default String subject() {
		return artisanId();
	}

	/** Verification states of an artisan profile. */
	enum Status {

		PENDING, VERIFIED, SUSPENDED

	}

	/**
	 * A new artisan profile.
	 *
	 * @param artisanId the profile's id
	 * @param ownerId the account that owns the profile
	 * @param displayName the shop name buyers see
	 * @param craft what the artisan makes, in their words
	 * @param city where the workshop is
	 * @param country ISO 3166 alpha-2
	 * @param languages the languages the artisan speaks
	 * @param status the verification state, {@code PENDING} for a new profile
	 * @param registeredAt when the profile was created
	 */
	record ArtisanRegistered(String artisanId, String ownerId, String displayName, String craft, String city,
			String country, List<String> languages, Status status, Instant registeredAt) implements ArtisanEvent {

	}

	/**
	 * A profile's public details changed.
	 *
	 * @param artisanId the profile's id
	 * @param ownerId the account that owns the profile
	 * @param displayName the shop name
	 * @param craft the craft
	 * @param city the city
	 * @param country ISO 3166 alpha-2
	 * @param languages the languages
	 * @param version the profile's version after the change
	 * @param updatedAt when it changed
	 */
	record ArtisanProfileUpdated(String artisanId, String ownerId, String displayName, String craft, String city,
			String country, List<String> languages, long version, Instant updatedAt) implements ArtisanEvent {

	}

	/**
	 * An admin verified, suspended or reinstated an artisan.
	 *
	 * @param artisanId the profile's id
	 * @param ownerId the account that owns the profile
	 * @param previousStatus the state before
	 * @param status the state now
	 * @param note the admin's reason, if given
	 * @param changedBy the admin's account id
	 * @param changedAt when it changed
	 */
	record ArtisanVerificationChanged(String artisanId, String ownerId, Status previousStatus, Status status,
			String note, String changedBy, Instant changedAt) implements ArtisanEvent {

	}

}
