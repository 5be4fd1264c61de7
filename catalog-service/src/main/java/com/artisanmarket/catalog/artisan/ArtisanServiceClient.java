package com.artisanmarket.catalog.artisan;

import java.net.http.HttpClient;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import com.artisanmarket.events.ArtisanEvent.Status;
import com.artisanmarket.support.web.ServiceUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Asks artisan-service for a profile, for when the read model lags. With several
 * instances each call starts at the next one, and one that cannot be reached (stopped,
 * restarting) costs an attempt at the one after it: the call is a read.
 */
@Component
@EnableConfigurationProperties(ArtisanServiceProperties.class)
class ArtisanServiceClient {

	private static final Logger logger = LoggerFactory.getLogger(ArtisanServiceClient.class);

	/** One client per artisan-service instance. */
	private final List<RestClient> clients;

	private final AtomicInteger turn = new AtomicInteger();

	ArtisanServiceClient(ArtisanServiceProperties properties, RestClient.Builder builder) {
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(properties.artisanServiceConnectTimeout()).build());
		requests.setReadTimeout(properties.artisanServiceReadTimeout());
		this.clients = properties.artisanServiceUrl()
			.stream()
			.map((url) -> builder.clone().baseUrl(url.toString()).requestFactory(requests).build())
			.toList();
	}

	Optional<ArtisanSnapshot> myProfile(String bearerToken) {
		return profile(bearerToken, "/api/artisans/me");
	}

	/**
	 * An artisan's public profile, as anyone may read it.
	 * @param artisanId the artisan
	 * @return the profile; empty when there is none, or it is not public (suspended)
	 */
	Optional<ArtisanSnapshot> publicProfile(String artisanId) {
		return profile(null, "/api/artisans/{id}", artisanId);
	}

	private Optional<ArtisanSnapshot> profile(String bearerToken, String path, Object... variables) {
		int first = this.turn.getAndIncrement();
		for (int attempt = 0; attempt < this.clients.size(); attempt++) {
			RestClient client = this.clients.get(Math.floorMod(first + attempt, this.clients.size()));
			try {
				return ask(client, bearerToken, path, variables);
			}
			catch (ResourceAccessException ex) {
				logger.warn("artisan-service is unreachable: {}", ex.toString());
			}
		}
		throw new ServiceUnavailableException("artisan-service");
	}

	private Optional<ArtisanSnapshot> ask(RestClient client, String bearerToken, String path, Object... variables) {
		try {
			Profile profile = client.get().uri(path, variables).headers((headers) -> {
				if (bearerToken != null) {
					headers.set("Authorization", bearerToken);
				}
			}).retrieve().body(Profile.class);
			return Optional.ofNullable(profile)
				.map((p) -> new ArtisanSnapshot(p.id(), p.ownerId(), p.displayName(), p.craft(), p.city(), p.country(),
						p.status(), null, 0, List.of()));
		}
		catch (RestClientResponseException ex) {
			if (ex.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
				return Optional.empty();
			}
			logger.warn("artisan-service answered {} for {}", ex.getStatusCode(), path);
			throw new ServiceUnavailableException("artisan-service");
		}
		catch (ResourceAccessException ex) {
			throw ex;
		}
		catch (RestClientException ex) {
			logger.warn("artisan-service's answer could not be read: {}", ex.toString());
			throw new ServiceUnavailableException("artisan-service");
		}
	}

	record Profile(String id, String ownerId, String displayName, String craft, String city, String country,
			Status status) {

	}

}
