package com.artisanmarket.support.web;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An {@code Accept} header that cannot be parsed ({@code garbage}, or a quality that is
 * no number) is dropped, as if the client had sent none. Spring MVC otherwise wrote error
 * answers to such a request without a body (a bare 400 where a {@code problem+json} was
 * due), since it could not tell what the client accepts.
 */
public class AcceptHeaderFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(parseable(request.getHeaders(HttpHeaders.ACCEPT)) ? request : new WithoutAccept(request),
				response);
	}

	private static boolean parseable(Enumeration<String> accept) {
		if (accept == null) {
			return true;
		}
		try {
			for (String value : Collections.list(accept)) {
				MediaType.parseMediaTypes(value);
			}
			return true;
		}
		catch (IllegalArgumentException ex) {
			// InvalidMediaTypeException among them.
			return false;
		}
	}

	private static final class WithoutAccept extends HttpServletRequestWrapper {

		WithoutAccept(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getHeader(String name) {
			return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? null : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
		}

		@Override
		public Enumeration<String> getHeaderNames() {
			List<String> names = Collections.list(super.getHeaderNames());
			names.removeIf(HttpHeaders.ACCEPT::equalsIgnoreCase);
			return Collections.enumeration(names);
		}

	}

}
