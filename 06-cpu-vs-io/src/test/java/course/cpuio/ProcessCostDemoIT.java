package course.cpuio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The costs are measured, not judged; what is checked is that the measurements measured real work. */
class ProcessCostDemoIT {

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void everyChildDidItsWorkAndTheDataCameBackWhole() throws Exception {
        ProcessCostDemo.Costs costs = ProcessCostDemo.measure(3, 100_000);

        assertThat(costs.sumBack()).isEqualTo(costs.expectedSum());
        assertThat(costs.jvmStartMicros()).isPositive();
        assertThat(costs.firstRunMicros()).isPositive();
        costs.childRssKb().ifPresent(kb -> assertThat(kb).isPositive());
    }
}
