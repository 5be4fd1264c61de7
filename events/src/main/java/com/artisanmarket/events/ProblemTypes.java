package com.artisanmarket.events;

import java.net.URI;

/**
 * The stable {@code type} URIs of every part's {@code problem+json} answers: one
 * catalogue, so that the gateway and the services cannot drift apart. Clients branch on
 * these, never on titles or details.
 */
public final class ProblemTypes {

	private static final String BASE = "https://artisan-marketplace.example/problems/";

	public static final URI VALIDATION = URI.create(BASE + "validation");

	public static final URI MALFORMED_REQUEST = URI.create(BASE + "malformed-request");

	/** Refused at the edge: a path or header no part answers. */
	public static final URI REQUEST_REFUSED = URI.create(BASE + "request-refused");

	public static final URI UNAUTHORIZED = URI.create(BASE + "unauthorized");

	public static final URI FORBIDDEN = URI.create(BASE + "forbidden");

	public static final URI NOT_FOUND = URI.create(BASE + "not-found");

	public static final URI CONFLICT = URI.create(BASE + "conflict");

	/** A buyer's open orders already hold as much as one buyer may. */
	public static final URI ORDER_LIMIT = URI.create(BASE + "order-limit");

	public static final URI PRECONDITION_FAILED = URI.create(BASE + "precondition-failed");

	public static final URI LENGTH_REQUIRED = URI.create(BASE + "length-required");

	public static final URI PAYLOAD_TOO_LARGE = URI.create(BASE + "payload-too-large");

	public static final URI UNPROCESSABLE = URI.create(BASE + "unprocessable");

	public static final URI TOO_MANY_REQUESTS = URI.create(BASE + "too-many-requests");

	public static final URI INTERNAL_ERROR = URI.create(BASE + "internal-error");

	public static final URI SERVICE_UNAVAILABLE = URI.create(BASE + "service-unavailable");

	private ProblemTypes() {
	}

}
