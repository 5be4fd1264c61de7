package com.artisanmarket.system;

import com.artisanmarket.testsupport.MarketplaceStack;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

/**
 * A failing system test carries the last lines of every part's log (as a suppressed
 * exception, printed with its stack trace), so the build's output says what the
 * marketplace did without the logs themselves filling the console. Registered for every
 * test through {@code META-INF/services} and {@code junit-platform.properties}.
 */
public class PartLogsOnFailure implements TestExecutionExceptionHandler {

	private static final int LINES = 20;

	@Override
	public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
		if (!(failure instanceof TestAbortedException)) {
			MarketplaceStack.ifStarted()
				.ifPresent((stack) -> failure.addSuppressed(new PartLogs(stack.logTails(LINES))));
		}
		throw failure;
	}

	/** The logs' tails, as an exception only so that they print with the failure. */
	static final class PartLogs extends RuntimeException {

		PartLogs(String tails) {
			super("the parts' logs when the test failed:\n" + tails, null, false, false);
		}

	}

}
