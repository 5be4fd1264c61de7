package com.artisanmarket.catalog.artisan;

/**
 * The catalogue's knowledge of an artisan changed; products copy the maker's public
 * details from it.
 *
 * @param artisan the artisan as known now
 */
public record ArtisanChanged(ArtisanSnapshot artisan) {

}
