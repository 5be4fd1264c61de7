package com.artisanmarket.gateway.edge;

import java.net.URI;

import com.artisanmarket.events.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The gateway's own {@code problem+json} answers, typed from {@link ProblemTypes}. */
public final class Problems {

	private Problems() {
	}

	public static ProblemDetail of(HttpStatus status, URI type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		problem.setTitle(title);
		return problem;
	}

}
