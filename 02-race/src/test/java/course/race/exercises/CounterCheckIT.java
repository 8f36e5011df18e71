package course.race.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import course.kit.CatchRate;
import course.kit.Isolated;
import course.race.Counter;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves the race.counter check: every plausible wrong answer is caught on every run, and
 * right answers written in other ways pass every run. Each run loads the check and the answer
 * afresh ({@link Isolated}), as a learner's run in a fresh JVM would.
 *
 * <p>Wrong answers and what catches them (lost updates are found by exploring interleavings,
 * so none of these is named in the check):
 * <ul>
 *   <li>count++ on a plain field (the starter): lost updates;
 *   <li>count++ on a volatile field: lost updates;
 *   <li>an AtomicLong used as get(), then set(get() + 1), or lazySet, or one compareAndSet without retry: lost updates;
 *   <li>synchronized on a new object per call, or on the boxed count itself: lost updates;
 *   <li>a home-made lock on a volatile flag, a lock object replaced inside the lock, a lock chosen by
 *       the count itself: lost updates;
 *   <li>a synchronized write with an unsynchronized read: the watcher never sees the increment;
 *   <li>an atomic write published through a plain mirror field: the watcher never sees it;
 *   <li>a fresh monitor around the read of get() (the JIT removes it), an immutable holder read
 *       through a plain field, an atomic read with getPlain(): the watcher never sees the increment;
 *   <li>a lock chosen by the thread's id: lost updates;
 *   <li>a cell per thread id (modulo 8) added to with a plain get and set: 64 threads increment while
 *       one is stopped inside, and those that share its cell lose their increments;
 *   <li>a count published to a volatile mirror after the unlock, a batch per thread added every 10
 *       increments, a tryLock that falls back to the monitor: lost updates;
 *   <li>a spin lock that gives up after 1000 spins, a tryLock with a timeout: the model checker
 *       never lets a wait run out, so {@link StallProbe} stops one thread inside increment() while
 *       another increments, and the second gives up and loses an increment.
 * </ul>
 * {@code -Dcatch.runs=200} (see {@code .ci/catch-rates}) measures the rates.
 */
class CounterCheckIT {

    /** The start of the message when the explored increments lose one. */
    private static final String LOST = "increments made at once on a new counter must all count";
    /** The start of the message when a stalled increment and another lose one. */
    private static final String STALLED = "one thread stopped inside increment()";

    static Stream<Arguments> wrongAnswers() {
        return Stream.of(
                Arguments.of(CounterAnswers.PlainIncrement.class, LOST),
                Arguments.of(CounterAnswers.VolatileIncrement.class, LOST),
                Arguments.of(CounterAnswers.AtomicGetThenSet.class, LOST),
                Arguments.of(CounterAnswers.AtomicLazySet.class, LOST),
                Arguments.of(CounterAnswers.SynchronizedOnNewObject.class, LOST),
                // the boxed values up to 127 are shared, so two increments from 0 lock the same Long: the watcher catches it
                Arguments.of(CounterAnswers.SynchronizedOnBoxedCount.class, "never saw|" + LOST),
                Arguments.of(CounterAnswers.VolatileFlagLock.class, LOST),
                Arguments.of(CounterAnswers.LockReplacedInside.class, LOST),
                Arguments.of(CounterAnswers.LockChosenByCount.class, LOST),
                Arguments.of(CounterAnswers.CasWithoutRetry.class, LOST),
                Arguments.of(CounterAnswers.LockedWriteUnlockedRead.class, "never saw"),
                // both are true of a plain mirror: a late write of an older value can also lose increments
                Arguments.of(CounterAnswers.AtomicWritePlainMirror.class, "never saw|" + LOST),
                Arguments.of(CounterAnswers.SpinGivesUp.class, STALLED),
                Arguments.of(CounterAnswers.TimedTryLockDrops.class, STALLED),
                Arguments.of(CounterAnswers.FreshMonitorInGet.class, "never saw"),
                Arguments.of(CounterAnswers.ImmutableHolderPlainField.class, "never saw"),
                Arguments.of(CounterAnswers.AtomicGetPlain.class, "never saw"),
                Arguments.of(CounterAnswers.LockPerThreadStripe.class, LOST),
                Arguments.of(CounterAnswers.CellPerThreadIdPlainAdd.class, STALLED),
                Arguments.of(CounterAnswers.MirrorPublishedAfterUnlock.class, LOST),
                Arguments.of(CounterAnswers.BatchPerThread.class, LOST),
                Arguments.of(CounterAnswers.TryLockElseMonitor.class, LOST));
    }

    static Stream<Class<? extends Counter>> rightAnswers() {
        return Stream.of(
                CounterAnswers.SynchronizedMethods.class,
                CounterAnswers.AtomicLongIncrement.class,
                CounterAnswers.LongAdderCount.class,
                CounterAnswers.ReentrantLockCount.class,
                CounterAnswers.CasLoop.class,
                CounterAnswers.VolatileReadSynchronizedWrite.class,
                CounterAnswers.VarHandleGetAndAdd.class,
                CounterAnswers.SynchronizedOnPrivateLock.class,
                CounterAnswers.ImmutableSwap.class,
                CounterAnswers.SemaphoreCount.class,
                CounterAnswers.AtomicSpinLock.class,
                CounterAnswers.VolatileVersionPiggyback.class,
                CounterAnswers.FieldUpdaterIncrement.class,
                CounterAnswers.AtomicCellPerThreadId.class,
                CounterAnswers.MonitorMutex.class);
    }

    @ParameterizedTest
    @MethodSource("wrongAnswers")
    void catchesWrongAnswerEveryRun(Class<? extends Counter> answer, String explanation) {
        CatchRate.Result result = CatchRate.measure("02-race", answer.getSimpleName(), explanation,
                () -> Isolated.run("course.race.exercises.", CounterCheck.class, "all", answer));
        assertThat(result.caught()).as("runs that caught %s", answer.getSimpleName()).isEqualTo(result.runs());
        assertThat(result.firstMessage()).containsAnyOf(explanation.split("\\|"));
    }

    @ParameterizedTest
    @MethodSource("rightAnswers")
    void passesRightAnswerEveryRun(Class<? extends Counter> answer) {
        CatchRate.Result result = CatchRate.measure("02-race", answer.getSimpleName(),
                () -> Isolated.run("course.race.exercises.", CounterCheck.class, "all", answer));
        assertThat(result.caught()).as("runs that failed %s: %s", answer.getSimpleName(), result.firstMessage())
                .isZero();
    }
}
