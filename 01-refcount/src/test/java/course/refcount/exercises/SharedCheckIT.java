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
 * answers written differently pass every run. The threads take {@link Turns} at every access to
 * shared memory, so nothing is left to luck.
 *
 * <p>Wrong answers and what catches them:
 * <ul>
 *   <li>a plain int with ++ and -- (the starter), or a volatile one: two retains at once lose one
 *       (use-after-free to come), two releases at once lose one (a leak);
 *   <li>an AtomicInteger used as get(), then set(): the same lost updates;
 *   <li>an atomic decrement, then a second read of the count to decide: two releases both see 0
 *       and free twice;
 *   <li>a retain that checks the count, then increments it: the last release frees in between,
 *       and the retain revives a freed resource;
 *   <li>a release that checks the count, then decrements it: two "last" releases both pass the
 *       check; nobody is refused and the count goes to -1;
 *   <li>a free action that runs whenever a decrement reaches "zero or below": one release too
 *       many frees twice;
 *   <li>an atomic increment with no check: a freed resource comes back (caught on one thread);
 *   <li>an atomic flag around the free action, the count still a plain int: lost updates;
 *   <li>release() synchronized, retain() not: the unsynchronized retains lose updates.
 * </ul>
 * Right answers: updateAndGet/getAndUpdate with the check inside, getAndAdd with rollback,
 * synchronized methods, a ReentrantLock, a Semaphore (a lock whose owner nobody can see), a
 * VarHandle CAS loop, an AtomicIntegerFieldUpdater CAS loop (Netty's way).
 */
class SharedCheckIT {

    static Stream<Arguments> wrongAnswers() {
        return Stream.of(
                Arguments.of(SharedAnswers.PlainInt.class, "one atomic step"),
                Arguments.of(SharedAnswers.VolatileInt.class, "one atomic step"),
                Arguments.of(SharedAnswers.AtomicGetThenSet.class, "one atomic step"),
                Arguments.of(SharedAnswers.DecrementThenReadAgain.class, "double free"),
                Arguments.of(SharedAnswers.CheckThenIncrementRetain.class, "now owns a freed resource"),
                Arguments.of(SharedAnswers.CheckThenDecrementRelease.class, "extra release went unnoticed"),
                Arguments.of(SharedAnswers.FreesAtZeroOrBelow.class, "double free"),
                Arguments.of(SharedAnswers.RetainRevives.class, "came back to life"),
                Arguments.of(SharedAnswers.AtomicFlagPlainCount.class, "one atomic step"),
                Arguments.of(SharedAnswers.SynchronizedReleaseOnly.class, "one atomic step"));
    }

    static Stream<Class<? extends RefCounted>> rightAnswers() {
        return Stream.of(
                SharedAnswers.UpdateFunctions.class,
                SharedAnswers.GetAndAddWithRollback.class,
                SharedAnswers.SynchronizedMethods.class,
                SharedAnswers.LockedCount.class,
                SharedAnswers.SemaphoreCount.class,
                SharedAnswers.VarHandleCas.class,
                SharedAnswers.FieldUpdaterCas.class);
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
