package course.race;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Timeout;

class ForcedLostUpdateDemoIT {

    @RepeatedTest(20)
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void bothThreadsReadFiveAndWriteSixEveryRun() throws InterruptedException {
        ForcedLostUpdateDemo.Outcome outcome = ForcedLostUpdateDemo.run();

        assertThat(outcome.finalCount()).isEqualTo(6);
        assertThat(outcome.steps()).containsExactlyInAnyOrder(
                "thread A reads 5", "thread B reads 5", "thread A writes 6", "thread B writes 6");
        assertThat(outcome.steps().subList(0, 2)).allMatch(step -> step.endsWith("reads 5"));
    }
}
