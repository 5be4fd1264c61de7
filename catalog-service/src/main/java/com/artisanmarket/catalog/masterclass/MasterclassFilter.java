package com.artisanmarket.catalog.masterclass;

import java.time.Instant;

/**
 * Which masterclasses a listing shows.
 *
 * @param status scheduled (the default) or cancelled ones
 * @param from starting at or after (now when not given, so only upcoming ones)
 * @param to starting before
 * @param artisanId taught by
 * @param format in person or online
 * @param country ISO 3166-1 alpha-2
 * @param city the city, in any case
 * @param craft the craft, in any case
 * @param language an ISO 639 code it is taught in
 */
record MasterclassFilter(Masterclass.Status status, Instant from, Instant to, String artisanId,
		Masterclass.Format format, String country, String city, String craft, String language) {

	MasterclassFilter {
		status = (status != null) ? status : Masterclass.Status.SCHEDULED;
	}

}
