package com.artisanmarket.support.security;

import java.io.IOException;
import java.net.URI;

import com.artisanmarket.events.ProblemTypes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 as {@code problem+json}. The 401 keeps the {@code WWW-Authenticate} header
 * of RFC 6750, which says whether the token was missing or invalid.
 */
class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		this.bearer.commence(request, response, ex);
		boolean missing = request.getHeader("Authorization") == null;
		write(response, request, HttpStatus.UNAUTHORIZED, "Unauthorized",
				missing ? "Sign in: this needs a bearer token." : "The bearer token is invalid or has expired.");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		// The framework's refusal of a role says nothing; a service's own refusal says
		// why.
		String detail = (ex instanceof AuthorizationDeniedException || ex.getMessage() == null)
				? "Your role may not do this." : ex.getMessage();
		write(response, request, HttpStatus.FORBIDDEN, "Forbidden", detail);
	}

	private static void write(HttpServletResponse response, HttpServletRequest request, HttpStatus status, String title,
			String detail) throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType((status == HttpStatus.UNAUTHORIZED) ? ProblemTypes.UNAUTHORIZED : ProblemTypes.FORBIDDEN);
		problem.setTitle(title);
		problem.setInstance(URI.create(request.getRequestURI()));
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), problem);
	}

}
