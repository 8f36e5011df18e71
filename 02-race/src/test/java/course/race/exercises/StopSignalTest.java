package course.race.exercises;

import course.kit.Exercise;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Exercise race.stop-signal: the learner's {@link StopSignal} must pass every {@link StopSignalCheck}. */
@Exercise("race.stop-signal")
class StopSignalTest {

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void worksOnOneThread() {
        StopSignalCheck.worksAlone(StopSignal.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aSpinningThreadSeesTheStopAndItsReason() {
        StopSignalCheck.spinnerSeesStopAndReason(StopSignal.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void whoeverSeesTheStopSeesItsReason() {
        StopSignalCheck.reasonIsThereWhenTheStopIs(StopSignal.class);
    }
}
