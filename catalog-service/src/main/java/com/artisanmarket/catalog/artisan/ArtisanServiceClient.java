package com.artisanmarket.catalog.artisan;

import java.net.http.HttpClient;
import java.util.List;
import java.util.Optional;

import com.artisanmarket.events.ArtisanEvent.Status;
import com.artisanmarket.support.web.ServiceUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/** Asks artisan-service for the caller's profile, for when the read model lags. */
@Component
@EnableConfigurationProperties(ArtisanServiceProperties.class)
class ArtisanServiceClient {

	private static final Logger logger = LoggerFactory.getLogger(ArtisanServiceClient.class);

	private final RestClient client;

	ArtisanServiceClient(ArtisanServiceProperties properties, RestClient.Builder builder) {
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(properties.artisanServiceConnectTimeout()).build());
		requests.setReadTimeout(properties.artisanServiceReadTimeout());
		this.client = builder.baseUrl(properties.artisanServiceUrl().toString()).requestFactory(requests).build();
	}

	Optional<ArtisanSnapshot> myProfile(String bearerToken) {
		try {
			Profile profile = this.client.get()
				.uri("/api/artisans/me")
				.header("Authorization", bearerToken)
				.retrieve()
				.body(Profile.class);
			return Optional.ofNullable(profile)
				.map((p) -> new ArtisanSnapshot(p.id(), p.ownerId(), p.displayName(), p.craft(), p.city(), p.country(),
						p.status(), null, 0, List.of()));
		}
		catch (RestClientResponseException ex) {
			if (ex.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
				return Optional.empty();
			}
			logger.warn("artisan-service answered {} for the caller's profile", ex.getStatusCode());
			throw new ServiceUnavailableException("artisan-service");
		}
		catch (RestClientException ex) {
			logger.warn("artisan-service is unreachable: {}", ex.toString());
			throw new ServiceUnavailableException("artisan-service");
		}
	}

	record Profile(String id, String ownerId, String displayName, String craft, String city, String country,
			Status status) {

	}

}
