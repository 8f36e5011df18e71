package course.deadlock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Timeout;

/** The article's deadlock, seen and broken: the victim gives up, the other transfer finishes, every run. */
class InterruptibleDeadlockDemoIT {

    @RepeatedTest(10)
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void deadlocksThenTheVictimGivesWayEveryRun() throws InterruptedException {
        InterruptibleDeadlockDemo.Outcome outcome = InterruptibleDeadlockDemo.run();

        assertThat(outcome.deadlocked()).isTrue();
        assertThat(outcome.whoHoldsWhat()).containsExactlyInAnyOrder(
                "\"transfer 1->2 (500)\" holds account 1's lock and waits for account 2's lock, held by \"transfer 2->1 (300)\"",
                "\"transfer 2->1 (300)\" holds account 2's lock and waits for account 1's lock, held by \"transfer 1->2 (500)\"");
        assertThat(outcome.endings()).containsOnly(
                entry("transfer 1->2 (500)", "moved the money"),
                entry("transfer 2->1 (300)", "interrupted while waiting for a lock: gave up, released its lock"));
        assertThat(outcome.balance1()).isEqualTo(500);
        assertThat(outcome.balance2()).isEqualTo(1500);
        assertThat(outcome.threadsEnded()).isTrue();
    }
}
