package course.race.exercises;

import course.kit.Exercise;
import course.kit.Interleavings;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Exercise race.counter: the learner's {@link SafeCounter} must pass every {@link CounterCheck}. */
@Exercise("race.counter")
class SafeCounterTest {

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void countsOnOneThread() {
        CounterCheck.countsAlone(SafeCounter.class);
    }

    @Test
    @Timeout(Interleavings.TIME_LIMIT_SECONDS)
    void losesNoIncrementUnderContention() {
        CounterCheck.noLostUpdates(SafeCounter.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void losesNoIncrementWhenAThreadStallsInside() {
        CounterCheck.noIncrementLostToAStall(SafeCounter.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aWatchingThreadSeesTheCountGoUp() {
        CounterCheck.watcherSeesIncrements(SafeCounter.class);
    }
}
