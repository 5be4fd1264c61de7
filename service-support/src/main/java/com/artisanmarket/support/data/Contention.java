package com.artisanmarket.support.data;

import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import com.artisanmarket.support.web.ConflictException;

/**
 * Runs a read → decide → conditional write again while another writer changed the
 * document in between, the way every document here changes without transactions.
 */
public final class Contention {

	/** Attempts before a writer gives up and the caller is told to try again (409). */
	public static final int ATTEMPTS = 100;

	private Contention() {
	}

	/**
	 * @param attempt one read, decision and conditional write: its result, or empty when
	 * someone else wrote first
	 * @param busy what the caller is told when every attempt lost
	 * @return the result of the first attempt that wrote (or decided there was nothing to
	 * write)
	 * @throws ConflictException after {@value #ATTEMPTS} lost attempts
	 */
	public static <T> T retry(Supplier<Optional<T>> attempt, String busy) {
		for (int i = 0; i < ATTEMPTS; i++) {
			Optional<T> done = attempt.get();
			if (done.isPresent()) {
				return done.get();
			}
			// Wait a moment that grows with the attempts, so that many writers of one
			// document do not all retry in step.
			LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(ThreadLocalRandom.current().nextLong(100L * (i + 1))));
		}
		throw new ConflictException(busy);
	}

}
