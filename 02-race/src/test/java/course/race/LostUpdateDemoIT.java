package course.race;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The article's program is a natural race: how much it loses differs from run to run, and the
 * book shows the spread (see {@code .ci/race-distribution}). What must hold on every run is
 * asserted here: no counter counts more than was added, and the atomic-free counters are the
 * article's program with the article's numbers.
 */
class LostUpdateDemoIT {

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void theArticlesProgramRunsFiveThreadsOfAMillion() {
        assertThat(LostUpdateDemo.THREADS).isEqualTo(5);
        assertThat(LostUpdateDemo.INCREMENTS_PER_THREAD).isEqualTo(1_000_000);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aVolatileCounterNeverCountsMoreThanWasAdded() throws InterruptedException {
        long count = LostUpdateDemo.run(new VolatileCounter());

        assertThat(count).isPositive().isLessThanOrEqualTo(5_000_000L);
    }
}
