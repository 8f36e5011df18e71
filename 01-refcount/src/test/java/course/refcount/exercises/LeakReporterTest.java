package course.refcount.exercises;

import course.kit.Exercise;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Exercise refcount.leak-report: the learner's {@link LeakReporter} must pass every {@link LeakReporterCheck}. */
@Exercise("refcount.leak-report")
class LeakReporterTest {

    @BeforeAll
    static void startTheChecksCleaner() {
        LeakReporterCheck.cleaner(); // its thread starts now, not inside a test, where it would count as left over
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void reportsAResourceNobodyReleased() {
        LeakReporterCheck.reportsAForgottenResource(LeakReporter.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void theReportSaysWhereTheResourceWasCreated() {
        LeakReporterCheck.saysWhereItWasCreated(LeakReporter.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void staysQuietAboutAResourceThatWasReleased() {
        LeakReporterCheck.staysQuietWhenReleased(LeakReporter.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void manyResourcesEachReportedByTheirOwnTrackerOnlyIfForgotten() {
        LeakReporterCheck.manyTrackersEachTheirOwn(LeakReporter.class);
    }
}
