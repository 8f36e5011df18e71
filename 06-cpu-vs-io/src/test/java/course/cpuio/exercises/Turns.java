package course.cpuio.exercises;

import course.cpuio.RangeWork;
import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedList;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.WeakHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Two of an answer's tasks that take turns at every access to shared memory made by its
 * {@link Instrumented} copy: one task makes one access, then the other makes one, then the
 * first, and so on. Two tasks that each do {@code total += r} then both read the total before
 * either writes it back, and one result is lost: on every run, or (with a lock, an atomic, or
 * nothing shared) never.
 *
 * <p>The answer makes its own threads, so the two that take turns are the first two threads
 * to call the {@link #work work} the check hands it; the first waits (up to a second) in the
 * work for the second to arrive, so both are busy at once. Any other thread, the caller's
 * included unless it calls the work, is left alone.
 *
 * <p>After each access a task waits until the other has made an access of its own, or cannot
 * make one: it has stayed blocked or waiting for a while (for a lock this task holds, most
 * likely, or on the pool's queue when no part is left) or has ended. Code that keeps the tasks apart with a lock is therefore run
 * one task after the other, as the lock says. If neither happens within a quarter of a second
 * (a very busy machine), the access goes ahead anyway: slower, never wrong.
 *
 * <p>A call that changes one of {@code java.util}'s collections that are not thread-safe
 * ({@code ArrayList.add}, {@code HashMap.put}, ...) is held the same way, before the call;
 * if the other task arrives at a change of the same collection meanwhile, both were about to
 * change it at once, with no lock between them: a data race, which {@link #race()} reports.
 */
public final class Turns implements AutoCloseable {

    private static final long PATIENCE_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    /**
     * How long the other task must stay blocked or waiting before this one goes on without it. A
     * task blocked on a lock this one holds stays blocked; a pool thread parks for a moment now and
     * then as it takes its next part, and must not count.
     */
    private static final long STILL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long MEET_PATIENCE_MILLIS = 1_000;
    /** At most this many forced turns per run: enough for any split, bounded for any answer. */
    private static final int MAX_TURNS = 20_000;

    private static volatile Turns current;

    private final AtomicReferenceArray<Thread> players = new AtomicReferenceArray<>(2);
    private final AtomicLong clock = new AtomicLong();
    private final AtomicLongArray lastAccess = new AtomicLongArray(2);
    private final AtomicIntegerArray holding = new AtomicIntegerArray(2);
    private final AtomicReferenceArray<Object> changing = new AtomicReferenceArray<>(2);
    private final AtomicReference<String> race = new AtomicReference<>();
    private final AtomicInteger turns = new AtomicInteger();
    private final AtomicLong workDone = new AtomicLong();
    private final CountDownLatch secondArrived = new CountDownLatch(1);

    private Turns() {
    }

    /** Starts taking turns; {@link #close()} stops. One at a time. */
    static Turns begin() {
        Turns turns = new Turns();
        current = turns;
        return turns;
    }

    @Override
    public void close() {
        current = null;
    }

    /**
     * {@code inner}, called by the answer's tasks: the first two threads that call it are the
     * two that take turns.
     */
    RangeWork work(RangeWork inner) {
        return (from, to) -> {
            join(Thread.currentThread());
            long result = inner.count(from, to);
            workDone.incrementAndGet();
            return result;
        };
    }

    /** A change of one collection by both tasks at once, described; null if none was seen. */
    String race() {
        return race.get();
    }

    /** How many threads took part (0, 1 or 2): with fewer than 2, nothing could be forced. */
    int players() {
        return (players.get(0) != null ? 1 : 0) + (players.get(1) != null ? 1 : 0);
    }

    /** How far the answer's tasks have come: accesses made by the two, and calls of the work by any. */
    long progress() {
        return clock.get() + workDone.get();
    }

    /**
     * Waits (at most {@code patienceMillis}) until neither task can make another access: each has
     * ended, or stayed blocked or waiting (on its pool's queue, say) for a while, or never was.
     * Then returns {@link #progress()}: more than when the answer returned means its parts were
     * still at work after it had returned.
     */
    long progressOnceStill(long patienceMillis) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(patienceMillis);
        long stillSince = -1;
        while (System.nanoTime() < end) {
            boolean still = true;
            for (int i = 0; i < 2; i++) {
                still &= players.get(i) == null || waitsForSomethingElse(i);
            }
            long now = System.nanoTime();
            if (!still) {
                stillSince = -1;
            } else if (stillSince < 0) {
                stillSince = now;
            } else if (now - stillSince >= STILL_NANOS) {
                break;
            }
            LockSupport.parkNanos(100_000);
        }
        return progress();
    }

    /** Called by instrumented code after each access to shared memory. */
    public static void step() {
        Turns turns = current;
        if (turns != null) {
            turns.afterAccess(Thread.currentThread(), null);
        }
    }

    /** Called by instrumented code before it calls {@code method} to change {@code receiver}, a collection. */
    public static void beforeMutation(Object receiver, String method) {
        Turns turns = current;
        if (turns != null && notThreadSafe(receiver)) {
            turns.afterAccess(Thread.currentThread(), new Change(receiver, method));
        }
    }

    /**
     * The bootstrap of the {@code invokedynamic} that {@link Instrumented} puts in place of a call
     * that changes a {@code java.util} collection: the same call, with {@link #beforeMutation} first.
     */
    public static CallSite mutation(MethodHandles.Lookup lookup, String name, MethodType type, Class<?> owner)
            throws ReflectiveOperationException {
        MethodHandle call = lookup.findVirtual(owner, name, type.dropParameterTypes(0, 1)).asType(type);
        MethodHandle before = MethodHandles.lookup().findStatic(Turns.class, "beforeMutation",
                MethodType.methodType(void.class, Object.class, String.class));
        before = MethodHandles.insertArguments(before, 1, name)
                .asType(MethodType.methodType(void.class, type.parameterType(0)));
        before = MethodHandles.dropArguments(before, 1, type.parameterList().subList(1, type.parameterCount()));
        return new ConstantCallSite(MethodHandles.foldArguments(call, before));
    }

    private record Change(Object collection, String method) {
    }

    private void join(Thread thread) {
        if (players.get(0) == thread || players.get(1) == thread) {
            return;
        }
        if (players.compareAndSet(0, null, thread)) {
            holding.set(0, 1); // waiting here is the check's doing: the second must not go on without it
            try {
                secondArrived.await(MEET_PATIENCE_MILLIS, TimeUnit.MILLISECONDS); // both busy at once
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                holding.set(0, 0);
            }
        } else if (players.compareAndSet(1, null, thread)) {
            secondArrived.countDown();
        }
    }

    private void afterAccess(Thread thread, Change change) {
        int me = thread == players.get(0) ? 0 : thread == players.get(1) ? 1 : -1;
        if (me < 0) {
            return; // not one of the two: the caller, or a third pool thread
        }
        if (turns.incrementAndGet() > MAX_TURNS) {
            return; // enough turns forced for any split: let a long-running answer finish
        }
        int other = 1 - me;
        if (change != null) {
            changing.set(me, change.collection()); // before the clock moves, so the other sees it
        }
        long mine = clock.incrementAndGet();
        lastAccess.set(me, mine);
        long start = System.nanoTime();
        long stillSince = -1;
        holding.set(me, 1);
        try {
            while (players.get(other) != null && lastAccess.get(other) <= mine) {
                seeRace(me, change);
                long now = System.nanoTime();
                if (waitsForSomethingElse(other)) {
                    if (stillSince < 0) {
                        stillSince = now;
                    } else if (now - stillSince >= STILL_NANOS) {
                        break; // it cannot move until this task does
                    }
                } else {
                    stillSince = -1;
                }
                if (now - start >= PATIENCE_NANOS) {
                    break;
                }
                LockSupport.parkNanos(20_000);
            }
            seeRace(me, change);
        } finally {
            holding.set(me, 0);
            if (change != null) {
                changing.set(me, null);
            }
        }
    }

    private void seeRace(int me, Change change) {
        if (change != null && changing.get(1 - me) == change.collection()) {
            race.compareAndSet(null, "two parts called " + change.method() + " on one "
                    + change.collection().getClass().getSimpleName() + " at the same time");
        }
    }

    /** Is the other task blocked, waiting (other than here, for its turn) or ended? Then it cannot move. */
    private boolean waitsForSomethingElse(int other) {
        if (holding.get(other) == 1) {
            return false;
        }
        Thread.State state = players.get(other).getState();
        return state == Thread.State.BLOCKED || state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING
                || state == Thread.State.TERMINATED;
    }

    /** The collections of {@code java.util} that two threads must not change at once. */
    private static boolean notThreadSafe(Object receiver) {
        return receiver instanceof ArrayList || receiver instanceof LinkedList || receiver instanceof HashMap
                || receiver instanceof HashSet || receiver instanceof TreeMap || receiver instanceof TreeSet
                || receiver instanceof ArrayDeque || receiver instanceof PriorityQueue
                || receiver instanceof IdentityHashMap || receiver instanceof WeakHashMap
                || receiver instanceof EnumMap;
    }
}
