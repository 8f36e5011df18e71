package course.refcount.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import course.kit.CatchRate;
import course.kit.Isolated;
import course.refcount.RefCounted;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves the refcount.threads check: every plausible wrong answer is caught on every run, right
 * answers written differently pass every run.
 *
 * <p>The two-thread scenarios are explored by a model checker ({@link course.kit.Interleavings}):
 * every interleaving of the calls' reads, writes, atomic steps and lock operations is tried, so a
 * catch is never a matter of luck. Wrong answers and what catches them:
 * <ul>
 *   <li>a plain int with ++ and -- (the starter), or a volatile one, an AtomicInteger used as
 *       get() then set(), an atomic flag around the free with a plain count, release()
 *       synchronized and retain() not, a home-made lock (a volatile flag checked, then set): two
 *       retains at once lose one;
 *   <li>a CAS loop that gives up after two tries: a retain that meets two changes by another
 *       thread is lost;
 *   <li>an atomic decrement, then a second read of the count to decide, the decrement under a
 *       lock and the decision outside it, or a lock on the Integer count that every change
 *       replaces: the last two releases both free;
 *   <li>two locks (one for retains, one for releases): a retain during the last release revives
 *       the resource;
 *   <li>a retain that checks the count, then increments it (atomically, or under a lock that the
 *       check is outside of): the last release frees in between, and the retain revives it;
 *   <li>a release that checks the count, then decrements it: two "last" releases both pass the
 *       check; nobody is refused and the count goes to -1;
 *   <li>an atomic step undone by a lazySet(0) when it went below zero: for a moment a freed
 *       resource has a count of 1, and a release made then frees it again;
 *   <li>a try-lock that gives up: a busy resource refuses a retain though it has owners;
 *   <li>a free action that runs whenever a decrement reaches "zero or below": one release too
 *       many frees twice;
 *   <li>an atomic increment with no check: caught on one thread;
 *   <li>a lock-free fast path while the count is above 2: three releases at 3 all take it and
 *       nobody frees (the three-thread scenario; two threads never show it);
 *   <li>a lock-free retain while the count is above 1: the other two owners release meanwhile, on
 *       one thread, and the retain revives the freed resource.
 * </ul>
 * Right answers: updateAndGet/getAndUpdate with the check inside, getAndAdd with rollback,
 * synchronized methods, a ReentrantLock, a Semaphore, a VarHandle CAS loop, an
 * AtomicIntegerFieldUpdater CAS loop (Netty's way), an immutable state swapped by compareAndSet,
 * a spin lock taken by compareAndSet, a weak compare-and-set in a loop, a StampedLock's write lock,
 * a compareAndExchange loop, retains under a read lock and releases under the write lock.
 */
class SharedCheckIT {

    static Stream<Arguments> wrongAnswers() {
        String retains = "two retains made at once";
        String lastTwo = "the last two owners releasing at once";
        String revives = "a freed resource never comes back to life";
        return Stream.of(
                Arguments.of(SharedAnswers.PlainInt.class, retains),
                Arguments.of(SharedAnswers.VolatileInt.class, retains),
                Arguments.of(SharedAnswers.AtomicGetThenSet.class, retains),
                Arguments.of(SharedAnswers.DecrementThenReadAgain.class, lastTwo),
                Arguments.of(SharedAnswers.CheckThenIncrementRetain.class, revives),
                Arguments.of(SharedAnswers.CheckThenDecrementRelease.class, "one release too many"),
                Arguments.of(SharedAnswers.FreesAtZeroOrBelow.class, "one release too many"),
                Arguments.of(SharedAnswers.RetainRevives.class, "came back to life"),
                Arguments.of(SharedAnswers.AtomicFlagPlainCount.class, retains),
                Arguments.of(SharedAnswers.SynchronizedReleaseOnly.class, retains),
                Arguments.of(SharedAnswers.HomeMadeLock.class, retains),
                Arguments.of(SharedAnswers.TwoLocks.class, revives),
                Arguments.of(SharedAnswers.LockOnTheCount.class, lastTwo),
                Arguments.of(SharedAnswers.DecidesOutsideTheLock.class, lastTwo),
                Arguments.of(SharedAnswers.ChecksOutsideTheLock.class, revives),
                Arguments.of(SharedAnswers.CasGivesUp.class, "lose no change of the count"),
                Arguments.of(SharedAnswers.TryLockGivesUp.class, retains),
                Arguments.of(SharedAnswers.AtomicStepsWithPlainUndo.class, "must stay freed"),
                Arguments.of(SharedAnswers.FastPathAboveTwo.class, "the last three owners releasing at once"),
                Arguments.of(SharedAnswers.RetainFastPathAboveOne.class, "while the other two owners release"));
    }

    static Stream<Class<? extends RefCounted>> rightAnswers() {
        return Stream.of(
                SharedAnswers.UpdateFunctions.class,
                SharedAnswers.GetAndAddWithRollback.class,
                SharedAnswers.SynchronizedMethods.class,
                SharedAnswers.LockedCount.class,
                SharedAnswers.SemaphoreCount.class,
                SharedAnswers.VarHandleCas.class,
                SharedAnswers.FieldUpdaterCas.class,
                SharedAnswers.ImmutableStateSwap.class,
                SharedAnswers.SpinLockCount.class,
                SharedAnswers.WeakCasLoop.class,
                SharedAnswers.StampedWriteLock.class,
                SharedAnswers.CompareAndExchangeLoop.class,
                SharedAnswers.ReadLockedRetains.class);
    }

    @ParameterizedTest
    @MethodSource("wrongAnswers")
    void catchesWrongAnswerEveryRun(Class<? extends RefCounted> answer, String explanation) {
        CatchRate.Result result = CatchRate.measure("01-refcount", answer.getSimpleName(),
                () -> Isolated.run("course.refcount.exercises.", SharedCheck.class, "all", answer));
        assertThat(result.caught()).as("runs that caught %s", answer.getSimpleName()).isEqualTo(result.runs());
        assertThat(result.firstMessage()).contains(explanation);
    }

    @ParameterizedTest
    @MethodSource("rightAnswers")
    void passesRightAnswerEveryRun(Class<? extends RefCounted> answer) {
        CatchRate.Result result = CatchRate.measure("01-refcount", answer.getSimpleName(),
                () -> Isolated.run("course.refcount.exercises.", SharedCheck.class, "all", answer));
        assertThat(result.caught()).as("runs that failed %s: %s", answer.getSimpleName(), result.firstMessage())
                .isZero();
    }
}
