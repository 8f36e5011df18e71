package course.refcount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class CycleLeakDemoIT {

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void aCountedCycleKeepsBothCountsAtOneAndIsNeverFreed() {
        CycleLeakDemo.CountedCycle cycle = CycleLeakDemo.countedCycle();

        assertThat(cycle.countOfA()).isEqualTo(1);
        assertThat(cycle.countOfB()).isEqualTo(1);
        assertThat(cycle.aFreed()).isFalse();
        assertThat(cycle.bFreed()).isFalse();
        assertThat(cycle.events()).isEmpty();
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void theJvmsCollectorReclaimsAnUnreachableCycle() {
        List<WeakReference<Object>> cycle = CycleLeakDemo.unreachableJavaCycle();

        // System.gc() is only a request: ask again until the collector has done it, within a bound.
        await().atMost(Duration.ofSeconds(5)).pollInSameThread().pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    System.gc();
                    return CycleLeakDemo.allCollected(cycle);
                });
    }
}
