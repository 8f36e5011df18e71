package course.gil.exercises;

import course.gil.RefCount;
import course.kit.InstrumentedCopies;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntPredicate;

/**
 * Makes other threads change a count in the middle of one thread's changes: the thread that
 * created the object (as in CPython, the one a biased count favours) runs its calls on a copy
 * of the answer class that calls {@link #step()} after each shared-memory access it makes
 * ({@link InstrumentedCopies}); at the steps chosen, a rival thread makes its own call right
 * there. A rival that has to wait for a lock the creator holds is let wait: it goes on once the
 * creator lets go, as it would in a real program. A rival that spins (makes {@link #SPIN_ACCESSES}
 * accesses in one call) is waiting too, for a home-made lock. A rival in a timed wait is given
 * {@link #TIMED_WAIT_PATIENCE} first: if it gives up waiting and goes on without the lock, it does
 * so while the creator is still in the middle of its change. Unlike the model checker, the rivals
 * can get in between the steps of one thread as often as the check likes.
 */
public final class RivalProbe {

    private static final Duration RIVAL_PATIENCE = Duration.ofMillis(500);
    private static final Duration CREATOR_PATIENCE = Duration.ofSeconds(5); // rivals spinning on its lock slow it
    private static final Duration TIMED_WAIT_PATIENCE = Duration.ofMillis(100);
    private static final long SPIN_ACCESSES = 1_000; // a call that is not spinning makes a few dozen at most

    /** What happened: what the creator's calls and the rivals' calls returned, and the count after all of them. */
    record Outcome(int steps, List<Object> creatorResults, List<Object> rivalResults, long count) {
    }

    /** A call on the count; increment() returns null. */
    @FunctionalInterface
    interface Call {
        Object on(RefCount count);

        Call INCREMENT = count -> {
            count.increment();
            return null;
        };
        Call DECREMENT = RefCount::decrement;
    }

    /** Which call the rival at a step makes. */
    @FunctionalInterface
    interface RivalCalls {
        Call at(int step);
    }

    private static volatile Thread creator;
    private static volatile boolean armed;
    private static int steps;
    private static IntPredicate rivalAt;
    private static RivalCalls rivalCalls;
    private static RefCount shared;
    private static final List<Thread> rivals = new ArrayList<>();
    private static final List<Object> rivalResults = new ArrayList<>();
    private static final Map<Thread, AtomicLong> rivalAccesses = new ConcurrentHashMap<>();

    private RivalProbe() {
    }

    /**
     * A new thread creates a count (a copy of {@code answer}), lets {@code before} run on a rival
     * thread, then makes {@code calls}; after its access number n to the count, for every n that
     * {@code at} accepts, a rival makes {@code rival.at(n)}.
     */
    static synchronized Outcome run(Class<? extends RefCount> answer, List<Call> before, List<Call> calls,
                                    IntPredicate at, RivalCalls rival) {
        Class<? extends RefCount> copy = InstrumentedCopies.copyOf(answer, RefCount.class, RivalProbe.class);
        List<Object> results = new ArrayList<>();
        rivals.clear();
        rivalResults.clear();
        steps = 0;
        rivalAt = at;
        rivalCalls = rival;
        rivalAccesses.clear();
        armed = false;
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = Thread.ofPlatform().daemon().name("creator").unstarted(() -> {
            try {
                RefCount count = create(copy);
                shared = count;
                for (Call call : before) {
                    joinRival(Thread.ofPlatform().daemon().name("rival").start(() -> call.on(count)));
                }
                armed = true;
                for (Call call : calls) {
                    results.add(call.on(count));
                }
            } catch (Throwable e) {
                failure.set(e);
            } finally {
                armed = false;
            }
        });
        creator = thread;
        thread.start();
        join(thread, CREATOR_PATIENCE);
        for (Thread rivalThread : List.copyOf(rivals)) {
            joinRival(rivalThread);
        }
        creator = null;
        if (failure.get() != null) {
            throw new AssertionError("the creator's calls threw " + failure.get(), failure.get());
        }
        if (thread.isAlive() || rivals.stream().anyMatch(Thread::isAlive)) {
            throw new AssertionError("the creator's calls and its rivals' had not ended (the creator given "
                    + CREATOR_PATIENCE.toSeconds() + " s, each rival " + RIVAL_PATIENCE.toMillis()
                    + " ms after the creator's end): a call waits for something nobody gives back");
        }
        synchronized (rivalResults) {
            return new Outcome(steps, new ArrayList<>(results), new ArrayList<>(rivalResults), shared.get()); // increment() gives null
        }
    }

    /** Called by the copy after each shared-memory access. */
    public static void step() {
        AtomicLong rivalsAccesses = rivalAccesses.get(Thread.currentThread());
        if (rivalsAccesses != null) {
            rivalsAccesses.incrementAndGet();
            return;
        }
        if (Thread.currentThread() != creator || !armed) {
            return;
        }
        int step = ++steps;
        if (!rivalAt.test(step)) {
            return;
        }
        RefCount count = shared;
        Call call = rivalCalls.at(step);
        Thread rival = Thread.ofPlatform().daemon().name("rival").unstarted(() -> {
            Object result = call.on(count);
            synchronized (rivalResults) {
                rivalResults.add(result);
            }
        });
        AtomicLong accesses = new AtomicLong();
        rivalAccesses.put(rival, accesses);
        rival.start();
        rivals.add(rival);
        awaitDoneOrWaiting(rival, accesses);
    }

    /**
     * Until the rival's call is over, or it waits for something the creator holds: a lock, or a
     * spin on a home-made one. A timed wait counts as waiting only after {@link #TIMED_WAIT_PATIENCE}.
     */
    private static void awaitDoneOrWaiting(Thread rival, AtomicLong accesses) {
        long start = System.nanoTime();
        long end = start + RIVAL_PATIENCE.toNanos();
        long timedWaitsEnd = start + TIMED_WAIT_PATIENCE.toNanos();
        while (rival.isAlive() && System.nanoTime() < end) {
            Thread.State state = rival.getState();
            if (state == Thread.State.BLOCKED || state == Thread.State.WAITING || accesses.get() > SPIN_ACCESSES
                    || state == Thread.State.TIMED_WAITING && System.nanoTime() > timedWaitsEnd) {
                return;
            }
            LockSupport.parkNanos(50_000);
        }
    }

    private static void joinRival(Thread thread) {
        join(thread, RIVAL_PATIENCE);
    }

    private static void join(Thread thread, Duration patience) {
        try {
            thread.join(patience.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static RefCount create(Class<? extends RefCount> copy) {
        return RefCountCheck.create(copy);
    }

    /** Accepts the steps up to {@code last}. */
    static IntPredicate upTo(int last) {
        return step -> step <= last;
    }

    /** Accepts only step {@code n}. */
    static IntPredicate only(int n) {
        return step -> step == n;
    }

}
