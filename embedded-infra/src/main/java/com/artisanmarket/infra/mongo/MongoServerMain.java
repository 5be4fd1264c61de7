package com.artisanmarket.infra.mongo;

import java.util.concurrent.CountDownLatch;

import com.artisanmarket.infra.ServerArguments;

/**
 * Runs the embedded MongoDB wire server as a process of its own:
 * {@code --port 27017 --file DATA.mv [--ready-file FILE]}. Stops cleanly on SIGTERM.
 */
public final class MongoServerMain {

	private MongoServerMain() {
	}

	public static void main(String[] args) throws InterruptedException {
		ServerArguments.useInfraLogging();
		ServerArguments arguments = ServerArguments.parse(args);
		EmbeddedMongo mongo = EmbeddedMongo.startFileBacked(arguments.path("file"), arguments.port("port"));
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			mongo.close();
			stopped.countDown();
		}, "mongo-shutdown"));
		arguments.signalReady();
		stopped.await();
	}

}
