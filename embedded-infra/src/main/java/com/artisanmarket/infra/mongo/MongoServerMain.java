package com.artisanmarket.infra.mongo;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import com.artisanmarket.infra.ServerArguments;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the embedded MongoDB wire server as a process of its own:
 * {@code --port 27017 --file DATA.mv [--ready-file FILE]}. Stops cleanly on SIGTERM.
 */
public final class MongoServerMain {

	/** The exit status after the store failed while serving (EX_SOFTWARE). */
	static final int STORE_FAILED = 70;

	private MongoServerMain() {
	}

	public static void main(String[] args) throws InterruptedException {
		ServerArguments.useInfraLogging();
		ServerArguments arguments = ServerArguments.parse(args);
		Path file = arguments.path("file");
		EmbeddedMongo mongo;
		try {
			mongo = EmbeddedMongo.startFileBacked(file, arguments.port("port"), MongoServerMain::exitAfterStoreFailure);
		}
		catch (MVStoreException ex) {
			// Not a static field: a logger taken before useInfraLogging() starts Logback
			// without our configuration, and its default logs every wire message and
			// document at DEBUG (8 GB in a day of load, buyers' data included).
			Logger logger = LoggerFactory.getLogger(MongoServerMain.class);
			logger.error("Could not read the store file", ex);
			// Last, so that it is what `./marketplace up` shows of this log.
			logger.error(
					"The store file {} is damaged and cannot be opened ({}). It is left as it is: keep a copy "
							+ "to investigate; `./marketplace up --fresh` starts over with an empty marketplace.",
					file, ex.getMessage());
			System.exit(1);
			return;
		}
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			mongo.close();
			stopped.countDown();
		}, "mongo-shutdown"));
		arguments.signalReady();
		stopped.await();
	}

	/**
	 * Ends the process once its store has closed itself: a server that accepts
	 * connections and answers none keeps every client waiting for it, while an exited one
	 * shows as stopped ({@code ./marketplace status}) and its next start recovers the
	 * file. From a thread of its own: the failing thread may be one the shutdown waits
	 * for.
	 */
	private static void exitAfterStoreFailure(Throwable failure) {
		Thread.ofPlatform().name("mongo-store-failed").start(() -> System.exit(STORE_FAILED));
	}

}
