package com.artisanmarket.gateway.identity;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.artisanmarket.events.ProblemTypes;
import com.artisanmarket.gateway.edge.Problems;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

/**
 * The gateway's own endpoints answer errors as {@code problem+json}, like the services.
 * The type is set on each answer rather than negotiated: a client that accepts
 * {@code text/event-stream} got its 406 as a server-sent event.
 */
@RestControllerAdvice
class IdentityProblems extends ResponseEntityExceptionHandler {

	@Override
	protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode status, ServerWebExchange exchange) {
		HttpHeaders problemHeaders = new HttpHeaders();
		if (headers != null) {
			problemHeaders.putAll(headers);
		}
		problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return super.handleExceptionInternal(ex, body, problemHeaders, status, exchange);
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		List<Map<String, String>> errors = ex.getFieldErrors()
			.stream()
			.sorted(Comparator.comparing(FieldError::getField))
			.map((error) -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
			.toList();
		return handleExceptionInternal(ex, validation(errors), headers, HttpStatus.BAD_REQUEST, exchange);
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, "Malformed request",
				"The request body is missing or is not well-formed JSON of the expected shape.");
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, exchange);
	}

	@ExceptionHandler(IdentityExceptions.InvalidField.class)
	ResponseEntity<ProblemDetail> invalidField(IdentityExceptions.InvalidField ex) {
		return answer(validation(List.of(Map.of("field", ex.field(), "message", ex.getMessage()))));
	}

	@ExceptionHandler(IdentityExceptions.EmailTaken.class)
	ResponseEntity<ProblemDetail> emailTaken(IdentityExceptions.EmailTaken ex) {
		return answer(Problems.of(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Conflict", ex.getMessage()));
	}

	@ExceptionHandler(IdentityExceptions.BadCredentials.class)
	ResponseEntity<ProblemDetail> badCredentials(IdentityExceptions.BadCredentials ex) {
		return answer(Problems.of(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED, "Unauthorized", ex.getMessage()));
	}

	@ExceptionHandler(IdentityExceptions.Throttled.class)
	ResponseEntity<ProblemDetail> throttled(IdentityExceptions.Throttled ex) {
		long seconds = Math.max(1, (ex.retryAfter().toMillis() + 999) / 1000);
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.TOO_MANY_REQUESTS, "Too many requests",
					ex.getMessage()));
	}

	private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static ProblemDetail validation(List<Map<String, String>> errors) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid request",
				"Some fields are missing or invalid; see errors.");
		problem.setProperty("errors", errors);
		return problem;
	}

}
