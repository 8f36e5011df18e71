package course.gil.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import course.gil.RefCount;
import course.kit.CatchRate;
import course.kit.Isolated;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves the gil.atomic-count check: every plausible wrong answer is caught on every run, right
 * answers written differently pass every run. The two-thread scenarios are explored by a model
 * checker ({@link course.kit.Interleavings}), so every catch is found, not lucky.
 *
 * <p>Wrong answers (non-atomic counts in the free-threaded build) and what catches them:
 * <ul>
 *   <li>a plain field (the starter), a volatile field, an AtomicLong used as get() then set(), a
 *       home-made lock (a volatile flag checked, then set), a try-lock that skips the change when
 *       busy: two increments at once count as one;
 *   <li>a CAS loop that gives up after two tries: an increment that meets two changes by another
 *       thread is lost;
 *   <li>a lock on increments only: two decrements at once count as one;
 *   <li>one lock for increments and another for decrements: an increment and a decrement at once
 *       lose one of them;
 *   <li>an atomic decrement followed by a second read for the zero test, a LongAdder whose sum()
 *       is read after the add, the decrement locked and the zero test outside the lock, or a lock
 *       on the boxed Long that every change replaces: both
 *       of the last two decrements see zero (a double free);
 *   <li>"if the count is 1, set it to 0 myself": both of the last two see 2, neither frees (a leak);
 *   <li>increments under a shared read lock: two increments at once count as one; increments on an
 *       atomic and decrements locked as get() then set(): an increment and a decrement lose one;
 *   <li>a CAS loop that writes plainly after three lost tries: the model checker never overtakes it
 *       that often, so {@link RivalProbe} has other threads take references at every step of one
 *       thread's, and their changes are undone;
 *   <li>a count biased towards its creator (a plain field for it, an atomic for the rest, zero tested
 *       on the sum): the model checker's threads never include the creator, so the probe has the
 *       creator and another drop the last two, and both free;
 *   <li>a CAS loop computing its new value from a second read: a take and a drop by others between
 *       its reads and its compare hide from the compare, and the sum written is one too high; the
 *       probe's rivals take at odd steps and drop at even ones;
 *   <li>a timed lock wait that gives up and changes the count without the lock: the probe keeps the
 *       creator inside its change until the rival's wait has run out.
 * </ul>
 * A run counts as a catch only if its failure gives the reason listed ({@link Explained}).
 */
class RefCountCheckIT {

    static Stream<Arguments> wrongAnswers() {
        String increments = "two references taken at once to an object with one must both count";
        String decrements = "two of an object's three references dropped at once must both count";
        String lastTwo = "the last two references dropped at once must free the object exactly once";
        return Stream.of(
                Arguments.of(RefCountAnswers.PlainCount.class, increments),
                Arguments.of(RefCountAnswers.VolatileCount.class, increments),
                Arguments.of(RefCountAnswers.AtomicGetThenSet.class, increments),
                Arguments.of(RefCountAnswers.LockedIncrementOnly.class, decrements),
                Arguments.of(RefCountAnswers.DecrementThenRead.class, lastTwo),
                Arguments.of(RefCountAnswers.LongAdderCount.class, lastTwo),
                Arguments.of(RefCountAnswers.LastOneChecksFirst.class, lastTwo),
                Arguments.of(RefCountAnswers.HomeMadeLock.class, increments),
                Arguments.of(RefCountAnswers.TwoLocks.class, "references taken and dropped on two threads at once"),
                Arguments.of(RefCountAnswers.LockOnTheBox.class, lastTwo),
                Arguments.of(RefCountAnswers.TestsOutsideTheLock.class, lastTwo),
                Arguments.of(RefCountAnswers.CasGivesUp.class, "references taken and dropped on two threads at once"),
                Arguments.of(RefCountAnswers.TryLockSkips.class, increments),
                Arguments.of(RefCountAnswers.OwnerFastPath.class, "the creator of an object and another thread dropped"),
                Arguments.of(RefCountAnswers.CasThenPlainWrite.class, "references between its steps: the count ended at"),
                Arguments.of(RefCountAnswers.ReadLockIncrements.class, increments),
                Arguments.of(RefCountAnswers.LockedDecrementAtomicIncrement.class,
                        "references taken and dropped on two threads at once"),
                Arguments.of(RefCountAnswers.CasFromSecondRead.class, "references between its steps: the count ended at"),
                Arguments.of(RefCountAnswers.TimedLockGivesUp.class,
                        "references between its steps: the count ended at|the creator of an object and another thread dropped"));
    }

    static Stream<Class<? extends RefCount>> rightAnswers() {
        return Stream.of(
                RefCountAnswers.AtomicLongCount.class,
                RefCountAnswers.CasLoopCount.class,
                RefCountAnswers.VarHandleCount.class,
                RefCountAnswers.SynchronizedCount.class,
                RefCountAnswers.ReentrantLockCount.class,
                RefCountAnswers.FieldUpdaterCount.class,
                RefCountAnswers.ImmutableSwap.class,
                RefCountAnswers.SemaphoreCount.class,
                RefCountAnswers.WeakCasLoop.class,
                RefCountAnswers.GetAndDecrementWasOne.class,
                RefCountAnswers.StampedLockCount.class,
                RefCountAnswers.SpinLockCount.class,
                RefCountAnswers.AccumulatedSlot.class);
    }

    @ParameterizedTest
    @MethodSource("wrongAnswers")
    void catchesWrongAnswerEveryRun(Class<? extends RefCount> answer, String explanation) {
        List<String> otherFailures = new ArrayList<>();
        CatchRate.Result result = CatchRate.measure("05-gil", answer.getSimpleName(), Explained.check(explanation,
                otherFailures, () -> Isolated.run("course.gil.exercises.", RefCountCheck.class, "all", answer)));
        assertThat(result.caught()).as("runs that caught %s with /%s/ (other failures: %s)", answer.getSimpleName(),
                explanation, otherFailures).isEqualTo(result.runs());
    }

    @ParameterizedTest
    @MethodSource("rightAnswers")
    void passesRightAnswerEveryRun(Class<? extends RefCount> answer) {
        CatchRate.Result result = CatchRate.measure("05-gil", answer.getSimpleName(),
                () -> Isolated.run("course.gil.exercises.", RefCountCheck.class, "all", answer));
        assertThat(result.caught()).as("runs that failed %s: %s", answer.getSimpleName(), result.firstMessage())
                .isZero();
    }
}
