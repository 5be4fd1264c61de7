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
 * Hides media type headers that cannot be used, so that Spring MVC answers as if they
 * were not sent: an {@code Accept} that cannot be parsed ({@code garbage}, or a quality
 * that is no number), and a {@code Content-Type} that cannot be parsed or is a wildcard
 * ({@code application/*}). Spring MVC otherwise wrote error answers to the first without
 * a body (a bare 400 where a {@code problem+json} was due), and failed on the second with
 * a 500; now a body whose type is hidden is refused with a 415 {@code problem+json}.
 */
public class MediaTypeHeadersFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean accept = usable(request.getHeaders(HttpHeaders.ACCEPT), false);
		boolean contentType = usable(request.getHeaders(HttpHeaders.CONTENT_TYPE), true);
		chain.doFilter((accept && contentType) ? request : new Without(request, accept, contentType), response);
	}

	private static boolean usable(Enumeration<String> values, boolean concrete) {
		if (values == null) {
			return true;
		}
		try {
			for (String value : Collections.list(values)) {
				for (MediaType type : MediaType.parseMediaTypes(value)) {
					if (concrete && (type.isWildcardType() || type.isWildcardSubtype())) {
						return false;
					}
				}
			}
			return true;
		}
		catch (IllegalArgumentException ex) {
			// InvalidMediaTypeException among them.
			return false;
		}
	}

	private static final class Without extends HttpServletRequestWrapper {

		private final boolean accept;

		private final boolean contentType;

		Without(HttpServletRequest request, boolean accept, boolean contentType) {
			super(request);
			this.accept = accept;
			this.contentType = contentType;
		}

		private boolean hidden(String name) {
			return (!this.accept && HttpHeaders.ACCEPT.equalsIgnoreCase(name))
					|| (!this.contentType && HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name));
		}

		@Override
		public String getHeader(String name) {
			return hidden(name) ? null : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
		}

		@Override
		public Enumeration<String> getHeaderNames() {
			List<String> names = Collections.list(super.getHeaderNames());
			names.removeIf(this::hidden);
			return Collections.enumeration(names);
		}

		@Override
		public String getContentType() {
			return this.contentType ? super.getContentType() : null;
		}

	}

}
