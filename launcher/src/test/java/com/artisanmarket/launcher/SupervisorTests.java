package com.artisanmarket.launcher;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Issue 19: {@code ./marketplace up} run while a part is still shutting down gracefully
 * (tried: {@code kill PID} of the gateway, then {@code up} 3 s later) found it running,
 * waited for it to be ready, saw it exit and gave up. The parts here are small shell
 * scripts marked as the launcher marks its parts, so the supervisor treats them as its
 * own.
 */
class SupervisorTests {

	/**
	 * Ready once it has written its ready file ($3); on SIGTERM it takes the file away at
	 * once and exits two seconds later, as a service stops serving before it has finished
	 * shutting down.
	 */
	private static final String GRACEFUL = """
			trap 'rm -f "$3"; sleep 2; exit 0' TERM
			touch "$3"
			while :; do sleep 0.1; done
			""";

	@TempDir
	Path dataDir;

	private final List<Supervisor> supervisors = new ArrayList<>();

	@AfterEach
	void stopWhatIsLeft() {
		for (Supervisor supervisor : this.supervisors) {
			supervisor.stop(part(GRACEFUL), Duration.ofSeconds(5));
		}
	}

	@Test
	void startsAgainAPartThatExitsWhileItWasShuttingDown() {
		Part part = part(GRACEFUL);
		Supervisor earlierUp = supervisor();
		ProcessHandle first = earlierUp.start(part);
		earlierUp.awaitReady(List.of(part), Duration.ofSeconds(20), (ready, after) -> {
		});

		first.destroy();
		// It has stopped serving and not yet exited when the next `up` comes.
		await().atMost(Duration.ofSeconds(10)).until(() -> !earlierUp.isReady(part));
		Supervisor up = supervisor();
		assertThat(up.running(part)).as("still shutting down").contains(first);
		List<ProcessHandle> restarted = new ArrayList<>();
		up.awaitReady(List.of(part), Duration.ofSeconds(20), new Supervisor.Progress() {

			@Override
			public void ready(Part ready, Duration after) {
			}

			@Override
			public void restarted(Part again, ProcessHandle handle) {
				restarted.add(handle);
			}

		});

		assertThat(first.isAlive()).isFalse();
		assertThat(restarted).hasSize(1);
		assertThat(restarted.getFirst().pid()).isNotEqualTo(first.pid());
		assertThat(up.running(part)).contains(restarted.getFirst());
		assertThat(up.isReady(part)).isTrue();
	}

	@Test
	void stillFailsWhenAPartItStartedExitsBeforeItIsReady() {
		Part part = part("exit 3");
		Supervisor up = supervisor();
		up.start(part);

		assertThatExceptionOfType(Supervisor.StartFailure.class)
			.isThrownBy(() -> up.awaitReady(List.of(part), Duration.ofSeconds(20), (ready, after) -> {
			}))
			.withMessage("fake exited before it was ready (exit code 3)");
	}

	@Test
	void startsAgainAPartThatCrashedOnceItsPortIsReleased() throws Exception {
		Part part = part("exit 1");
		Supervisor supervisor = supervisor();
		supervisor.start(part);
		await().atMost(Duration.ofSeconds(10)).until(() -> supervisor.running(part).isEmpty());
		// As a dying JVM's sockets outlive its process for a moment.
		ServerSocket stillBound = new ServerSocket(part.ports().getFirst());
		Thread.ofVirtual().start(() -> {
			try (stillBound) {
				Thread.sleep(Duration.ofSeconds(1));
			}
			catch (IOException | InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		});

		ProcessHandle again = supervisor.start(part);

		assertThat(stillBound.isClosed()).isTrue();
		assertThat(again.pid()).isPositive();
	}

	private Supervisor supervisor() {
		Supervisor supervisor = new Supervisor(new Stack(
				StackConfig.fromEnvironment(this.dataDir, Map.of("MARKETPLACE_DATA_DIR", this.dataDir.toString()))),
				false);
		this.supervisors.add(supervisor);
		return supervisor;
	}

	private Part part(String script) {
		Path ready = this.dataDir.resolve("run").resolve("fake.ready");
		return new Part("fake", List.of(FreePorts.next()),
				List.of("/bin/sh", "-c", script, "fake", Stack.PART_MARKER + "fake",
						Stack.HOME_MARKER + this.dataDir.toAbsolutePath(), ready.toString()),
				new Part.ReadyFile(ready), List.of(), false);
	}

}
