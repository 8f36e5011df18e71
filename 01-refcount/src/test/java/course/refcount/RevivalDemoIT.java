package course.refcount;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Timeout;

class RevivalDemoIT {

    @RepeatedTest(20)
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void checkThenIncrementBringsAFreedObjectBack() throws InterruptedException {
        RevivalDemo.Outcome outcome = RevivalDemo.retainDuringLastRelease(false);

        assertThat(outcome.freed()).isTrue();
        assertThat(outcome.retained()).isTrue();
        assertThat(outcome.finalCount()).isEqualTo(1);
    }

    @RepeatedTest(20)
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void aCompareAndSetLoopRefusesTheFreedObject() throws InterruptedException {
        RevivalDemo.Outcome outcome = RevivalDemo.retainDuringLastRelease(true);

        assertThat(outcome.freed()).isTrue();
        assertThat(outcome.retained()).isFalse();
        assertThat(outcome.finalCount()).isZero();
    }
}
