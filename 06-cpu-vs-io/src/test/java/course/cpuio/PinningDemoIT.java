package course.cpuio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Pinning as each JDK does it: a class initializer pins everywhere, a monitor only before JDK 24 (JEP 491). */
class PinningDemoIT {

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void pinsInAClassInitializerAndInAMonitorOnlyBeforeJdk24() throws InterruptedException {
        PinningDemo.Pinned pinned = PinningDemo.run();

        assertThat(pinned.inClassInitializer()).isTrue();
        assertThat(pinned.inPlainCode()).isFalse();
        assertThat(pinned.inSynchronized()).isEqualTo(Runtime.version().feature() < 24);
    }
}
