package course.deadlock.exercises;

import course.kit.Exercise;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Exercise deadlock.detector: the learner's {@link CycleDetector} must pass every {@link DetectorCheck}. */
@Exercise("deadlock.detector")
class CycleDetectorTest {

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void findsNothingWhenNoThreadIsDeadlocked() {
        DetectorCheck.findsNothingWithoutADeadlock(CycleDetector.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void findsTwoThreadsWaitingForEachOther() {
        DetectorCheck.findsATwoThreadCycle(CycleDetector.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void findsTheRingButNotAThreadWaitingOnIt() {
        DetectorCheck.findsTheCycleButNotTheThreadsWaitingOnIt(CycleDetector.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void findsTwoDeadlocksAsTwoCycles() {
        DetectorCheck.findsTwoCyclesAtOnce(CycleDetector.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void findsTheCyclesOfManyWaitForGraphs() {
        DetectorCheck.findsTheCyclesOfManyGraphs(CycleDetector.class);
    }
}
