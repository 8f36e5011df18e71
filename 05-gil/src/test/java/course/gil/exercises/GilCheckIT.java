package course.gil.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import course.gil.Gil;
import course.kit.CatchRate;
import course.kit.Isolated;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves the gil.lock check: every plausible wrong answer is caught on every run, and right
 * answers written in other ways pass every run. Each run loads the check and the answer afresh
 * ({@link Isolated}), as a learner's run in a fresh JVM would.
 *
 * <p>Wrong answers and what catches them:
 * <ul>
 *   <li>a mutex that never switches (the starter): the waiter never asks;
 *   <li>waiters ask, the holder ignores it (never released while waiters exist): starvation, the
 *       waiter does not get the GIL within {@code PATIENCE} (hundreds of intervals);
 *   <li>{@code release(); acquire();} in checkpoint() (a holder that re-takes it at once): the
 *       holder is back before the waiter took it, or (rarely) the waiter starves, asking again and
 *       again; on an unfair ReentrantLock the re-take also clears the request, the queued waiter
 *       never asks again, and it starves;
 *   <li>a drop request never cleared, or cleared only in release(): it is still set right after a switch;
 *   <li>a waiter that asks at once, without waiting an interval: asked too early;
 *   <li>a check-then-act "lock-free" GIL (two threads inside the interpreter at once): a model
 *       checker ({@link course.kit.Interleavings}) explores two threads taking a free GIL, and in
 *       one interleaving both get in;
 *   <li>a waiter that gives up after a few intervals and takes the GIL anyway: it takes it from a
 *       holder that dropped it and waits for the switch, or from a holder in a long call (no
 *       checkpoint) that still holds it;
 *   <li>release() that wakes nobody, or a waiter that polls, sleeping an interval at a time: with
 *       a switch interval of seconds, a released GIL is not taken for a long time (a lost wake-up);
 *   <li>a holder that drops the GIL when asked and runs on without it: it does not hold the GIL
 *       after checkpoint() returns, or its checkpoint() returns while the waiter holds it;
 *   <li>everything synchronized, with a waiter that sleeps inside the monitor: the holder cannot
 *       get in to let go, and the scene is reported stuck (with the lock and its owner);
 *   <li>a holder that waits for the switch at most one interval: a waiter slow to wake (a virtual
 *       thread whose carriers the check keeps busy) finds the GIL taken back;
 *   <li>a request cleared by the dropping holder, not by whoever takes the GIL: after a release(),
 *       the new holder finds the old request still set;
 *   <li>a dropping holder that waits for a switch with no count of waiters, or with one not put right
 *       when a waiter is interrupted: the waiter that asked leaves acquire(), and the holder's
 *       checkpoint() never comes back;
 *   <li>the request as a count of the times waiters asked, one answered per switch: the waiter waits
 *       ten intervals before the holder releases, and after taking the GIL its request is still open.
 * </ul>
 * A run counts as a catch only if its failure gives the reason listed ({@link Explained}).
 * {@code -Dcatch.runs=200} measures the rates.
 */
class GilCheckIT {

    static Stream<Arguments> wrongAnswers() {
        return Stream.of(
                Arguments.of(GilAnswers.NeverAsks.class, "never asked"),
                Arguments.of(GilAnswers.IgnoresDropRequests.class, "starvation"),
                Arguments.of(GilAnswers.RetakesAtOnce.class, "straight back"),
                Arguments.of(GilAnswers.UnfairLockRetakes.class, "starvation|took it straight back"),
                Arguments.of(GilAnswers.NeverClearsRequest.class, "never cleared"),
                Arguments.of(GilAnswers.ClearsOnlyInRelease.class, "never cleared"),
                Arguments.of(GilAnswers.AsksAtOnce.class, "before one switch interval"),
                Arguments.of(GilAnswers.CheckThenTake.class, "two threads inside the interpreter at once"),
                Arguments.of(GilAnswers.DropsAndRunsOn.class,
                        "did not hold the GIL|returned while the waiter held the GIL"),
                Arguments.of(GilAnswers.SleepsInsideSynchronized.class, "did not finish"),
                Arguments.of(GilAnswers.GivesUpWaiting.class, "two threads inside the interpreter at once|did not hold the GIL"),
                Arguments.of(GilAnswers.LostWakeUp.class, "a lost wake-up"),
                Arguments.of(GilAnswers.PollsAnIntervalAtATime.class, "a lost wake-up"),
                Arguments.of(GilAnswers.ClearsOnlyWhenDropping.class, "never cleared"),
                Arguments.of(GilAnswers.HolderWaitsOneIntervalForASwitch.class, "took it back before the waiter|straight back"),
                Arguments.of(GilAnswers.WaiterCountNotRestoredOnInterrupt.class, "a thread that no longer waits"),
                Arguments.of(GilAnswers.WaitsForASwitchWhateverHappens.class, "a thread that no longer waits"),
                Arguments.of(GilAnswers.CountsRequests.class, "never cleared"));
    }

    static Stream<Class<? extends Gil>> rightAnswers() {
        return Stream.of(
                GilAnswers.MonitorGil.class,
                GilAnswers.FairLockGil.class,
                GilAnswers.HandoffGil.class,
                GilAnswers.WaitsUntilSomeoneHolds.class,
                GilAnswers.SemaphoreGil.class);
    }

    @ParameterizedTest
    @MethodSource("wrongAnswers")
    void catchesWrongAnswerEveryRun(Class<? extends Gil> answer, String explanation) {
        List<String> otherFailures = new ArrayList<>();
        CatchRate.Result result = CatchRate.measure("05-gil", answer.getSimpleName(), Explained.check(explanation,
                otherFailures, () -> Isolated.run("course.gil.exercises.", GilCheck.class, "all", answer)));
        assertThat(result.caught()).as("runs that caught %s with /%s/ (other failures: %s)", answer.getSimpleName(),
                explanation, otherFailures).isEqualTo(result.runs());
    }

    @ParameterizedTest
    @MethodSource("rightAnswers")
    void passesRightAnswerEveryRun(Class<? extends Gil> answer) {
        CatchRate.Result result = CatchRate.measure("05-gil", answer.getSimpleName(),
                () -> Isolated.run("course.gil.exercises.", GilCheck.class, "all", answer));
        assertThat(result.caught()).as("runs that failed %s: %s", answer.getSimpleName(), result.firstMessage())
                .isZero();
    }
}
