package course.refcount;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.Cleaner;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The demo asks for up to 100 collections, 10 ms apart. With the serial collector the tests run
 * on, one request is enough to collect an unreachable buffer; the bound only keeps a failure short.
 */
class CleanerDemoIT {

    private static final Cleaner CLEANER = Cleaner.create();

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void anActionThatDoesNotHoldTheObjectRunsOnceItIsUnreachable() throws InterruptedException {
        CleanerDemo.Outcome outcome = CleanerDemo.watch(CLEANER, false, 100);

        assertThat(outcome.collected()).isTrue();
        assertThat(outcome.actionRan()).isTrue();
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void anActionThatHoldsTheObjectKeepsItAliveAndNeverRuns() throws InterruptedException {
        CleanerDemo.Outcome control = CleanerDemo.watch(CLEANER, false, 100); // proves collections happen
        CleanerDemo.Outcome trap = CleanerDemo.watch(CLEANER, true, 10);

        assertThat(control.collected()).isTrue();
        assertThat(trap.collected()).isFalse();
        assertThat(trap.actionRan()).isFalse();
    }
}
