package course.locks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RefCountRaceDemoIT {

    @RepeatedTest(10)
    void theRacyCountFreesTheObjectWhileItIsStillInUseEveryRun() throws InterruptedException {
        assertThat(RefCountRaceDemo.racyStory()).containsExactly(
                "two users, count 2",
                "one retain and one release at once: two users (the lender and the third), count 1",
                "the lender lets go: one user left (the third), count 0, freed true");
    }

    @RepeatedTest(5)
    void lockedAndAtomicCountsStayRight() throws InterruptedException {
        for (var story : java.util.List.of(RefCountRaceDemo.safeStory(LockedRefCount::new),
                RefCountRaceDemo.safeStory(AtomicRefCount::new))) {
            assertThat(story.getLast()).isEqualTo("the lender lets go: one user left (the third), count 1, freed false");
        }
    }

    @Test
    void aMillionRetainReleasePairsOnTwoThreadsLeaveTheCountAtOne() throws InterruptedException {
        LockedRefCount locked = new LockedRefCount();
        AtomicRefCount atomic = new AtomicRefCount();
        assertThat(RefCountRaceDemo.countAfterHammering(locked, 1_000_000)).isEqualTo(1);
        assertThat(RefCountRaceDemo.countAfterHammering(atomic, 1_000_000)).isEqualTo(1);
        assertThat(locked.isFreed()).isFalse();
        assertThat(atomic.isFreed()).isFalse();
    }

    @Test
    void aFreedObjectCannotBeRetained() {
        for (RefCounted ref : new RefCounted[] {new LockedRefCount(), new AtomicRefCount()}) {
            ref.release();
            assertThat(ref.isFreed()).isTrue();
            assertThatThrownBy(ref::retain).isInstanceOf(IllegalStateException.class);
        }
    }
}
