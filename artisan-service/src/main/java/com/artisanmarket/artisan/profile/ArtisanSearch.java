package com.artisanmarket.artisan.profile;

import com.artisanmarket.support.validation.CountryCode;
import jakarta.validation.constraints.Size;

/**
 * {@code GET /api/artisans} filters.
 *
 * @param country ISO 3166-1 alpha-2
 * @param craft part of the craft, any case
 * @param q words in the name, craft, city or story, any case
 */
record ArtisanSearch(@CountryCode String country, @Size(max = 80) String craft, @Size(max = 100) String q) {

}
