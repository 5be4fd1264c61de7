package com.artisanmarket.support.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.artisanmarket.events.ProblemTypes;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of a service as {@code application/problem+json} (RFC 9457) with a stable
 * {@code type}, a {@code title}, the {@code status} and a human {@code detail};
 * validation failures of bodies and of query parameters list each field's error under
 * {@code errors}. A failure nobody foresaw is a 500 {@code problem+json} that says
 * nothing of its cause (which is logged).
 */
@RestControllerAdvice
public class ProblemDetailsExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ProblemDetailsExceptionHandler.class);

	private static final String INVALID_FIELDS = "Some fields are missing or invalid; see errors.";

	/**
	 * Query parameters fill a record (a search, a page) through its constructor alone.
	 * Left on, setter binding came after it and tried to create a path such as
	 * {@code ?q.q=x} inside the {@code String} q: an {@code IllegalStateException}, so a
	 * 500.
	 * @param binder the binder of one argument
	 */
	@InitBinder
	void bindRecordsThroughTheirConstructorsOnly(WebDataBinder binder) {
		Class<?> type = (binder.getTargetType() != null) ? binder.getTargetType().resolve() : null;
		if (binder.getTarget() == null && type != null && type.isRecord()) {
			binder.setDeclarativeBinding(true);
		}
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = new ArrayList<>();
		ex.getBindingResult()
			.getFieldErrors()
			.forEach((error) -> errors.add(fieldError(error.getField(), error.getDefaultMessage())));
		return handleExceptionInternal(ex, invalid(INVALID_FIELDS, errors), headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = new ArrayList<>();
		ex.getParameterValidationResults()
			.forEach((result) -> result.getResolvableErrors()
				.forEach((error) -> errors.add(fieldError(fieldOf(result, error), error.getDefaultMessage()))));
		return handleExceptionInternal(ex, invalid("Some parameters are invalid; see errors.", errors), headers,
				HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, "Malformed request",
				"The request body is missing or is not well-formed JSON of the expected shape.");
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	/**
	 * A multipart body that is cut short or has no boundary, or a multipart content type
	 * on a request without one: the caller's mistake.
	 * @param ex what the multipart parser said
	 * @return 400, or 413 for a file over the limit
	 */
	@ExceptionHandler(MultipartException.class)
	ResponseEntity<ProblemDetail> malformedMultipart(MultipartException ex) {
		if (ex instanceof MaxUploadSizeExceededException) {
			ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE,
					"Payload too large", "The upload is larger than this service takes.");
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
		}
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, "Malformed request",
				"The request says it is multipart/form-data but its body is not well-formed multipart.");
		return ResponseEntity.badRequest().body(problem);
	}

	/**
	 * A query string or form that Tomcat cannot decode (bytes that are not UTF-8, such as
	 * {@code ?q=%E2}): it refuses to hand out any parameter.
	 * @param ex what Tomcat said
	 * @return 400
	 */
	@ExceptionHandler(InvalidParameterException.class)
	ResponseEntity<ProblemDetail> undecodableParameters(InvalidParameterException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, "Malformed request",
				"The query string or form is not well-formed (each parameter percent-encoded UTF-8).");
		return ResponseEntity.badRequest().body(problem);
	}

	/**
	 * Whatever no other handler answers: a 500 that names no cause, the cause in the log.
	 * Spring Security's own exceptions go on to its handlers (401, 403).
	 * @param ex the failure
	 * @param request the request
	 * @return 500
	 * @throws Exception the security exceptions, unchanged
	 */
	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex, WebRequest request) throws Exception {
		if (ex instanceof AccessDeniedException || ex instanceof AuthenticationException) {
			throw ex;
		}
		logger.error("Unexpected failure answering {}", request.getDescription(false), ex);
		ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL_ERROR, "Internal error",
				"Something went wrong on our side. Please try again later.");
		return ResponseEntity.internalServerError().body(problem);
	}

	@ExceptionHandler(ServiceUnavailableException.class)
	ResponseEntity<ProblemDetail> serviceUnavailable(ServiceUnavailableException ex) {
		ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SERVICE_UNAVAILABLE,
				"Service unavailable", ex.getMessage());
		problem.setProperty("service", ex.service());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
	}

	@ExceptionHandler(FieldValidationException.class)
	ProblemDetail invalidField(FieldValidationException ex) {
		return invalid(INVALID_FIELDS, List.of(fieldError(ex.field(), ex.getMessage())));
	}

	@ExceptionHandler(PreconditionFailedException.class)
	ProblemDetail preconditionFailed(PreconditionFailedException ex) {
		return problem(HttpStatus.PRECONDITION_FAILED, ProblemTypes.PRECONDITION_FAILED, "Precondition failed",
				ex.getMessage());
	}

	@ExceptionHandler(ConflictException.class)
	ProblemDetail conflict(ConflictException ex) {
		return problem(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Conflict", ex.getMessage());
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", ex.getMessage());
	}

	private static ProblemDetail problem(HttpStatus status, URI type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		problem.setTitle(title);
		return problem;
	}

	private static ProblemDetail invalid(String detail, List<Map<String, String>> errors) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid request", detail);
		List<Map<String, String>> sorted = new ArrayList<>(errors);
		sorted.sort(Comparator.comparing((error) -> error.get("field")));
		problem.setProperty("errors", sorted);
		return problem;
	}

	private static Map<String, String> fieldError(String field, String message) {
		return Map.of("field", field, "message", String.valueOf(message));
	}

	private static String fieldOf(ParameterValidationResult result, MessageSourceResolvable error) {
		if (error instanceof FieldError fieldError) {
			return fieldError.getField();
		}
		String name = result.getMethodParameter().getParameterName();
		return (name != null) ? name : "parameter";
	}

}
