package course.locks.exercises;

import course.kit.Exercise;
import course.kit.Interleavings;
import course.locks.Cache;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Exercise locks.cache: the learner's {@link ReadMostlyCache} must pass every {@link CacheCheck}. */
@Exercise("locks.cache")
class CacheTest {

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final Class<? extends Cache<String, String>> ANSWER = (Class) ReadMostlyCache.class;

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void worksOnOneThread() {
        CacheCheck.worksAlone(ANSWER);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void readersDoNotWaitForEachOther() {
        CacheCheck.readersShareTheLock(ANSWER);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void twoMissesAtOnceLoadOnceAndWriteAlone() {
        CacheCheck.aMissLoadsOnceAndWritesAlone(ANSWER);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void invalidateWritesAlone() {
        CacheCheck.invalidateWritesAlone(ANSWER);
    }

    @Test
    @Timeout(Interleavings.TIME_LIMIT_SECONDS)
    void twoMissesAtOnceInEveryInterleavingLoadOnce() {
        CacheCheck.callsAtOnceAreOneAtATime(ANSWER);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aFailedLoadLeavesTheCacheUsable() {
        CacheCheck.staysUsableAfterAFailedLoad(ANSWER);
    }
}
