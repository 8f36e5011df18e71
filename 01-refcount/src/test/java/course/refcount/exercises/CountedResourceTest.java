package course.refcount.exercises;

import course.kit.Exercise;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Exercise refcount.release: the learner's {@link CountedResource} must pass every {@link CountedCheck}. */
@Exercise("refcount.release")
class CountedResourceTest {

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void countsItsOwners() {
        CountedCheck.countsOwners(CountedResource.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void freesExactlyOnceWhenTheLastOwnerReleases() {
        CountedCheck.freesOnceAtZero(CountedResource.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void refusesToRetainAFreedResource() {
        CountedCheck.refusesRetainAfterFree(CountedResource.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void refusesToReleaseAFreedResource() {
        CountedCheck.refusesReleaseAfterFree(CountedResource.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void freesOnceWhetherItsFreeActionThrowsOrIsShared() {
        CountedCheck.freeActionsAsCallersWriteThem(CountedResource.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void followsTheRulesInLongSequencesOnTwoResourcesAtOnce() {
        CountedCheck.followsTheRulesInAnyOrder(CountedResource.class);
    }
}
