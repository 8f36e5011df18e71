package course.race.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import course.kit.CatchRate;
import course.kit.Isolated;
import course.race.Signal;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves the race.stop-signal check: every plausible wrong answer is caught on every run,
 * right answers written differently pass every run.
 *
 * <p>Wrong answers and what catches them:
 * <ul>
 *   <li>plain fields (the starter): the compiled spinner never sees the stop;
 *   <li>volatile on the reason instead of the flag: the same;
 *   <li>synchronized stop() with an unsynchronized isStopped(): the same;
 *   <li>a volatile flag written <em>before</em> the reason: the window between the two writes is a
 *       few nanoseconds, so no race shows it; {@link PublishOrderProbe} looks from another thread
 *       at every step of stop() and sees the stop without its reason;
 *   <li>a fresh monitor around the read (the JIT removes it), an AtomicBoolean read with getPlain():
 *       the compiled spinner never sees the stop;
 *   <li>both fields volatile with the reason written last, or the reason set in an atomic after the
 *       flag: the probe sees the stop without its reason;
 *   <li>the reason appended to a builder after the flag, or written after a latch is counted down:
 *       the same (the probe looks after each call into java.util.concurrent too);
 *   <li>static fields: one signal's stop stops a new one, with another's reason;
 *   <li>a stop() that hands its writes to a new thread and returns: a look made once stop() has
 *       returned, while the probe holds that thread back, sees no stop.
 * </ul>
 * An answer that writes its flag before its reason may also be caught by the spinner itself, when
 * it reads the two in the moment between the writes: that failure names the same cause, so either
 * message counts (alternatives separated by {@code |}).
 */
class StopSignalCheckIT {

    /** What catches a flag written before its reason: the probe, or the spinner reading between the writes. */
    private static final String STOP_BEFORE_ITS_REASON = "visible before its reason|saw the stop but reason() was null";

    static Stream<Arguments> wrongAnswers() {
        return Stream.of(
                Arguments.of(StopSignalAnswers.PlainFields.class, "never saw"),
                Arguments.of(StopSignalAnswers.VolatileOnReasonOnly.class, "never saw"),
                Arguments.of(StopSignalAnswers.SynchronizedStopOnly.class, "never saw"),
                Arguments.of(StopSignalAnswers.VolatileFlagBeforeReason.class, STOP_BEFORE_ITS_REASON),
                Arguments.of(StopSignalAnswers.FreshMonitorAroundRead.class, "never saw"),
                Arguments.of(StopSignalAnswers.AtomicFlagReadPlain.class, "never saw"),
                Arguments.of(StopSignalAnswers.BothVolatileReasonLast.class, STOP_BEFORE_ITS_REASON),
                Arguments.of(StopSignalAnswers.AtomicReasonAfterFlag.class, STOP_BEFORE_ITS_REASON),
                Arguments.of(StopSignalAnswers.StaticFields.class, "each signal's stop is its own"),
                Arguments.of(StopSignalAnswers.ReasonAppendedAfterFlag.class, STOP_BEFORE_ITS_REASON),
                // a look between countDown() and the write of the reason: the probe steps after calls into java.util.concurrent
                Arguments.of(StopSignalAnswers.LatchThenPlainReason.class, STOP_BEFORE_ITS_REASON),
                // caught by worksAlone when the new thread is slow to start, else by the probe, which holds it back
                Arguments.of(StopSignalAnswers.StopOnAnotherThread.class, "after stop(|leaves its writes to another thread"),
                Arguments.of(StopSignalAnswers.StopOnAnotherThreadThenSleep.class, "leaves its writes to another thread"));
    }

    static Stream<Class<? extends Signal>> rightAnswers() {
        return Stream.of(
                StopSignalAnswers.VolatileFlag.class,
                StopSignalAnswers.BothVolatile.class,
                StopSignalAnswers.AllSynchronized.class,
                StopSignalAnswers.AtomicReason.class,
                StopSignalAnswers.AtomicBooleanFlag.class,
                StopSignalAnswers.ReleaseAcquire.class,
                StopSignalAnswers.LatchSignal.class,
                StopSignalAnswers.ImmutableStateSwap.class,
                StopSignalAnswers.FutureSignal.class,
                StopSignalAnswers.MarkedReason.class);
    }

    @ParameterizedTest
    @MethodSource("wrongAnswers")
    void catchesWrongAnswerEveryRun(Class<? extends Signal> answer, String explanation) {
        CatchRate.Result result = CatchRate.measure("02-race", answer.getSimpleName(), explanation,
                () -> Isolated.run("course.race.exercises.", StopSignalCheck.class, "all", answer));
        assertThat(result.caught()).as("runs that caught %s", answer.getSimpleName()).isEqualTo(result.runs());
        assertThat(result.firstMessage()).containsAnyOf(explanation.split("\\|"));
    }

    @ParameterizedTest
    @MethodSource("rightAnswers")
    void passesRightAnswerEveryRun(Class<? extends Signal> answer) {
        CatchRate.Result result = CatchRate.measure("02-race", answer.getSimpleName(),
                () -> Isolated.run("course.race.exercises.", StopSignalCheck.class, "all", answer));
        assertThat(result.caught()).as("runs that failed %s: %s", answer.getSimpleName(), result.firstMessage())
                .isZero();
    }
}
