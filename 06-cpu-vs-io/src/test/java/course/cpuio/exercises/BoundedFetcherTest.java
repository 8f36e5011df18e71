package course.cpuio.exercises;

import course.kit.Exercise;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Exercise cpuio.fetch: the learner's {@link BoundedFetcher} must pass every {@link FetchCheck}. */
@Exercise("cpuio.fetch")
class BoundedFetcherTest {

    /** The HTTP classes loaded before any test. */
    @BeforeAll
    static void warmUp() {
        FetchCheck.warmUp();
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void fetchesEveryUrlInOrder() {
        FetchCheck.fetchesEveryUrl(BoundedFetcher.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void neverMoreThanMaxInFlightAtOnce() {
        FetchCheck.keepsToTheLimit(BoundedFetcher.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void failuresAreReportedNotSwallowed() {
        FetchCheck.reportsFailures(BoundedFetcher.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aRequestNeverAnsweredTimesOutAndIsAbandoned() {
        FetchCheck.timesOutSilentRequests(BoundedFetcher.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void anEmptyListFetchesNothing() {
        FetchCheck.fetchesNothing(BoundedFetcher.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void theTimeoutIsForEachRequest() {
        FetchCheck.timeoutIsPerRequest(BoundedFetcher.class);
    }
}
