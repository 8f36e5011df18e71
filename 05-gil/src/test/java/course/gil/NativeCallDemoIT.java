package course.gil;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Proves the overlap without timing: the native function waits until both threads are inside it. */
class NativeCallDemoIT {

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aNativeCallThatReleasesTheGilRunsOnBothThreadsAtOnce() throws InterruptedException {
        CountDownLatch bothInside = new CountDownLatch(2);
        NativeCallDemo.Outcome outcome = NativeCallDemo.run(true, argument -> {
            bothInside.countDown();
            bothInside.await(10, TimeUnit.SECONDS);
            return NativeCallDemo.sumOfSquares(1_000);
        });

        assertThat(outcome.mostAtOnce()).isEqualTo(2);
        assertThat(outcome.results()).containsOnly(NativeCallDemo.CALLS * NativeCallDemo.sumOfSquares(1_000));
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aNativeCallThatKeepsTheGilRunsOneAtATime() throws InterruptedException {
        NativeCallDemo.Outcome outcome = NativeCallDemo.run(false, argument -> NativeCallDemo.sumOfSquares(10_000));

        assertThat(outcome.mostAtOnce()).isEqualTo(1);
    }
}
