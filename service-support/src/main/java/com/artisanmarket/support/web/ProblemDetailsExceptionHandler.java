package com.artisanmarket.support.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of a service as {@code application/problem+json} (RFC 9457) with a stable
 * {@code type}, a {@code title}, the {@code status} and a human {@code detail};
 * validation failures list each field's error under {@code errors}.
 */
@RestControllerAdvice
public class ProblemDetailsExceptionHandler extends ResponseEntityExceptionHandler {

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"Some fields are missing or invalid; see errors.");
		problem.setType(Problems.VALIDATION);
		problem.setTitle("Invalid request");
		List<Map<String, String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.sorted(Comparator.comparing(FieldError::getField))
			.map((error) -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
			.toList();
		problem.setProperty("errors", errors);
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"Some parameters are invalid; see errors.");
		problem.setType(Problems.VALIDATION);
		problem.setTitle("Invalid request");
		List<Map<String, String>> errors = new java.util.ArrayList<>();
		ex.getParameterValidationResults()
			.forEach((result) -> result.getResolvableErrors()
				.forEach((error) -> errors.add(Map.of("field", fieldOf(result, error), "message",
						String.valueOf(error.getDefaultMessage())))));
		errors.sort(Comparator.comparing((error) -> error.get("field")));
		problem.setProperty("errors", errors);
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	private static String fieldOf(ParameterValidationResult result, MessageSourceResolvable error) {
		if (error instanceof FieldError fieldError) {
			return fieldError.getField();
		}
		String name = result.getMethodParameter().getParameterName();
		return (name != null) ? name : "parameter";
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request body is missing or is not well-formed JSON of the expected shape.");
		problem.setType(Problems.MALFORMED_REQUEST);
		problem.setTitle("Malformed request");
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	@ExceptionHandler(ServiceUnavailableException.class)
	ResponseEntity<ProblemDetail> serviceUnavailable(ServiceUnavailableException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
		problem.setType(Problems.SERVICE_UNAVAILABLE);
		problem.setTitle("Service unavailable");
		problem.setProperty("service", ex.service());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
	}

	@ExceptionHandler(FieldValidationException.class)
	ProblemDetail invalidField(FieldValidationException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"Some fields are missing or invalid; see errors.");
		problem.setType(Problems.VALIDATION);
		problem.setTitle("Invalid request");
		problem.setProperty("errors", List.of(Map.of("field", ex.field(), "message", ex.getMessage())));
		return problem;
	}

	@ExceptionHandler(PreconditionFailedException.class)
	ProblemDetail preconditionFailed(PreconditionFailedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED, ex.getMessage());
		problem.setType(Problems.PRECONDITION_FAILED);
		problem.setTitle("Precondition failed");
		return problem;
	}

	@ExceptionHandler(ConflictException.class)
	ProblemDetail conflict(ConflictException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setType(Problems.CONFLICT);
		problem.setTitle("Conflict");
		return problem;
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setType(Problems.NOT_FOUND);
		problem.setTitle("Not found");
		return problem;
	}

}
