package com.artisanmarket.catalog.artisan;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.artisanmarket.events.ArtisanEvent.ArtisanProfileUpdated;
import com.artisanmarket.events.ArtisanEvent.ArtisanRegistered;
import com.artisanmarket.events.ArtisanEvent.ArtisanVerificationChanged;
import com.artisanmarket.events.ArtisanEvent.Status;
import com.artisanmarket.events.EventEnvelope;
import com.artisanmarket.events.EventJson;
import com.artisanmarket.events.Topics;
import com.artisanmarket.testsupport.InfrastructureTestConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest
@Import(InfrastructureTestConfiguration.class)
class ArtisanReadModelIntegrationTests {

	@Autowired
	KafkaOperations<String, String> kafka;

	@Autowired
	ArtisanSnapshots snapshots;

	@Test
	void appliesEachArtisanEventOnceEvenWhenDeliveredTwice() throws Exception {
		String id = UUID.randomUUID().toString();
		EventEnvelope<ArtisanRegistered> registered = EventEnvelope.wrap(new ArtisanRegistered(id, "u-7",
				"Lahij Copper", "copperwork", "Lahij", "AZ", List.of("az"), Status.PENDING, Instant.now()),
				"artisan-service", Instant.now(), null);
		EventEnvelope<ArtisanVerificationChanged> suspended = EventEnvelope.wrap(new ArtisanVerificationChanged(id,
				"u-7", Status.PENDING, Status.SUSPENDED, "counterfeit listings", "u-admin", Instant.now()),
				"artisan-service", Instant.now(), null);

		EventEnvelope<ArtisanProfileUpdated> moved = EventEnvelope.wrap(new ArtisanProfileUpdated(id, "u-7",
				"Lahij Copper", "copperwork", "Ismayilli", "AZ", List.of("az"), 2, Instant.now()), "artisan-service",
				Instant.now(), null);

		publish(registered);
		publish(registered);
		publish(suspended);
		publish(registered);
		publish(moved);

		// One key, one partition: once the last event is applied, every earlier one was
		// handled.
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.snapshots.find(id).map(ArtisanSnapshot::city).orElse(null), "Ismayilli"::equals);
		ArtisanSnapshot snapshot = this.snapshots.find(id).orElseThrow();
		assertThat(snapshot.displayName()).isEqualTo("Lahij Copper");
		assertThat(snapshot.status()).as("a redelivered registration does not undo the suspension")
			.isEqualTo(Status.SUSPENDED);
		assertThat(snapshot.revision()).as("events applied").isEqualTo(3);
		assertThat(snapshot.appliedEvents()).containsExactly(registered.id(), suspended.id(), moved.id());
	}

	private void publish(EventEnvelope<?> envelope) throws Exception {
		this.kafka.send(Topics.ARTISAN_EVENTS, envelope.subject(), EventJson.write(envelope)).get();
	}

}
