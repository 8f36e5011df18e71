package course.gil.exercises;

import course.kit.Exercise;
import course.kit.Interleavings;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Exercise gil.lock: the learner's {@link SwitchingGil} must pass every {@link GilCheck}. */
@Exercise("gil.lock")
class SwitchingGilTest {

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void oneThreadTakesItKeepsItAndGivesItUp() {
        GilCheck.worksAlone(SwitchingGil.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aWaiterAsksAfterOneSwitchInterval() {
        GilCheck.asksAfterOneInterval(SwitchingGil.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aWaiterGetsItWithinAFewIntervals() {
        GilCheck.waiterGetsItWithinAFewIntervals(SwitchingGil.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void theHolderHandsOverBeforeTakingItBack() {
        GilCheck.handsOverBeforeTakingItBack(SwitchingGil.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void takingTheGilClearsTheDropRequest() {
        GilCheck.clearsTheDropRequest(SwitchingGil.class);
    }

    @Test
    @Timeout(Interleavings.TIME_LIMIT_SECONDS)
    void neverTwoThreadsInsideAtOnce() {
        GilCheck.oneThreadAtATime(SwitchingGil.class);
    }
}
