package com.artisanmarket.gateway.edge;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The stable {@code type} URIs of the gateway's {@code problem+json} answers (the same as
 * the services').
 */
public final class Problems {

	private static final String BASE = "https://artisan-marketplace.example/problems/";

	public static final URI VALIDATION = URI.create(BASE + "validation");

	public static final URI MALFORMED_REQUEST = URI.create(BASE + "malformed-request");

	public static final URI REQUEST_REFUSED = URI.create(BASE + "request-refused");

	public static final URI CONFLICT = URI.create(BASE + "conflict");

	public static final URI UNAUTHORIZED = URI.create(BASE + "unauthorized");

	public static final URI FORBIDDEN = URI.create(BASE + "forbidden");

	public static final URI TOO_MANY_REQUESTS = URI.create(BASE + "too-many-requests");

	public static final URI PAYLOAD_TOO_LARGE = URI.create(BASE + "payload-too-large");

	public static final URI LENGTH_REQUIRED = URI.create(BASE + "length-required");

	public static final URI SERVICE_UNAVAILABLE = URI.create(BASE + "service-unavailable");

	private Problems() {
	}

	public static ProblemDetail of(HttpStatus status, URI type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		problem.setTitle(title);
		return problem;
	}

}
