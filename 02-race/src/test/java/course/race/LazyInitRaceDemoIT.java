package course.race;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Timeout;

class LazyInitRaceDemoIT {

    @RepeatedTest(20)
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void theUnsafeLazyValueIsBuiltTwiceEveryRun() throws InterruptedException {
        assertThat(LazyInitRaceDemo.buildsWithTwoThreads()).isEqualTo(2);
    }
}
