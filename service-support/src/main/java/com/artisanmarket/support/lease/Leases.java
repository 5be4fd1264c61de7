package com.artisanmarket.support.lease;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockingTaskExecutor.TaskResult;

/**
 * Jobs that one instance of a service does for all of them, such as scanning a whole
 * collection for work another process left behind: with several instances each would
 * otherwise scan, and each would act on what it found. A job runs under a lease in the
 * service's database (ShedLock's MongoDB provider: one document per job, taken by a
 * conditional upsert that only one instance wins), held while the job runs and for the
 * job's period after it started, so however many instances try, the job runs about once
 * per period. An instance that dies holding a lease keeps it at most for its period, or
 * for {@link #AT_MOST} when it died while working.
 */
public class Leases {

	/** How long a lease outlives an instance that died while working under it. */
	public static final Duration AT_MOST = Duration.ofMinutes(10);

	private final LockingTaskExecutor executor;

	public Leases(LockingTaskExecutor executor) {
		this.executor = executor;
	}

	/**
	 * Does the job unless another instance holds its lease.
	 * @param job the lease's name, the same in every instance
	 * @param period how long after it started no other instance does the job again
	 * @param work the job, returning what it did
	 * @return what the job returned, or empty when another instance holds the lease
	 */
	public <T> Optional<T> runAlone(String job, Duration period, Supplier<T> work) {
		LockConfiguration lease = new LockConfiguration(ClockProvider.now(), job,
				(period.compareTo(AT_MOST) > 0) ? period : AT_MOST, period);
		try {
			TaskResult<T> result = this.executor.executeWithLock(work::get, lease);
			return result.wasExecuted() ? Optional.of(result.getResult()) : Optional.empty();
		}
		catch (RuntimeException | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new IllegalStateException(ex);
		}
	}

}
