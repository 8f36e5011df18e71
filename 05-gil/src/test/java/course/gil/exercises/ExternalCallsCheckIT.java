package course.gil.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import course.gil.ExternalCalls;
import course.kit.CatchRate;
import course.kit.Isolated;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves the gil.release check: every plausible wrong answer is caught on every run, right
 * answers written differently pass every run.
 *
 * <p>Wrong answers and what catches them:
 * <ul>
 *   <li>the calls made with the GIL held (the starter), or the GIL released and re-taken after the
 *       call, or only offered at a checkpoint (IO performed while holding the GIL): the device sees
 *       the caller as the GIL's holder during the call;
 *   <li>the GIL released and never taken back, or taken back only if nobody holds it (two threads
 *       inside the interpreter at once): the call returns while another thread holds the GIL;
 *   <li>the re-take not in a finally: after a failing device, io() throws without the GIL;
 *   <li>a failure swallowed: io() returns instead of throwing the device's exception;
 *   <li>the GIL released for every native call: a function that touches objects runs without it;
 *   <li>native calls always under the GIL: a function that opts out still runs holding it;
 *   <li>the GIL taken back when the call throws an exception, but not an Error; or a native call
 *       with no finally: a failure of that kind leaves without the GIL;
 *   <li>a lock of its own around the call, or synchronized methods: two threads' calls are never
 *       under way at once (the synchronized one holds the GIL while it waits for the monitor);
 *   <li>an interrupt while taking the GIL back swallowed (the interrupt restored, the GIL not taken):
 *       io() returns normally without the GIL;
 *   <li>requests of 0 or less done with the GIL held ("nothing to wait for"): the device, asked for 0,
 *       sees the caller as the holder (the scenes call with 21, 0, -21 and a huge request);
 *   <li>an interruption wrapped in an unchecked exception by a helper: the failure does not come out unchanged;
 *   <li>the call's answer, or a "did I release" flag, kept in a field: two threads out at once, the
 *       first's call answering first, and it waiting for the GIL (held by a third) while the second's
 *       answers: the first returns the second's answer, or the second returns without the GIL;
 *   <li>an interrupt while taking the GIL back swallowed (waits on, never restores it): io() returns
 *       with the GIL, and the thread's interrupt is gone;
 *   <li>the first native function's releasesGil() trusted for the later ones: a function that touches
 *       objects, called after one that touches none, runs without the GIL;
 *   <li>only one thread out at a time gives the GIL up: the second of two keeps it during its call.
 * </ul>
 * A run counts as a catch only if its failure gives the reason listed ({@link Explained}).
 */
class ExternalCallsCheckIT {

    static Stream<Arguments> wrongAnswers() {
        return Stream.of(
                Arguments.of(ExternalCallsAnswers.HoldsTheGil.class, "IO performed while holding the GIL"),
                Arguments.of(ExternalCallsAnswers.ReleasesAfterTheCall.class, "IO performed while holding the GIL"),
                Arguments.of(ExternalCallsAnswers.OffersInsteadOfReleasing.class, "IO performed while holding the GIL"),
                Arguments.of(ExternalCallsAnswers.ReleasesNeverRetakes.class, "two threads inside the interpreter|returned without the GIL"),
                Arguments.of(ExternalCallsAnswers.RetakesOnlyIfFree.class, "two threads inside the interpreter"),
                Arguments.of(ExternalCallsAnswers.RetakeNotInFinally.class, "without taking the GIL back"),
                Arguments.of(ExternalCallsAnswers.SwallowsFailures.class, "let the device's exception through"),
                Arguments.of(ExternalCallsAnswers.ReleasesForEveryNativeCall.class, "touches objects ran without"),
                Arguments.of(ExternalCallsAnswers.NativeAlwaysHoldsTheGil.class,
                        "touches no objects was called while holding the GIL"),
                Arguments.of(ExternalCallsAnswers.CatchesExceptionsOnly.class, "without taking the GIL back"),
                Arguments.of(ExternalCallsAnswers.NativeWithoutFinally.class, "without taking the GIL back"),
                Arguments.of(ExternalCallsAnswers.OwnLockAroundTheCall.class, "began only after the first had ended"),
                Arguments.of(ExternalCallsAnswers.SynchronizedCalls.class, "began only after the first had ended|did not finish"),
                Arguments.of(ExternalCallsAnswers.RetakeGivesUpOnInterrupt.class, "io\\(\\) returned normally without the GIL"),
                Arguments.of(ExternalCallsAnswers.SmallRequestsKeepTheGil.class, "IO performed while holding the GIL \\(io\\(device, 0\\)"),
                Arguments.of(ExternalCallsAnswers.WrapsInterruptions.class, "let every failure of the call through, unchanged"),
                Arguments.of(ExternalCallsAnswers.AnswerInAField.class, "one call's answer reached the other thread"),
                Arguments.of(ExternalCallsAnswers.ReleasedFlagInAField.class,
                        "at once, and the second returned without the GIL"),
                Arguments.of(ExternalCallsAnswers.RetakeSwallowsInterrupt.class, "swallowed the interruption"),
                Arguments.of(ExternalCallsAnswers.AsksTheFirstFunctionOnly.class,
                        "touches objects ran without the GIL .*made after one to a function that touches none"),
                Arguments.of(ExternalCallsAnswers.OneOutAtATime.class, "the second kept the GIL during its call"));
    }

    static Stream<Class<? extends ExternalCalls>> rightAnswers() {
        return Stream.of(
                ExternalCallsAnswers.TryFinallyEach.class,
                ExternalCallsAnswers.AllowThreadsScope.class,
                ExternalCallsAnswers.UninterruptibleRetake.class,
                ExternalCallsAnswers.PollsBeforeRetaking.class,
                ExternalCallsAnswers.ReleasedFlag.class,
                ExternalCallsAnswers.CallOnItsOwnThread.class);
    }

    @ParameterizedTest
    @MethodSource("wrongAnswers")
    void catchesWrongAnswerEveryRun(Class<? extends ExternalCalls> answer, String explanation) {
        List<String> otherFailures = new ArrayList<>();
        CatchRate.Result result = CatchRate.measure("05-gil", answer.getSimpleName(), Explained.check(explanation,
                otherFailures, () -> Isolated.run("course.gil.exercises.", ExternalCallsCheck.class, "all", answer)));
        assertThat(result.caught()).as("runs that caught %s with /%s/ (other failures: %s)", answer.getSimpleName(),
                explanation, otherFailures).isEqualTo(result.runs());
    }

    @ParameterizedTest
    @MethodSource("rightAnswers")
    void passesRightAnswerEveryRun(Class<? extends ExternalCalls> answer) {
        CatchRate.Result result = CatchRate.measure("05-gil", answer.getSimpleName(),
                () -> Isolated.run("course.gil.exercises.", ExternalCallsCheck.class, "all", answer));
        assertThat(result.caught()).as("runs that failed %s: %s", answer.getSimpleName(), result.firstMessage())
                .isZero();
    }
}
