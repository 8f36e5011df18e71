package course.locks.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import course.kit.CatchRate;
import course.kit.Isolated;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves the locks.cache check: every plausible wrong answer is caught on every run, right
 * answers written differently pass every run.
 *
 * <p>Wrong answers and what catches them:
 * <ul>
 *   <li>no lock (the starter): two threads that miss the same key both write the table at once;
 *   <li>{@code synchronized}, one {@code ReentrantLock}, or a StampedLock's write lock for
 *       everything: a reader kept out by another reader;
 *   <li>loading and storing under the read lock: two writes at once;
 *   <li>{@code invalidate()} under the read lock: a removal while a reader reads;
 *   <li>the write lock taken while the read lock is still held (an "upgrade"): the thread waits
 *       for itself for ever (found as a stall and reported; the thread cannot be freed);
 *   <li>the read lock not given back on a hit: the next write lock waits for ever;
 *   <li>no second look under the write lock: the key is loaded twice;
 *   <li>a new lock per call: two writes at once;
 *   <li>StampedLock optimistic reads of the table: a read while invalidate() writes;
 *   <li>a home-made lock for loading (a volatile flag tested then set), a new load lock put in
 *       a map by every miss, or a miss that loads for itself when the write lock is busy: two
 *       misses at once load the key twice (by the forced meeting of the two misses, or else
 *       by exploring the interleavings of two gets: "loadsOfK() returned 2");
 *   <li>a miss that returns the table's value read again after the write lock is let go: a get
 *       and an invalidate explored together, the get returns null;
 *   <li>the write lock let go after the load, not in a finally: a loader that throws once
 *       leaves it held, and the next get, on another thread, waits for ever;
 *   <li>an invalidate that tries the write lock and gives up when it is busy: explored beside a
 *       get that holds the read lock, it drops nothing, and the next get loads nothing.
 * </ul>
 */
class CacheCheckIT {

    /**
     * What catches a key loaded twice: the explored gets, or the two real threads that miss at
     * once, when they happen to overlap (both say the key was loaded twice).
     */
    private static final String LOADED_TWICE = "loadsOfK() returned 2|was loaded 2 times";

    static Stream<Arguments> wrongAnswers() {
        return Stream.of(
                Arguments.of(CacheAnswers.NoLock.class, "used wrongly"),
                Arguments.of(CacheAnswers.SynchronizedCache.class, "readers take turns"),
                Arguments.of(CacheAnswers.ExclusiveLock.class, "readers take turns"),
                Arguments.of(CacheAnswers.StampedWriteLockForAll.class, "readers take turns"),
                Arguments.of(CacheAnswers.WritesUnderReadLock.class, "used wrongly"),
                Arguments.of(CacheAnswers.InvalidateUnderReadLock.class, "used wrongly"),
                Arguments.of(CacheAnswers.UpgradesReadLock.class, "cannot be upgraded"),
                Arguments.of(CacheAnswers.ReadUnlockSkippedOnHit.class, "wait for ever"),
                Arguments.of(CacheAnswers.NoSecondLook.class, "look again"),
                Arguments.of(CacheAnswers.NewLockPerCall.class, "used wrongly"),
                Arguments.of(CacheAnswers.OptimisticReadOfTable.class, "used wrongly"),
                Arguments.of(CacheAnswers.LoadingFlag.class, LOADED_TWICE),
                Arguments.of(CacheAnswers.LoadsWhenWriteLockBusy.class, "\"k\" was loaded 2 times"),
                Arguments.of(CacheAnswers.LoadLockPerMiss.class, LOADED_TWICE),
                Arguments.of(CacheAnswers.ReadsTheTableAgainAfterUnlock.class, "get must return the value it loaded"),
                Arguments.of(CacheAnswers.WriteUnlockSkippedWhenTheLoaderThrows.class, "skipped the unlock()"),
                Arguments.of(CacheAnswers.InvalidateGivesUpWhenBusy.class, "the invalidate must drop the value whenever it runs"));
    }

    static Stream<Class<?>> rightAnswers() {
        return Stream.of(
                ReadMostlyCache.class,
                CacheAnswers.StampedReadWrite.class,
                CacheAnswers.StampedConvert.class,
                CacheAnswers.FairReadWriteLock.class,
                CacheAnswers.SemaphoreReadWrite.class,
                CacheAnswers.MonitorReadWrite.class,
                CacheAnswers.LoadLockPerKey.class);
    }

    @ParameterizedTest
    @MethodSource("wrongAnswers")
    void catchesWrongAnswerEveryRun(Class<?> answer, String explanation) {
        CatchRate.Result result = CatchRate.measure("03-locks", answer.getSimpleName(),
                () -> Isolated.run("course.locks.exercises.", CacheCheck.class, "all", answer));
        assertThat(result.caught()).as("runs that caught %s", answer.getSimpleName()).isEqualTo(result.runs());
        assertThat(result.firstMessage()).containsAnyOf(explanation.split("\\|"));
    }

    @ParameterizedTest
    @MethodSource("rightAnswers")
    void passesRightAnswerEveryRun(Class<?> answer) {
        CatchRate.Result result = CatchRate.measure("03-locks", answer.getSimpleName(),
                () -> Isolated.run("course.locks.exercises.", CacheCheck.class, "all", answer));
        assertThat(result.caught()).as("runs that failed %s: %s", answer.getSimpleName(), result.firstMessage())
                .isZero();
    }
}
