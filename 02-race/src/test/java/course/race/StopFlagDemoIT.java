package course.race;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class StopFlagDemoIT {

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aCompiledLoopOnAPlainFlagNeverSeesTheStop() throws InterruptedException {
        assertThat(StopFlagDemo.firstTryThatMissesThePlainStop())
                .as("the try on which a worker spinning on a plain flag missed the stop (0: every worker saw it)")
                .isPositive();
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aLoopOnAVolatileFlagSeesTheStop() throws InterruptedException {
        assertThat(StopFlagDemo.volatileWorkersThatSeeTheStop()).isEqualTo(StopFlagDemo.TRIES);
    }
}
