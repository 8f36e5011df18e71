package course.cpuio.exercises;

import course.kit.Exercise;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Exercise cpuio.split: the learner's {@link CoreSplitter} must pass every {@link SplitCheck}. */
@Exercise("cpuio.split")
class CoreSplitterTest {

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void countsThePrimesBelow200000() {
        SplitCheck.countsPrimes(CoreSplitter.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void everyNumberIsInExactlyOnePart() {
        SplitCheck.coversTheRangeOnce(CoreSplitter.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void onePartPerCoreRunsAtOnceAndNoResultIsLost() {
        SplitCheck.runsOnePartPerCore(CoreSplitter.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void noResultIsLostToASharedTotal() {
        SplitCheck.sharesNoTotalUnsafely(CoreSplitter.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void waitsForTheLastPartBeforeAddingUp() {
        SplitCheck.waitsForEveryPart(CoreSplitter.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aFailedPartFailsTheRun() {
        SplitCheck.failsWhenAPartFails(CoreSplitter.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void leavesNoPoolThreadsBehind() {
        SplitCheck.leavesNoThreads(CoreSplitter.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void anInterruptedRunReturnsNoPartialSum() {
        SplitCheck.returnsNoPartialSumWhenInterrupted(CoreSplitter.class);
    }
}
