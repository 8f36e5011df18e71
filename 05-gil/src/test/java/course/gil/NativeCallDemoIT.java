package course.gil;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Proves the overlap without timing: the native function waits until both threads are inside it.
 * Runs right answers for the GIL and the calls ({@link RightAnswers}), not the learner's.
 */
class NativeCallDemoIT {

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aNativeCallThatReleasesTheGilRunsOnBothThreadsAtOnce() throws InterruptedException {
        CountDownLatch bothInside = new CountDownLatch(2);
        NativeFunction waitsForTheOther = NativeFunction.releasingGil(argument -> {
            bothInside.countDown();
            bothInside.await(10, TimeUnit.SECONDS);
            return NativeCallDemo.sumOfSquares(1_000);
        });

        NativeCallDemo.Outcome outcome = NativeCallDemo.run(RightAnswers.switchingGil(), RightAnswers::releasingCalls,
                waitsForTheOther);

        assertThat(outcome.mostAtOnce()).isEqualTo(2);
        assertThat(outcome.results()).containsOnly(NativeCallDemo.CALLS * NativeCallDemo.sumOfSquares(1_000));
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aNativeCallThatKeepsTheGilRunsOneAtATime() throws InterruptedException {
        NativeFunction keeps = NativeFunction.holdingGil(argument -> NativeCallDemo.sumOfSquares(10_000));

        NativeCallDemo.Outcome outcome = NativeCallDemo.run(RightAnswers.switchingGil(), RightAnswers::releasingCalls,
                keeps);

        assertThat(outcome.mostAtOnce()).isEqualTo(1);
        assertThat(outcome.results()).containsOnly(NativeCallDemo.CALLS * NativeCallDemo.sumOfSquares(10_000));
    }
}
