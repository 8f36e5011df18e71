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
 * answers written differently pass every run. The two-thread scenes run in {@link Lockstep} on a
 * {@link PausingCopy}, so every catch is forced, not lucky.
 *
 * <p>Wrong answers (non-atomic counts in the free-threaded build) and what catches them:
 * <ul>
 *   <li>a plain field (the starter), a volatile field, an AtomicLong used as get() then set(), or
 *       a lock on increments only: two increments at once count as one;
 *   <li>an atomic decrement followed by a second read for the zero test, or a LongAdder whose
 *       sum() is read after the add: both of the last two decrements see zero (a double free);
 *   <li>"if the count is 1, set it to 0 myself": both of the last two see 2, neither frees (a leak).
 * </ul>
 * A run counts as a catch only if its failure gives the reason listed ({@link Explained}).
 */
class RefCountCheckIT {

    static Stream<Arguments> wrongAnswers() {
        return Stream.of(
                Arguments.of(RefCountAnswers.PlainCount.class, "both read 1 and both wrote 2"),
                Arguments.of(RefCountAnswers.VolatileCount.class, "both read 1 and both wrote 2"),
                Arguments.of(RefCountAnswers.AtomicGetThenSet.class, "both read 1 and both wrote 2"),
                Arguments.of(RefCountAnswers.LockedIncrementOnly.class, "one decrement was lost"),
                Arguments.of(RefCountAnswers.DecrementThenRead.class, "freed twice"),
                Arguments.of(RefCountAnswers.LongAdderCount.class, "freed twice"),
                Arguments.of(RefCountAnswers.LastOneChecksFirst.class, "never freed"));
    }

    static Stream<Class<? extends RefCount>> rightAnswers() {
        return Stream.of(
                RefCountAnswers.AtomicLongCount.class,
                RefCountAnswers.CasLoopCount.class,
                RefCountAnswers.VarHandleCount.class,
                RefCountAnswers.SynchronizedCount.class,
                RefCountAnswers.ReentrantLockCount.class);
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
