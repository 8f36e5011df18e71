package course.gil.exercises;

import course.kit.Exercise;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Exercise gil.release: the learner's {@link GilReleasingCalls} must pass every {@link ExternalCallsCheck}. */
@Exercise("gil.release")
class GilReleasingCallsTest {

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void otherThreadsRunWhileOneWaitsForIo() {
        ExternalCallsCheck.ioRunsWithoutTheGil(GilReleasingCalls.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void failedIoStillTakesTheGilBack() {
        ExternalCallsCheck.failedIoStillTakesTheGilBack(GilReleasingCalls.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aNativeCallThatTouchesNoObjectsRunsWithoutTheGil() {
        ExternalCallsCheck.releasingNativeCallRunsWithoutTheGil(GilReleasingCalls.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aNativeCallThatTouchesObjectsKeepsTheGil() {
        ExternalCallsCheck.nativeCallThatTouchesObjectsKeepsTheGil(GilReleasingCalls.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void everyFailureOfACallStillTakesTheGilBack() {
        ExternalCallsCheck.everyFailureTakesTheGilBack(GilReleasingCalls.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void anInterruptedRetakeNeverReturnsWithoutTheGil() {
        ExternalCallsCheck.interruptedRetakeNeverReturnsWithoutTheGil(GilReleasingCalls.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void callsOfTwoThreadsAreUnderWayAtOnce() {
        ExternalCallsCheck.callsOfTwoThreadsOverlap(GilReleasingCalls.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void twoThreadsOutAtOnceEachComeBackWithTheirOwnAnswerAndTheGil() {
        ExternalCallsCheck.twoCallersKeepTheirOwn(GilReleasingCalls.class);
    }
}
