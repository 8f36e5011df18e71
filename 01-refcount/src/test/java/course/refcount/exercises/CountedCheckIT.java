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
 * Proves the refcount.release check: every plausible wrong answer is caught on every run, right
 * answers written differently pass every run. One thread, so nothing here depends on timing.
 *
 * <p>Wrong answers and what catches them:
 * <ul>
 *   <li>no checks at all (the starter, CPython's own INCREF/DECREF): a retain revives a freed
 *       resource, a release takes the count to -1 unnoticed;
 *   <li>release guarded, retain not: a retain revives a freed resource;
 *   <li>frees when the count reaches "zero or below": a release after free runs the free action twice;
 *   <li>throws below zero, but after the decrement: the refusal changed the count (-1);
 *   <li>the right checks with IllegalArgumentException: wrong exception type;
 *   <li>IllegalStateException with no message: the error does not say what happened;
 *   <li>calls after free silently ignored: the caller's bug goes unnoticed (no exception);
 *   <li>a new resource with a count of 0: the creator's reference is not counted;
 *   <li>release() that always returns false: the last owner cannot tell it freed the resource;
 *   <li>refuses a call after free only once ("no need to shout twice"): a later release frees again;
 *   <li>a byte count: the 128th owner wraps it (a hundred thousand retains catch it);
 *   <li>two tallies, retains and releases, compared with an off-by-one guard: a retain after free
 *       goes through;
 *   <li>one static count for every resource, reset by each constructor: with two resources in use
 *       at once, one's calls change the other's count;
 *   <li>assert instead of a thrown exception: an AssertionError under -ea (and without it, as in
 *       this IT and in production, a retain that revives a freed resource);
 *   <li>a short count: the 32,768th owner wraps it (a hundred thousand retains catch it);
 *   <li>the free action run before the count is set to 0: a free action that throws leaves the
 *       count at 1, and the next release frees again;
 *   <li>"freed" remembered by free action, in one set for all: a resource made with another's free
 *       action is taken for freed with it.
 * </ul>
 * After the named scenes, the check makes a hundred thousand retains, then plays hundreds of
 * sequences of calls against the rules, each on one resource while another gets calls of its own,
 * so a rule broken only after some particular run of calls, or only with two resources, is caught too.
 */
class CountedCheckIT {

    static Stream<Arguments> wrongAnswers() {
        return Stream.of(
                Arguments.of(CountedAnswers.NoChecks.class, "came back to life"),
                Arguments.of(CountedAnswers.RetainRevives.class, "came back to life"),
                Arguments.of(CountedAnswers.FreesAtZeroOrBelow.class, "double free"),
                Arguments.of(CountedAnswers.ThrowsAfterDecrement.class, "a refusal changes nothing"),
                Arguments.of(CountedAnswers.WrongException.class, "expected an IllegalStateException"),
                Arguments.of(CountedAnswers.SilentErrors.class, "no message"),
                Arguments.of(CountedAnswers.IgnoresCallsAfterFree.class, "returned normally"),
                Arguments.of(CountedAnswers.StartsAtZero.class, "a new resource"),
                Arguments.of(CountedAnswers.ReleaseAlwaysSaysFalse.class, "release() of the last owner"),
                Arguments.of(CountedAnswers.RefusesOnlyOnce.class, "A freed resource stays freed"),
                Arguments.of(CountedAnswers.ByteCount.class, "however many"),
                Arguments.of(CountedAnswers.TwoTallies.class, "came back to life"),
                Arguments.of(CountedAnswers.StaticCount.class, "each resource has its own count"),
                // with -ea (the learner's run) an AssertionError; this IT's class loader runs without assertions
                Arguments.of(CountedAnswers.AssertsInsteadOfThrowing.class, "an assert?|came back to life"),
                Arguments.of(CountedAnswers.ShortCount.class, "however many"),
                Arguments.of(CountedAnswers.FreesBeforeZero.class, "whose free action threw"),
                Arguments.of(CountedAnswers.FreedByItsFreeAction.class, "one free action"));
    }

    static Stream<Class<? extends RefCounted>> rightAnswers() {
        return Stream.of(
                CountedAnswers.FreedFlag.class,
                CountedAnswers.NettyStyle.class,
                CountedAnswers.DropsTheFreeAction.class,
                CountedAnswers.ImmutableState.class,
                CountedAnswers.UndoesRefusedRelease.class,
                CountedAnswers.OwnerTokens.class,
                CountedAnswers.DoubledCount.class);
    }

    @ParameterizedTest
    @MethodSource("wrongAnswers")
    void catchesWrongAnswerEveryRun(Class<? extends RefCounted> answer, String explanation) {
        CatchRate.Result result = CatchRate.measure("01-refcount", answer.getSimpleName(),
                () -> Isolated.run("course.refcount.exercises.", CountedCheck.class, "all", answer));
        assertThat(result.caught()).as("runs that caught %s", answer.getSimpleName()).isEqualTo(result.runs());
        assertThat(result.firstMessage()).containsAnyOf(explanation.split("\\|"));
    }

    @ParameterizedTest
    @MethodSource("rightAnswers")
    void passesRightAnswerEveryRun(Class<? extends RefCounted> answer) {
        CatchRate.Result result = CatchRate.measure("01-refcount", answer.getSimpleName(),
                () -> Isolated.run("course.refcount.exercises.", CountedCheck.class, "all", answer));
        assertThat(result.caught()).as("runs that failed %s: %s", answer.getSimpleName(), result.firstMessage())
                .isZero();
    }
}
