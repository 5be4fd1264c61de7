package com.artisanmarket.artisan.stats;

import com.artisanmarket.artisan.profile.ArtisanOwners;
import com.artisanmarket.support.security.Caller;
import com.artisanmarket.support.web.NotFoundException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/artisans/{id}/stats}: for the artisan who owns the profile and for
 * admins.
 */
@RestController
class SalesStatisticsController {

	private final SalesStatistics statistics;

	private final ArtisanOwners owners;

	SalesStatisticsController(SalesStatistics statistics, ArtisanOwners owners) {
		this.statistics = statistics;
		this.owners = owners;
	}

	@GetMapping("/api/artisans/{id}/stats")
	SalesView stats(@PathVariable String id, Caller caller) {
		String owner = this.owners.ownerOf(id).orElseThrow(() -> new NotFoundException("artisan", id));
		if (!caller.isOwnerOrAdmin(owner)) {
			// Another artisan's figures are private: not even their existence is told.
			throw new NotFoundException("artisan", id);
		}
		return this.statistics.of(id);
	}

}
