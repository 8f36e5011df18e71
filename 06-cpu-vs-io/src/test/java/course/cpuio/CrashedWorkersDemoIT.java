package course.cpuio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The re-enacted accident, every time: the naive runner reports a time for four workers, and
 * every one of them exited with an error at start-up, unable to find the class it was sent to run.
 */
class CrashedWorkersDemoIT {

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void theTimedWorkersAllDiedAtStartUp() throws Exception {
        CrashedWorkersDemo.Outcome outcome = CrashedWorkersDemo.run(100_000);

        assertThat(outcome.naiveNanos()).isPositive();
        assertThat(outcome.exitStatuses()).hasSize(4).allSatisfy(status -> assertThat(status).isNotZero());
        assertThat(outcome.errors()).allSatisfy(error ->
                assertThat(error).contains("Could not find or load main class course.cpuio.PrimeWorker"));
    }
}
