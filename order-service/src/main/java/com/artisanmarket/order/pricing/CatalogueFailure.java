package com.artisanmarket.order.pricing;

import java.io.IOException;
import java.util.function.Predicate;

import org.springframework.http.HttpStatus;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Whether a failed pricing call says the catalogue is unreachable, late or broken (the
 * breaker's business), rather than that the request was wrong. Named in application.yml
 * as the pricing breaker's and retry's predicates.
 */
public class CatalogueFailure implements Predicate<Throwable> {

	@Override
	public boolean test(Throwable ex) {
		return is(ex);
	}

	static boolean is(Throwable ex) {
		return (ex instanceof ResourceAccessException)
				|| (ex instanceof RestClientResponseException response && response.getStatusCode().is5xxServerError())
				// The read timeout closing a body that stalled (under overload) surfaces
				// while the response is read, as an I/O error inside a plain
				// RestClientException.
				|| (ex instanceof RestClientException && causedByIo(ex));
	}

	private static boolean causedByIo(Throwable ex) {
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof IOException) {
				return true;
			}
		}
		return false;
	}

	/** Anything else is about the request: the breaker ignores it. */
	public static class Not implements Predicate<Throwable> {

		@Override
		public boolean test(Throwable ex) {
			return !is(ex);
		}

	}

	/**
	 * A catalogue that failed may answer a second time; one that cannot (501) will not.
	 */
	public static class MayPassOnRetry implements Predicate<Throwable> {

		@Override
		public boolean test(Throwable ex) {
			return is(ex) && !(ex instanceof RestClientResponseException response
					&& response.getStatusCode().isSameCodeAs(HttpStatus.NOT_IMPLEMENTED));
		}

	}

}
