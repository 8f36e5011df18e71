package course.locks.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import course.kit.CatchRate;
import course.kit.Isolated;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves the locks.buffer check: every plausible wrong answer is caught on every run, right
 * answers written differently pass every run.
 *
 * <p>Wrong answers and what catches them:
 * <ul>
 *   <li>no lock and no waiting (the starter): take() on an empty buffer does not wait;
 *   <li>{@code if} instead of {@code while} around {@code await()}, with {@code signalAll()},
 *       and {@code synchronized} with {@code if} and {@code notifyAll()}: two waiting takers,
 *       one item; both are woken, and the one that comes second, whichever it is, takes from
 *       the empty shelf. With {@code signal()}: the stolen wake-up (a second taker queued for
 *       the lock while the put runs takes the item first; the woken taker, queued behind it by
 *       the Condition on every JDK, takes from the empty shelf);
 *   <li>one condition for both kinds of waiter with {@code signal()}, and {@code synchronized}
 *       with {@code notify()}: the lost wake-up (takers and putters wait at once; a take wakes
 *       a taker instead of a putter, and threads wait for ever). This one needs a queued putter
 *       to have the lock before a woken taker: a Condition always does that; a monitor decides
 *       by itself. With three queued putters, JDK 21's and JDK 25's monitors both lose the
 *       wake-up; with one queued putter, the check caught it on JDK 21 in at most 1 run of 3;
 *   <li>no signal after a put, or the wrong condition signalled: a waiting taker or putter is
 *       never woken;
 *   <li>{@code awaitUninterruptibly()}: an interrupted taker waits on; only in put(): an
 *       interrupted putter, waiting on a full buffer, waits on;
 *   <li>a count of the items kept by the buffer, from 0: over a shelf that already holds items
 *       (full), a put adds to the full shelf (or, were it empty, a take would wait beside items);
 *   <li>busy waiting (unlock, spin, lock again): the taker never waits;
 *   <li>a new lock and conditions per call: a waiting taker is never woken (its condition belongs
 *       to a lock no one else has), and two putters use the shelf at once;
 *   <li>takers woken only by a put into an empty shelf (putters only by a take from a full one):
 *       two takers wait on a buffer of two slots, and the second put, which a queued putter
 *       makes before the woken taker has taken, wakes nobody; a taker waits for ever beside an item;
 *   <li>a timed await that gives up (returns null, or throws, when it runs out), or three timed
 *       waits and then giving up: the waiting taker ends with nothing put, within the second it
 *       is watched (a timeout longer than that second would not be seen);
 *   <li>polling (let the lock go, Thread.sleep, look again): the waiting taker is found in
 *       Thread.sleep (a poll that sleeps 1 ms is rarely seen asleep for long enough to settle:
 *       it is taken for a spinner instead).
 * </ul>
 *
 * <p>The semaphore answer counts its slots and items from what the shelf holds when it is made.
 */
class BufferCheckIT {

    static Stream<Arguments> wrongAnswers() {
        return Stream.of(
                Arguments.of(BufferAnswers.NoWaiting.class, "did not wait"),
                Arguments.of(BufferAnswers.IfInsteadOfWhile.class, "a while loop, not an if"),
                Arguments.of(BufferAnswers.IfWithSignalAll.class, "a while loop, not an if"),
                Arguments.of(BufferAnswers.SynchronizedIfNotifyAll.class, "a while loop, not an if"),
                Arguments.of(BufferAnswers.OneConditionSignal.class, "wrong kind"),
                Arguments.of(BufferAnswers.SynchronizedNotify.class, "wrong kind"),
                Arguments.of(BufferAnswers.NoSignalAfterPut.class, "nothing woke it"),
                Arguments.of(BufferAnswers.SignalsWrongCondition.class, "nothing woke it"),
                Arguments.of(BufferAnswers.AwaitUninterruptibly.class, "went on waiting"),
                Arguments.of(BufferAnswers.SpinsInsteadOfWaiting.class, "spin"),
                Arguments.of(BufferAnswers.NewLockPerCall.class, "nothing woke it"),
                Arguments.of(BufferAnswers.SignalOnlyOnTransition.class, "a put woke no waiting taker"),
                Arguments.of(BufferAnswers.TimedAwaitGivesUp.class, "it gave up"),
                Arguments.of(BufferAnswers.ThreeWaitsThenGivesUp.class, "it gave up"),
                Arguments.of(BufferAnswers.PollsWithSleep.class, "found in Thread.sleep()"),
                Arguments.of(BufferAnswers.PutterWaitsUninterruptibly.class, "a putter waiting on a full buffer was"
                        + " interrupted and went on waiting"),
                Arguments.of(BufferAnswers.OwnCountOfItems.class, "keep no count or copy of your own"));
    }

    static Stream<Class<?>> rightAnswers() {
        return Stream.of(
                BoundedBuffer.class,
                BufferAnswers.TwoConditionsSignalAll.class,
                BufferAnswers.OneConditionSignalAll.class,
                BufferAnswers.SynchronizedWaitNotifyAll.class,
                BufferAnswers.Semaphores.class,
                BufferAnswers.FairLockTwoConditions.class,
                BufferAnswers.TimedAwaitLoop.class,
                BufferAnswers.SignalAllOnTransition.class);
    }

    @ParameterizedTest
    @MethodSource("wrongAnswers")
    void catchesWrongAnswerEveryRun(Class<?> answer, String explanation) {
        CatchRate.Result result = CatchRate.measure("03-locks", answer.getSimpleName(),
                () -> Isolated.run("course.locks.exercises.", BufferCheck.class, "all", answer));
        assertThat(result.caught()).as("runs that caught %s", answer.getSimpleName()).isEqualTo(result.runs());
        assertThat(result.firstMessage()).contains(explanation);
    }

    @ParameterizedTest
    @MethodSource("rightAnswers")
    void passesRightAnswerEveryRun(Class<?> answer) {
        CatchRate.Result result = CatchRate.measure("03-locks", answer.getSimpleName(),
                () -> Isolated.run("course.locks.exercises.", BufferCheck.class, "all", answer));
        assertThat(result.caught()).as("runs that failed %s: %s", answer.getSimpleName(), result.firstMessage())
                .isZero();
    }
}
