package course.locks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The article's program with a lock ends at exactly 5,000,000, on every run, whatever the lock.
 *
 * <p>The fair {@code ReentrantLock} is left out on purpose: a fair lock hands itself to the
 * longest waiter on every unlock, so five contending threads pay a park and an unpark per
 * increment. Measured on a quiet 2-core machine: 11 to 21 s for one run of 5,000,000, against
 * 82 ms unfair. {@code FairnessDemoIT} proves what fairness does; the lock-cost benchmark shows
 * what it costs.
 */
class LockedCounterDemoIT {

    static Stream<Supplier<Counter>> correctCounters() {
        return Stream.of(SynchronizedCounter::new, ReentrantLockCounter::new, AtomicLongCounter::new,
                LongAdderCounter::new);
    }

    @ParameterizedTest
    @MethodSource("correctCounters")
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aCorrectCounterEndsAtFiveMillionEveryRun(Supplier<Counter> counters) throws InterruptedException {
        for (int run = 0; run < 3; run++) {
            assertThat(LockedCounterDemo.run(counters.get()).count()).isEqualTo(5_000_000L);
        }
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void theUnsafeCounterNeverCountsMoreThanWasAdded() throws InterruptedException {
        assertThat(LockedCounterDemo.run(new UnsafeCounter()).count()).isPositive().isLessThanOrEqualTo(5_000_000L);
    }

    @Test
    void itIsTheArticlesProgram() {
        assertThat(LockedCounterDemo.THREADS).isEqualTo(5);
        assertThat(LockedCounterDemo.INCREMENTS_PER_THREAD).isEqualTo(1_000_000);
    }
}
