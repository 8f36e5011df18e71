package course.gil.exercises;

import course.kit.Exercise;
import course.kit.Interleavings;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Exercise gil.atomic-count: the learner's {@link AtomicRefCount} must pass every {@link RefCountCheck}. */
@Exercise("gil.atomic-count")
class AtomicRefCountTest {

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void countsOnOneThread() {
        RefCountCheck.countsAlone(AtomicRefCount.class);
    }

    @Test
    @Timeout(Interleavings.TIME_LIMIT_SECONDS)
    void changesMadeAtTheSameMomentAllCountAndOneDecrementFrees() {
        RefCountCheck.changesAtOnce(AtomicRefCount.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void changesOvertakenAtEveryStepAllCount() {
        RefCountCheck.changesOvertakenAtEveryStep(AtomicRefCount.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void theCreatorAndAnotherThreadDroppingTheLastTwoFreeOnce() {
        RefCountCheck.creatorAndAnotherDropTheLastTwo(AtomicRefCount.class);
    }
}
