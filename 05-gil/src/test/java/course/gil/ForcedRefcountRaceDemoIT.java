package course.gil;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Timeout;

class ForcedRefcountRaceDemoIT {

    @RepeatedTest(20)
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aLostIncrementFreesTheObjectInUseEveryRun() throws InterruptedException {
        ForcedRefcountRaceDemo.Outcome outcome = ForcedRefcountRaceDemo.run();

        assertThat(outcome.steps().subList(0, 2)).allMatch(step -> step.endsWith("reads count 1"));
        assertThat(outcome.steps().subList(2, 4)).allMatch(step -> step.endsWith("writes count 2"));
        assertThat(outcome.heap().freedWhileInUse()).isEqualTo(1);
        assertThat(outcome.heap().usesAfterFree()).isEqualTo(1);
        assertThat(outcome.heap().healthy()).isFalse();
    }
}
