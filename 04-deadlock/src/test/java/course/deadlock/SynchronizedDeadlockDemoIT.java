package course.deadlock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Timeout;

/** The synchronized version of the article's deadlock happens on every run, and the JVM names both threads. */
class SynchronizedDeadlockDemoIT {

    @RepeatedTest(5)
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void bothTransfersDeadlockEveryRun() throws InterruptedException {
        SynchronizedDeadlockDemo.Outcome outcome = SynchronizedDeadlockDemo.run();

        assertThat(outcome.deadlocked()).isTrue();
        assertThat(outcome.whoHoldsWhat()).containsExactlyInAnyOrder(
                "\"transfer 1->2 (500)\" holds account 1 and waits for account 2, held by \"transfer 2->1 (300)\"",
                "\"transfer 2->1 (300)\" holds account 2 and waits for account 1, held by \"transfer 1->2 (500)\"");
        assertThat(outcome.threads()).allSatisfy(t -> {
            assertThat(t.getState()).isEqualTo(Thread.State.BLOCKED);
            assertThat(t.isDaemon()).as("a thread stuck for good must not keep the JVM alive").isTrue();
        });
    }
}
