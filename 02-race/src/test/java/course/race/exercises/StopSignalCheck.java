package course.race.exercises;

import course.kit.Watcher;
import course.race.Signal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The checks of exercise race.stop-signal, for any {@link Signal} class. A watcher spins on
 * {@code isStopped()} once the JIT has compiled its loop (as it would be in a long-running
 * program); another thread calls {@code stop(reason)} while it spins. The watcher must see
 * the stop within a quarter of a second, and then the reason.
 */
final class StopSignalCheck {

    static final Duration PATIENCE = Duration.ofMillis(250);
    static final int ATTEMPTS = 3;

    private StopSignalCheck() {
    }

    static void all(Class<? extends Signal> answer) {
        worksAlone(answer);
        spinnerSeesStopAndReason(answer);
        reasonIsThereWhenTheStopIs(answer);
    }

    /**
     * At every step of stop(reason), another thread looks: if it sees the stop, it must see the
     * reason too. (The spinner above sees the stop only once stop() is over, too late to catch a
     * flag published before its reason; the probe looks in between.) And once stop() has
     * returned, a look must see the stop and its reason, even while the threads stop() started are
     * held back: the stop is there when stop() returns, not when a helper gets round to it.
     */
    static void reasonIsThereWhenTheStopIs(Class<? extends Signal> answer) {
        List<String> reasons = PublishOrderProbe.reasonsSeenWithTheStop(answer, "shutdown");
        PublishOrderProbe.AfterStop after = PublishOrderProbe.seenOnceStopReturned();
        if (!after.stopped() || !"shutdown".equals(after.reason())) {
            throw new AssertionError("stop(\"shutdown\") had returned, and a thread that looked then saw isStopped() = "
                    + after.stopped() + " and reason() = " + after.reason() + ", while the threads stop() had started"
                    + " were held back: stop() leaves its writes to another thread. The stop must be there when"
                    + " stop() returns, not some time later");
        }
        for (String reason : reasons) {
            if (!"shutdown".equals(reason)) {
                throw new AssertionError("a thread that looked while stop(\"shutdown\") ran saw isStopped() true"
                        + " and then reason() = " + reason + ": stop() makes the stop visible before its reason."
                        + " Write the reason first, then the flag: the write of a volatile flag publishes the"
                        + " writes made before it, not those after");
            }
        }
    }

    /** One thread: not stopped, then stopped with its reason; and another signal is not. */
    static void worksAlone(Class<? extends Signal> answer) {
        Signal signal = create(answer);
        if (signal.isStopped() || signal.reason() != null) {
            throw new AssertionError("a new signal says isStopped() = " + signal.isStopped() + " and reason() = "
                    + signal.reason() + "; expected false and null");
        }
        signal.stop("closing time");
        if (!signal.isStopped() || !"closing time".equals(signal.reason())) {
            throw new AssertionError("after stop(\"closing time\") the signal says isStopped() = " + signal.isStopped()
                    + " and reason() = " + signal.reason());
        }
        Signal another = create(answer);
        if (another.isStopped() || another.reason() != null) {
            throw new AssertionError("after one signal was stopped, a new one says isStopped() = " + another.isStopped()
                    + " and reason() = " + another.reason() + "; expected false and null: each signal's stop is its"
                    + " own (are its fields static?)");
        }
    }

    // tag::spinner[]
    /** A compiled spinning loop must see a stop made by another thread, and its reason. */
    static void spinnerSeesStopAndReason(Class<? extends Signal> answer) {
        AtomicReference<String> wrongReason = new AtomicReference<>();
        boolean seen = Watcher.seesEveryTime(ATTEMPTS, () -> {
            Signal signal = create(answer);
            return new Watcher.Experiment() {
                public boolean spin(long deadlineNanos) {
                    if (!spinUntilStopped(signal, deadlineNanos)) {
                        return false;
                    }
                    String reason = signal.reason(); // read once: a second read could find what the first missed
                    if (!"shutdown".equals(reason)) {
                        wrongReason.set(String.valueOf(reason));
                    }
                    return true;
                }

                public void act() {
                    signal.stop("shutdown");
                }
            };
        }, "spinUntilStopped", PATIENCE);
        if (!seen) {
            throw new AssertionError("a thread spinning on isStopped() never saw stop() ("
                    + PATIENCE.toMillis() + " ms after stop() returned): nothing makes the write of the flag"
                    + " visible to the spinning thread, so its compiled loop read the flag once and never again");
        }
        if (wrongReason.get() != null) {
            throw new AssertionError("the spinning thread saw the stop but reason() was " + wrongReason.get()
                    + ", not \"shutdown\": whoever sees the flag must also see what was written before it");
        }
    }

    /** Spins until the signal says stopped; false if the deadline passes first. */
    private static boolean spinUntilStopped(Signal signal, long deadlineNanos) {
        while (!signal.isStopped()) {
            if (System.nanoTime() > deadlineNanos) {
                return false;
            }
        }
        return true;
    }
    // end::spinner[]

    private static Signal create(Class<? extends Signal> answer) {
        RaceJit.require();
        try {
            return answer.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create a " + answer.getSimpleName(), e);
        }
    }
}
