package com.artisanmarket.support.operations;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@code /actuator/deadletters} (ADMIN): GET lists this service's dead letters, POST
 * {@code {topic, partition, offset}} replays one, POST {@code {}} every one not replayed
 * yet.
 */
@Endpoint(id = "deadletters")
public class DeadLettersEndpoint {

	private final DeadLetters deadLetters;

	DeadLettersEndpoint(DeadLetters deadLetters) {
		this.deadLetters = deadLetters;
	}

	@ReadOperation
	public List<Map<String, Object>> list() {
		return this.deadLetters.list();
	}

	@WriteOperation
	public List<Map<String, Object>> replay(@Nullable String topic, @Nullable Integer partition,
			@Nullable Long offset) {
		return this.deadLetters.replay(topic, partition, offset);
	}

}
