package com.artisanmarket.catalog.artisan;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where artisan-service is, asked for a caller's profile when the read model lags
 * ({@code marketplace.catalog.*}).
 *
 * @param artisanServiceUrl artisan-service's base URL, or one per instance separated by
 * commas: each call starts at the next, and an instance that cannot be reached costs an
 * attempt at the one after it
 * @param artisanServiceConnectTimeout how long connecting may take
 * @param artisanServiceReadTimeout how long the answer may take once connected
 */
@ConfigurationProperties("marketplace.catalog")
record ArtisanServiceProperties(@DefaultValue("http://127.0.0.1:8081") List<URI> artisanServiceUrl,
		@DefaultValue("2s") Duration artisanServiceConnectTimeout,
		@DefaultValue("3s") Duration artisanServiceReadTimeout) {

}
