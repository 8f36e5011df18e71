package course.race;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class StopFlagDemoIT {

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aCompiledLoopOnAPlainFlagNeverSeesTheStop() throws InterruptedException {
        assertThat(StopFlagDemo.plainWorkerSeesStop()).isFalse();
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aLoopOnAVolatileFlagSeesTheStop() throws InterruptedException {
        assertThat(StopFlagDemo.volatileWorkerSeesStop()).isTrue();
    }
}
