package com.artisanmarket.gateway.operations;

import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import com.artisanmarket.events.ProblemTypes;
import com.artisanmarket.gateway.edge.Problems;
import com.artisanmarket.gateway.routing.RoutingProperties;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code GET /api/admin/operations} (ADMIN): the whole marketplace's health in one
 * answer, gathered from each service's readiness and {@code /actuator/marketplace}
 * snapshot in parallel. A part that does not answer within moments is reported
 * {@code DOWN} with the reason; Kafka and MongoDB are judged by what the services say of
 * them.
 */
@RestController
class OperationsController {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};

	private static final String GATEWAY = "gateway";

	private final WebClient http;

	private final Clock clock;

	private final Map<String, List<String>> services;

	/** Every gateway's management URL, when several run; else empty. */
	private final List<String> gateways;

	private final GatewaySnapshot self;

	private final OperationsProperties patience;

	private final InstanceAddresses addresses;

	/**
	 * Reads each service's Actuator on its management port (loopback, or the compose
	 * network): the public port serves no operational data.
	 */
	OperationsController(RoutingProperties routing, OperationsProperties patience, GatewaySnapshot self,
			WebClient.Builder http, Clock clock, ObjectProvider<InstanceAddresses> addresses) {
		// Boot's builder: the calls are timed and traced like the gateway's others.
		this.http = http.build();
		this.clock = clock;
		this.services = new LinkedHashMap<>();
		routing.management()
			.forEach((name, urls) -> this.services.put(name, urls.stream().map(URI::toString).toList()));
		List<String> gateways = this.services.remove(GATEWAY);
		this.gateways = (gateways != null) ? gateways : List.of();
		this.self = self;
		this.patience = patience;
		this.addresses = addresses.getIfAvailable(() -> new InstanceAddresses(InetAddress::getAllByName));
	}

	@GetMapping("/api/admin/operations")
	Mono<Map<String, Object>> operations(ServerWebExchange exchange) {
		// The services hand their snapshot to admins only: the admin's own token asks.
		String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
		Mono<List<Map<String, Object>>> gateways = this.gateways.isEmpty() ? Mono.just(List.of(gateway()))
				: instances(this.gateways).flatMapSequential((url) -> part(GATEWAY, url, null)).collectList();
		Mono<List<Map<String, Object>>> services = Flux.fromIterable(this.services.entrySet())
			.flatMapSequential((service) -> instances(service.getValue())
				.flatMapSequential((url) -> part(service.getKey(), url, authorization)))
			.collectList();
		return Mono.zip(gateways, services).map((parts) -> overview(parts.getT1(), parts.getT2()));
	}

	/** Every service's dead letters, with the error that sent each there. */
	@GetMapping("/api/admin/dead-letters")
	Mono<Map<String, Object>> deadLetters(ServerWebExchange exchange) {
		String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
		return Flux.fromIterable(this.services.entrySet())
			.flatMapSequential((service) -> firstAnswering(service.getValue(),
					(url) -> this.http.get()
						.uri(url + "/actuator/deadletters")
						.header(HttpHeaders.AUTHORIZATION, authorization)
						.retrieve()
						.bodyToMono(LIST)
						.timeout(this.patience.deadLettersPatience()))
				.map((records) -> Map.<String, Object>of("service", service.getKey(), "records", records))
				.onErrorResume((ex) -> Mono.just(Map.of("service", service.getKey(), "error", reason(ex)))))
			.collectList()
			.map((services) -> Map.of("services", services));
	}

	/**
	 * Replays one dead letter ({@code {service, topic, partition, offset}}) or, without a
	 * topic, all of a service's that were not replayed yet.
	 */
	@PostMapping("/api/admin/dead-letters/replay")
	Mono<ResponseEntity<Object>> replay(@RequestBody Replay replay, ServerWebExchange exchange) {
		List<String> instances = this.services.get(replay.service());
		if (instances == null) {
			// problem+json like every other 4xx (it was plain JSON until issue 17's
			// bad-input suite).
			ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Unknown service",
					"service must be one of " + this.services.keySet());
			return Mono.just(ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem));
		}
		Map<String, Object> body = new LinkedHashMap<>();
		if (replay.topic() != null) {
			body.put("topic", replay.topic());
			body.put("partition", replay.partition());
			body.put("offset", replay.offset());
		}
		return firstAnswering(instances, (url) -> this.http.post()
			.uri(url + "/actuator/deadletters")
			.header(HttpHeaders.AUTHORIZATION, exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION))
			.bodyValue(body)
			.retrieve()
			.bodyToMono(LIST)
			.timeout(this.patience.replayPatience()))
			.map((results) -> ResponseEntity.ok((Object) Map.of("service", replay.service(), "results", results)));
	}

	/**
	 * @param service artisan-service, catalog-service or order-service
	 * @param topic the dead-letter topic, or none for all
	 * @param partition its partition
	 * @param offset its offset
	 */
	record Replay(String service, String topic, Integer partition, Long offset) {

	}

	/**
	 * The instances behind a part's management addresses: the addresses themselves, or,
	 * with {@code every-address}, every address their host names resolve to now.
	 */
	private Flux<String> instances(List<String> urls) {
		if (!this.patience.everyAddress()) {
			return Flux.fromIterable(urls);
		}
		return Flux.fromIterable(urls)
			.flatMapSequential((url) -> Mono.fromCallable(() -> this.addresses.of(url))
				.subscribeOn(Schedulers.boundedElastic())
				.flatMapIterable(Function.identity()));
	}

	/**
	 * Asks a service's instances in turn until one answers: its dead letters are the
	 * service's, whichever instance reads them.
	 */
	private static <T> Mono<T> firstAnswering(List<String> instances, Function<String, Mono<T>> call) {
		Mono<T> answer = call.apply(instances.getFirst());
		for (String next : instances.subList(1, instances.size())) {
			answer = answer.onErrorResume((ex) -> call.apply(next));
		}
		return answer;
	}

	private Mono<Map<String, Object>> part(String name, String baseUrl, String authorization) {
		String instance = URI.create(baseUrl).getAuthority();
		Mono<Map<String, Object>> health = get(baseUrl + "/actuator/health/readiness", null).onErrorResume(
				WebClientResponseException.ServiceUnavailable.class,
				(ex) -> Mono.justOrEmpty(ex.getResponseBodyAs(JSON)));
		Mono<Map<String, Object>> snapshot = get(baseUrl + "/actuator/marketplace", authorization);
		Mono<Map<String, Object>> components = get(baseUrl + "/actuator/health", null).onErrorResume(
				WebClientResponseException.ServiceUnavailable.class,
				(ex) -> Mono.justOrEmpty(ex.getResponseBodyAs(JSON)));
		return Mono.zip(health, snapshot, components).map((answers) -> {
			Map<String, Object> part = new LinkedHashMap<>(answers.getT2());
			part.put("name", name);
			part.put("instance", instance);
			part.put("status", answers.getT1().getOrDefault("status", "UNKNOWN"));
			part.put("components", componentStatuses(answers.getT3()));
			return part;
		}).onErrorResume((ex) -> {
			Map<String, Object> part = new LinkedHashMap<>();
			part.put("name", name);
			part.put("instance", instance);
			part.put("status", "DOWN");
			part.put("error", reason(ex));
			return Mono.just(part);
		});
	}

	private Mono<Map<String, Object>> get(String url, String authorization) {
		return this.http.get().uri(url).headers((headers) -> {
			if (authorization != null) {
				headers.set(HttpHeaders.AUTHORIZATION, authorization);
			}
		}).retrieve().bodyToMono(JSON).timeout(this.patience.patience());
	}

	private Map<String, Object> overview(List<Map<String, Object>> gateways, List<Map<String, Object>> services) {
		List<Map<String, Object>> parts = new ArrayList<>(gateways);
		parts.addAll(services);
		parts.add(infrastructure("kafka", services));
		parts.add(infrastructure("mongo", services));
		Map<String, Object> overview = new LinkedHashMap<>();
		overview.put("checkedAt", Instant.now(this.clock).toString());
		overview.put("parts", parts);
		services.stream()
			.filter((part) -> "order-service".equals(part.get("name")) && part.get("saga") != null)
			.findFirst()
			.ifPresent((orders) -> overview.put("saga", orders.get("saga")));
		return overview;
	}

	/** This gateway's own row, when it is the only one. */
	private Map<String, Object> gateway() {
		Map<String, Object> part = new LinkedHashMap<>();
		part.put("name", GATEWAY);
		part.put("status", "UP");
		part.putAll(this.self.snapshot());
		return part;
	}

	/**
	 * UP when a service that could be asked says so, DOWN when they all say so, else
	 * UNKNOWN.
	 */
	private static Map<String, Object> infrastructure(String name, List<Map<String, Object>> services) {
		List<Object> seen = services.stream()
			.map((service) -> service.get("components"))
			.filter(Map.class::isInstance)
			.map((components) -> ((Map<?, ?>) components).get(name))
			.filter((status) -> status != null)
			.map(Object.class::cast)
			.toList();
		Map<String, Object> part = new LinkedHashMap<>();
		part.put("name", name);
		part.put("status", seen.contains("UP") ? "UP" : seen.isEmpty() ? "UNKNOWN" : "DOWN");
		return part;
	}

	private static Map<String, Object> componentStatuses(Map<String, Object> health) {
		Map<String, Object> statuses = new LinkedHashMap<>();
		if (health.get("components") instanceof Map<?, ?> components) {
			components.forEach((key, value) -> {
				if (value instanceof Map<?, ?> component) {
					statuses.put(String.valueOf(key), component.get("status"));
				}
			});
		}
		return statuses;
	}

	private String reason(Throwable ex) {
		if (ex instanceof TimeoutException) {
			return "no answer within " + this.patience.patience().toMillis() + " ms";
		}
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return (root.getMessage() != null) ? root.getMessage() : root.getClass().getSimpleName();
	}

}
