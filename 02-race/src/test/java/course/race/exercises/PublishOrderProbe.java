package course.race.exercises;

import course.kit.InstrumentedCopies;
import course.race.Signal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Looks at a signal from another thread at every step of its {@code stop(reason)}: after each
 * shared-memory access that {@code stop} makes (a copy of the answer class calls {@link #step()}
 * there, see {@link InstrumentedCopies}), a new thread calls {@code isStopped()} and
 * {@code reason()}. Whoever sees the stop must see its reason: a look that finds the stop
 * without it has caught {@code stop} publishing the flag before the reason, whatever the JIT
 * and the scheduler would have done. A look that has to wait for a lock {@code stop} holds is
 * let wait: it runs once {@code stop} lets go, as it would in a real program.
 */
public final class PublishOrderProbe {

    private static final Duration LOOK_PATIENCE = Duration.ofMillis(500);

    private static volatile Thread stopper;
    private static volatile Signal watched;
    private static final List<Thread> lookers = new ArrayList<>();
    private static final List<String> sightings = new ArrayList<>();

    private PublishOrderProbe() {
    }

    /**
     * What other threads saw while {@code stop(why)} ran on a copy of {@code answer}: for each look
     * that saw the stop, the reason it read.
     */
    static synchronized List<String> reasonsSeenWithTheStop(Class<? extends Signal> answer, String why) {
        Signal signal = create(copyOf(answer));
        lookers.clear();
        sightings.clear();
        watched = signal;
        stopper = Thread.currentThread();
        try {
            signal.stop(why);
        } finally {
            stopper = null;
        }
        for (Thread looker : List.copyOf(lookers)) {
            try {
                looker.join(LOOK_PATIENCE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for the looks at the signal", e);
            }
        }
        synchronized (sightings) {
            return List.copyOf(sightings);
        }
    }

    /** Called by the copy after each shared-memory access. */
    public static void step() {
        if (Thread.currentThread() != stopper) {
            return; // a look's own accesses, or a thread the probe does not watch
        }
        Signal signal = watched;
        Thread looker = Thread.ofPlatform().daemon().name("looker").start(() -> {
            if (signal.isStopped()) {
                String reason = signal.reason();
                synchronized (sightings) {
                    sightings.add(String.valueOf(reason));
                }
            }
        });
        lookers.add(looker);
        awaitDoneOrWaiting(looker);
    }

    /** Until the look is over, or waits for something stop() holds (a lock). */
    private static void awaitDoneOrWaiting(Thread looker) {
        long end = System.nanoTime() + LOOK_PATIENCE.toNanos();
        while (looker.isAlive() && System.nanoTime() < end) {
            Thread.State state = looker.getState();
            if (state == Thread.State.BLOCKED || state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING) {
                return;
            }
            LockSupport.parkNanos(100_000);
        }
    }

    private static Class<? extends Signal> copyOf(Class<? extends Signal> answer) {
        String root = answer.getName();
        return new InstrumentedCopies("publish-order:" + root, answer.getClassLoader(), PublishOrderProbe.class, "step") {
            @Override
            protected boolean isCopied(String name) {
                return name.equals(root) || name.startsWith(root + "$");
            }
        }.load(answer, Signal.class);
    }

    private static Signal create(Class<? extends Signal> copy) {
        try {
            var constructor = copy.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create a copy of " + copy.getSimpleName(), e);
        }
    }
}
