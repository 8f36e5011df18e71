package course.refcount;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Timeout;

class ForcedCountRaceDemoIT {

    @RepeatedTest(20)
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void whenTheReleaseWritesLastTheResourceIsUsedAfterItWasFreed() throws InterruptedException {
        ForcedCountRaceDemo.Outcome outcome = ForcedCountRaceDemo.run(true);

        assertThat(outcome.steps().subList(0, 2)).allMatch(step -> step.endsWith("reads 2"));
        assertThat(outcome.steps().subList(2, 4)).containsExactly("retainer writes 3", "releaser writes 1");
        assertThat(outcome.countAfterRace()).isEqualTo(1);
        assertThat(outcome.consequence()).contains("use-after-free");
    }

    @RepeatedTest(20)
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void whenTheRetainWritesLastTheResourceIsNeverFreed() throws InterruptedException {
        ForcedCountRaceDemo.Outcome outcome = ForcedCountRaceDemo.run(false);

        assertThat(outcome.steps().subList(0, 2)).allMatch(step -> step.endsWith("reads 2"));
        assertThat(outcome.steps().subList(2, 4)).containsExactly("releaser writes 1", "retainer writes 3");
        assertThat(outcome.countAfterRace()).isEqualTo(3);
        assertThat(outcome.consequence()).contains("never freed");
    }
}
