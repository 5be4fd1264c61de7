package com.artisanmarket.gateway.live;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

class LiveEventsTests {

	private static final LiveProperties PROPERTIES = new LiveProperties(Duration.ofMinutes(5), Duration.ofSeconds(30),
			Duration.ofSeconds(15), 2, 8);

	private final AtomicLong now = new AtomicLong(1_000_000);

	private final Clock clock = new Clock() {

		@Override
		public Instant instant() {
			return Instant.ofEpochMilli(LiveEventsTests.this.now.get());
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	};

	@Test
	void aReconnectIsReplayedExactlyWhatFollowedOnTheGatewayThatNumberedIt() {
		LiveEvents gateway = new LiveEvents(PROPERTIES, this.clock);
		Flux<LiveEvents.Delivery> first = gateway.open("buyer", null).orElseThrow();
		gateway.publish("buyer", "order-status", "{\"n\":1}");
		gateway.publish("buyer", "order-status", "{\"n\":2}");
		List<LiveEvents.Delivery> seen = first.take(2).collectList().block(Duration.ofSeconds(5));
		gateway.publish("buyer", "message", "{\"n\":3}");

		List<LiveEvents.Delivery> replayed = gateway.open("buyer", seen.get(0).id())
			.orElseThrow()
			.take(Duration.ofMillis(300))
			.collectList()
			.block(Duration.ofSeconds(5));
		assertThat(replayed).extracting(LiveEvents.Delivery::data).containsExactly("{\"n\":2}", "{\"n\":3}");
	}

	@Test
	void anotherGatewayReplaysFromASecondBeforeSoItMayRepeatButMissesNothing() {
		LiveEvents a = new LiveEvents(PROPERTIES, this.clock);
		LiveEvents b = new LiveEvents(PROPERTIES, this.clock);
		Flux<LiveEvents.Delivery> onA = a.open("buyer", null).orElseThrow();
		Flux<LiveEvents.Delivery> onB = b.open("buyer", null).orElseThrow();
		for (LiveEvents gateway : List.of(a, b)) {
			gateway.publish("buyer", "order-status", "{\"n\":1}");
		}
		String lastOnA = onA.take(1).blockFirst(Duration.ofSeconds(5)).id();
		onB.take(1).blockFirst(Duration.ofSeconds(5));
		this.now.addAndGet(10_000);
		b.publish("buyer", "order-status", "{\"n\":2}");

		List<LiveEvents.Delivery> replayed = b.open("buyer", lastOnA)
			.orElseThrow()
			.take(Duration.ofMillis(300))
			.collectList()
			.block(Duration.ofSeconds(5));
		assertThat(replayed).extracting(LiveEvents.Delivery::data).containsExactly("{\"n\":1}", "{\"n\":2}");
	}

	@Test
	void keepsNothingForAnAccountThatIsNotWatchingAndLimitsStreamsPerAccount() {
		LiveEvents gateway = new LiveEvents(PROPERTIES, this.clock);
		gateway.publish("absent", "order-status", "{}");
		gateway.open("absent", null).orElseThrow().subscribe().dispose();
		List<LiveEvents.Delivery> replayed = gateway.open("absent", "x-0-0")
			.orElseThrow()
			.take(Duration.ofMillis(200))
			.collectList()
			.block(Duration.ofSeconds(5));
		assertThat(replayed).as("published before it watched").isEmpty();

		gateway.open("busy", null).orElseThrow().subscribe();
		gateway.open("busy", null).orElseThrow().subscribe();
		assertThat(gateway.open("busy", null)).as("a third stream beyond the limit of 2").isEmpty();
		assertThat(gateway.openStreams()).isEqualTo(2);
	}

	@Test
	void aStreamTooFarBehindIsClosedAndItsEventsStayForTheReplay() {
		LiveEvents gateway = new LiveEvents(PROPERTIES, this.clock);
		Flux<LiveEvents.Delivery> slow = gateway.open("buyer", null).orElseThrow();
		for (int i = 1; i <= 10; i++) {
			gateway.publish("buyer", "order-status", "{\"n\":" + i + "}");
		}
		List<LiveEvents.Delivery> received = slow.collectList().block(Duration.ofSeconds(5));
		assertThat(received).as("the buffer of 8, then closed").hasSize(8);
		List<LiveEvents.Delivery> replayed = gateway.open("buyer", received.getLast().id())
			.orElseThrow()
			.take(Duration.ofMillis(300))
			.collectList()
			.block(Duration.ofSeconds(5));
		assertThat(replayed).extracting(LiveEvents.Delivery::data).containsExactly("{\"n\":9}", "{\"n\":10}");
	}

}
