package course.gil;

import static org.assertj.core.api.Assertions.assertThat;

import course.gil.exercises.AtomicRefCount;
import course.gil.exercises.SwitchingGil;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The natural race breaks plain counts only sometimes (the book shows the spread); what holds on
 * every run is asserted: with the GIL, or with atomic counts, the counts are always right, and
 * the checker's verdict agrees with what it counted.
 */
class NoGilRaceDemoIT {

    @RepeatedTest(3)
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void underTheGilPlainCountsStayRight() throws InterruptedException {
        HeapReport report = NoGilRaceDemo.run(new SwitchingGil(Duration.ofMillis(5)), PlainRefCount::new);
        assertThat(report.healthy()).as(report.summary()).isTrue();
    }

    @RepeatedTest(3)
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void withoutTheGilAtomicCountsStayRight() throws InterruptedException {
        HeapReport report = NoGilRaceDemo.run(new NoGil(), AtomicRefCount::new);
        assertThat(report.healthy()).as(report.summary()).isTrue();
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void withoutTheGilPlainCountsAreCheckedAndReported() throws InterruptedException {
        HeapReport report = NoGilRaceDemo.run(new NoGil(), PlainRefCount::new);
        assertThat(report.summary()).startsWith(report.healthy() ? "healthy" : "BROKEN");
    }
}
