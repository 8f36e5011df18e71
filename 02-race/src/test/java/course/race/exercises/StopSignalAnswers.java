package course.race.exercises;

import course.race.Signal;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicMarkableReference;
import java.util.concurrent.atomic.AtomicReference;

/** Answers a learner might give to exercise race.stop-signal, right and wrong, for {@code StopSignalCheckIT}. */
final class StopSignalAnswers {

    private StopSignalAnswers() {
    }

    // ---- wrong ----

    /** The starter: two plain fields. */
    static final class PlainFields implements Signal {
        private boolean stopped;
        private String reason;
        public void stop(String why) { reason = why; stopped = true; }
        public boolean isStopped() { return stopped; }
        public String reason() { return reason; }
    }

    /** volatile on the wrong field: the reason is volatile, the flag the loop reads is not. */
    static final class VolatileOnReasonOnly implements Signal {
        private boolean stopped;
        private volatile String reason;
        public void stop(String why) { reason = why; stopped = true; }
        public boolean isStopped() { return stopped; }
        public String reason() { return reason; }
    }

    /** The write is locked, the read is not: the spinning reader takes no lock, so sees nothing. */
    static final class SynchronizedStopOnly implements Signal {
        private boolean stopped;
        private String reason;
        public synchronized void stop(String why) { reason = why; stopped = true; }
        public boolean isStopped() { return stopped; }
        public synchronized String reason() { return reason; }
    }

    /** The flag is volatile, but written before the reason: a thread that sees the stop may miss why. */
    static final class VolatileFlagBeforeReason implements Signal {
        private volatile boolean stopped;
        private String reason;
        public void stop(String why) { stopped = true; reason = why; }
        public boolean isStopped() { return stopped; }
        public String reason() { return reason; }
    }

    /** "Any synchronized block flushes memory": a fresh monitor around the plain read, which the JIT removes. */
    static final class FreshMonitorAroundRead implements Signal {
        private boolean stopped;
        private String reason;
        public synchronized void stop(String why) { reason = why; stopped = true; }
        public boolean isStopped() {
            synchronized (new Object()) {
                return stopped;
            }
        }
        public String reason() { return reason; }
    }

    /** The flag in an AtomicBoolean, read with getPlain(): an ordinary read after all, hoisted out of the loop. */
    static final class AtomicFlagReadPlain implements Signal {
        private final AtomicBoolean stopped = new AtomicBoolean();
        private volatile String reason;
        public void stop(String why) { reason = why; stopped.set(true); }
        public boolean isStopped() { return stopped.getPlain(); }
        public String reason() { return reason; }
    }

    /** Both volatile, the reason last: "both are volatile, so the order does not matter". A look between the writes sees no reason. */
    static final class BothVolatileReasonLast implements Signal {
        private volatile boolean stopped;
        private volatile String reason;
        public void stop(String why) { stopped = true; reason = why; }
        public boolean isStopped() { return stopped; }
        public String reason() { return reason; }
    }

    /** The reason kept in an atomic, set (first one wins) after the flag: a look between the two sees no reason. */
    static final class AtomicReasonAfterFlag implements Signal {
        private final AtomicReference<String> reason = new AtomicReference<>();
        private volatile boolean stopped;
        public void stop(String why) {
            stopped = true;
            reason.compareAndSet(null, why);
        }
        public boolean isStopped() { return stopped; }
        public String reason() { return reason.get(); }
    }

    /** "There is only one stop": static volatile fields. Broken: every signal shares them, so one
     * signal's stop stops every other signal, even a new one, with a reason that is not its own. */
    static final class StaticFields implements Signal {
        private static volatile String reason;
        private static volatile boolean stopped;
        @Override public void stop(String why) { reason = why; stopped = true; }
        @Override public boolean isStopped() { return stopped; }
        @Override public String reason() { return reason; }
    }

    /** The flag is volatile and written last; the reason is kept in a StringBuilder that stop() fills in
     * after the flag ("the builder is final, so it is safe"). Broken: a spinner that sees the stop between
     * the flag and the append reads an empty reason. */
    static final class ReasonAppendedAfterFlag implements Signal {
        private final StringBuilder reason = new StringBuilder();
        private volatile boolean stopped;
        @Override public void stop(String why) {
            stopped = true;
            synchronized (reason) { reason.append(why); }
        }
        @Override public boolean isStopped() { return stopped; }
        @Override public String reason() {
            synchronized (reason) { return stopped ? reason.toString() : null; }
        }
    }

    /** A CountDownLatch as the flag (right), but the reason is set after countDown() into a plain field.
     * Broken: a spinner that sees getCount() == 0 between the two reads reason null, and nothing
     * publishes the plain write to it even later. */
    static final class LatchThenPlainReason implements Signal {
        private final CountDownLatch latch = new CountDownLatch(1);
        private String reason;
        @Override public void stop(String why) { latch.countDown(); reason = why; }
        @Override public boolean isStopped() { return latch.getCount() == 0; }
        @Override public String reason() { return reason; }
    }

    /** "stop() must not block the caller": it hands the writes to a new thread and returns. Broken:
     * after stop() returns, isStopped() can still say false, on the stopping thread too. */
    static final class StopOnAnotherThread implements Signal {
        private volatile String reason;
        private volatile boolean stopped;
        @Override public void stop(String why) {
            Thread.ofPlatform().daemon().start(() -> { reason = why; stopped = true; });
        }
        @Override public boolean isStopped() { return stopped; }
        @Override public String reason() { return reason; }
    }

    /** "stop() must not block the caller": it hands the writes to a new thread and gives it 5 ms. Broken: a
     * helper that has not run within 5 ms (a busy machine) has stopped nothing when stop() returns. */
    static final class StopOnAnotherThreadThenSleep implements Signal {
        private volatile String reason;
        private volatile boolean stopped;
        @Override public void stop(String why) {
            Thread.ofPlatform().daemon().start(() -> { reason = why; stopped = true; });
            try { Thread.sleep(5); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
        }
        @Override public boolean isStopped() { return stopped; }
        @Override public String reason() { return reason; }
    }

    // ---- right ----

    static final class VolatileFlag implements Signal {
        private volatile boolean stopped;
        private String reason;
        public void stop(String why) { reason = why; stopped = true; }
        public boolean isStopped() { return stopped; }
        public String reason() { return reason; }
    }

    static final class BothVolatile implements Signal {
        private volatile boolean stopped;
        private volatile String reason;
        public void stop(String why) { reason = why; stopped = true; }
        public boolean isStopped() { return stopped; }
        public String reason() { return reason; }
    }

    static final class AllSynchronized implements Signal {
        private boolean stopped;
        private String reason;
        public synchronized void stop(String why) { reason = why; stopped = true; }
        public synchronized boolean isStopped() { return stopped; }
        public synchronized String reason() { return reason; }
    }

    /** The reason is the flag: null until stopped. */
    static final class AtomicReason implements Signal {
        private final AtomicReference<String> reason = new AtomicReference<>();
        public void stop(String why) { reason.set(why); }
        public boolean isStopped() { return reason.get() != null; }
        public String reason() { return reason.get(); }
    }

    static final class AtomicBooleanFlag implements Signal {
        private final AtomicBoolean stopped = new AtomicBoolean();
        private volatile String reason;
        public void stop(String why) { reason = why; stopped.set(true); }
        public boolean isStopped() { return stopped.get(); }
        public String reason() { return reason; }
    }

    /** Release/acquire through a VarHandle: the weakest ordering that is still right. */
    static final class ReleaseAcquire implements Signal {
        private static final VarHandle STOPPED;
        static {
            try {
                STOPPED = MethodHandles.lookup().findVarHandle(ReleaseAcquire.class, "stopped", boolean.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
        @SuppressWarnings("unused") // accessed through STOPPED
        private boolean stopped;
        private String reason;
        public void stop(String why) { reason = why; STOPPED.setRelease(this, true); }
        public boolean isStopped() { return (boolean) STOPPED.getAcquire(this); }
        public String reason() { return reason; }
    }

    static final class LatchSignal implements Signal {
        private final CountDownLatch stopped = new CountDownLatch(1);
        private volatile String reason;
        public void stop(String why) { reason = why; stopped.countDown(); }
        public boolean isStopped() { return stopped.getCount() == 0; }
        public String reason() { return reason; }
    }

    /** The flag and its reason as one immutable state, swapped in by one volatile write. */
    static final class ImmutableStateSwap implements Signal {
        record State(boolean stopped, String reason) { }
        private volatile State state = new State(false, null);
        public void stop(String why) { state = new State(true, why); }
        public boolean isStopped() { return state.stopped(); }
        public String reason() { return state.reason(); }
    }

    /** Right: the reason completes a future; isStopped() is isDone(), reason() getNow(null). */
    static final class FutureSignal implements Signal {
        private final CompletableFuture<String> stop = new CompletableFuture<>();
        @Override public void stop(String why) { stop.complete(why); }
        @Override public boolean isStopped() { return stop.isDone(); }
        @Override public String reason() { return stop.getNow(null); }
    }

    /** Right: the reason and the mark set together, in one atomic step. */
    static final class MarkedReason implements Signal {
        private final AtomicMarkableReference<String> state = new AtomicMarkableReference<>(null, false);
        @Override public void stop(String why) { state.set(why, true); }
        @Override public boolean isStopped() { return state.isMarked(); }
        @Override public String reason() { return state.getReference(); }
    }


}
