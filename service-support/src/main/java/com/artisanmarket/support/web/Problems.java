package com.artisanmarket.support.web;

import java.net.URI;

/** The stable {@code type} URIs of the marketplace's {@code problem+json} answers. */
public final class Problems {

	private static final String BASE = "https://artisan-marketplace.example/problems/";

	public static final URI VALIDATION = URI.create(BASE + "validation");

	public static final URI MALFORMED_REQUEST = URI.create(BASE + "malformed-request");

	public static final URI NOT_FOUND = URI.create(BASE + "not-found");

	public static final URI CONFLICT = URI.create(BASE + "conflict");

	public static final URI UNPROCESSABLE = URI.create(BASE + "unprocessable");

	public static final URI PRECONDITION_FAILED = URI.create(BASE + "precondition-failed");

	public static final URI SERVICE_UNAVAILABLE = URI.create(BASE + "service-unavailable");

	public static final URI PAYLOAD_TOO_LARGE = URI.create(BASE + "payload-too-large");

	public static final URI INTERNAL_ERROR = URI.create(BASE + "internal-error");

	public static final URI UNAUTHORIZED = URI.create(BASE + "unauthorized");

	public static final URI FORBIDDEN = URI.create(BASE + "forbidden");

	private Problems() {
	}

}
