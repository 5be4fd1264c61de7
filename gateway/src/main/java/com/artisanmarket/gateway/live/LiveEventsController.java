package com.artisanmarket.gateway.live;

import java.net.URI;
import java.time.Duration;

import com.artisanmarket.events.ProblemTypes;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * The signed-in user's live events as server-sent events: {@code order-status},
 * {@code new-order}, {@code message} and {@code review}, each with an id to resume from.
 */
@RestController
class LiveEventsController {

	private static final Logger logger = LoggerFactory.getLogger(LiveEventsController.class);

	private static final ServerSentEvent<String> CLOSED = ServerSentEvent.<String>builder().comment("closed").build();

	private final StreamTickets tickets;

	private final LiveEvents live;

	private final LiveProperties properties;

	LiveEventsController(StreamTickets tickets, LiveEvents live, LiveProperties properties) {
		this.tickets = tickets;
		this.live = live;
		this.properties = properties;
	}

	@PostMapping("/api/me/events/ticket")
	@ApiResponse(responseCode = "200", description = "A ticket for one GET /api/me/events?ticket=, within 30 s")
	Mono<StreamTickets.Ticket> ticket(@AuthenticationPrincipal Jwt token) {
		return this.tickets.issue(token.getSubject());
	}

	@GetMapping(path = "/api/me/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@ApiResponse(responseCode = "200", description = "The caller's events as they happen: first `ready`, then "
			+ "`order-status`, `new-order`, `message` and `review`, each with an id; comments keep it open")
	Mono<ResponseEntity<Object>> stream(
			@Parameter(description = "From POST /api/me/events/ticket, for clients that "
					+ "cannot send a bearer token (EventSource)") @RequestParam(required = false) String ticket,
			@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
			@Parameter(description = "The same as Last-Event-ID, for a client that opens a new EventSource (with a new "
					+ "ticket) and so cannot send that header") @RequestParam(name = "lastEventId",
							required = false) String lastEventIdParameter,
			@AuthenticationPrincipal Jwt token, ServerWebExchange exchange) {
		Mono<String> account = (token != null) ? Mono.just(token.getSubject())
				: (ticket != null && !ticket.isBlank()) ? this.tickets.redeem(ticket) : Mono.empty();
		return account
			.map((accountId) -> this.live.open(accountId, (lastEventId != null) ? lastEventId : lastEventIdParameter)
				.map((deliveries) -> ResponseEntity.ok()
					.contentType(MediaType.TEXT_EVENT_STREAM)
					.header("Cache-Control", "no-store")
					.header("X-Accel-Buffering", "no")
					.<Object>body(events(deliveries)))
				.orElseGet(() -> problem(exchange, HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.TOO_MANY_REQUESTS,
						"Too many streams",
						"This account has " + this.properties.maxStreamsPerAccount()
								+ " event streams open already; close one.")))
			.defaultIfEmpty(problem(exchange, HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED, "Unauthorized",
					(token == null && ticket == null) ? "Sign in: this needs a bearer token or a stream ticket."
							: "The stream ticket is unknown, used already or expired; ask for a new one."));
	}

	private Flux<ServerSentEvent<String>> events(Flux<LiveEvents.Delivery> deliveries) {
		ServerSentEvent<String> ready = ServerSentEvent.<String>builder()
			.event("ready")
			.retry(Duration.ofSeconds(3))
			.data("{}")
			.build();
		Flux<ServerSentEvent<String>> events = deliveries
			.map((delivery) -> ServerSentEvent.<String>builder()
				.id(delivery.id())
				.event(delivery.name())
				.data(delivery.data())
				.build())
			.concatWith(Mono.just(CLOSED));
		Flux<ServerSentEvent<String>> heartbeats = Flux.interval(this.properties.heartbeat())
			.map((beat) -> ServerSentEvent.<String>builder().comment("keep-alive").build());
		return Flux.just(ready)
			.concatWith(Flux.merge(events, heartbeats).takeUntil((event) -> event == CLOSED))
			.filter((event) -> event != CLOSED)
			.doOnCancel(() -> logger.debug("An event stream closed"));
	}

	private static ResponseEntity<Object> problem(ServerWebExchange exchange, HttpStatus status, URI type, String title,
			String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		problem.setTitle(title);
		problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).<Object>body(problem);
	}

}
