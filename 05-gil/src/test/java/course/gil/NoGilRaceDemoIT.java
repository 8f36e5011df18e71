package course.gil;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Timeout;

/**
 * What holds on every run of the natural race: with a GIL, or with atomic counts, the counts are
 * always right. (With a {@link RightAnswers right answer} for the GIL and the counts, not the
 * learner's.) That plain counts without a GIL break is not asserted here: the natural race breaks
 * them only sometimes (the book shows one run); {@code ForcedRefcountRaceDemoIT} proves the break
 * on every run.
 */
class NoGilRaceDemoIT {

    @RepeatedTest(3)
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void underTheGilPlainCountsStayRight() throws InterruptedException {
        HeapReport report = NoGilRaceDemo.run(RightAnswers.switchingGil(), PlainRefCount::new);
        assertThat(report.healthy()).as(report.summary()).isTrue();
        assertThat(report.created()).isEqualTo(1);
    }

    @RepeatedTest(3)
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void withoutTheGilAtomicCountsStayRight() throws InterruptedException {
        HeapReport report = NoGilRaceDemo.run(new NoGil(), RightAnswers::atomicCount);
        assertThat(report.healthy()).as(report.summary()).isTrue();
        assertThat(report.created()).isEqualTo(1);
    }
}
