package com.artisanmarket.catalog.artisan;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import com.artisanmarket.events.ArtisanEvent.ArtisanRegistered;
import com.artisanmarket.events.ArtisanEvent.Status;
import com.artisanmarket.events.EventEnvelope;
import com.artisanmarket.events.EventJson;
import com.artisanmarket.events.Topics;
import com.artisanmarket.testsupport.TestTokens;

import org.springframework.kafka.core.KafkaOperations;

import static org.awaitility.Awaitility.await;

/**
 * Makes the catalogue know an artisan the way production does: an
 * {@code ArtisanRegistered} on {@code artisan-events}, then waiting for the read model.
 */
public final class KnownArtisans {

	private KnownArtisans() {
	}

	public static Artisan register(KafkaOperations<String, String> kafka, ArtisanSnapshots snapshots, String name,
			String city, String country, Status status) {
		String account = "artisan-" + UUID.randomUUID();
		String artisanId = UUID.randomUUID().toString();
		EventEnvelope<ArtisanRegistered> registered = EventEnvelope.wrap(new ArtisanRegistered(artisanId, account, name,
				"crafts", city, country, List.of(), status, Instant.now()), "artisan-service", Instant.now(), null);
		try {
			kafka.send(Topics.ARTISAN_EVENTS, artisanId, EventJson.write(registered)).get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex);
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> snapshots.find(artisanId).isPresent());
		return new Artisan(artisanId, account);
	}

	/**
	 * An artisan the catalogue knows.
	 *
	 * @param id the profile id
	 * @param account the owner's account id
	 */
	public record Artisan(String id, String account) {

		public Map<String, String> auth() {
			return Map.of("Authorization", TestTokens.bearer(this.account, "ARTISAN"));
		}

	}

}
