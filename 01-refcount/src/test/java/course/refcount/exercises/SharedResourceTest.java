package course.refcount.exercises;

import course.kit.Exercise;
import course.kit.Interleavings;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Exercise refcount.threads: the learner's {@link SharedResource} must pass every {@link SharedCheck}. */
@Exercise("refcount.threads")
class SharedResourceTest {

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void keepsTheOneThreadRules() {
        CountedCheck.all(SharedResource.class);
    }

    @Test
    @Timeout(Interleavings.TIME_LIMIT_SECONDS)
    void retainsAndReleasesMadeAtOnceLoseNothingFreeOnceAndNeverRevive() {
        SharedCheck.retainsAndReleasesAtOnce(SharedResource.class);
    }
}
