package course.refcount;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Timeout;

class DecrementThenReadDemoIT {

    @RepeatedTest(20)
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void readingTheCountAgainFreesTwice() throws InterruptedException {
        DecrementThenReadDemo.Outcome outcome = DecrementThenReadDemo.twoReleases(true);

        assertThat(outcome.frees()).isEqualTo(2);
        assertThat(outcome.finalCount()).isZero();
    }

    @RepeatedTest(20)
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void decidingOnTheReturnedValueFreesOnce() throws InterruptedException {
        DecrementThenReadDemo.Outcome outcome = DecrementThenReadDemo.twoReleases(false);

        assertThat(outcome.frees()).isEqualTo(1);
        assertThat(outcome.finalCount()).isZero();
    }
}
