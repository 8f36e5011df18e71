package course.locks.exercises;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The referee behind the test doubles of this lesson (a ledger, a shelf, a table): shared
 * things that do no locking of their own, so that the code under test must.
 *
 * <p>Every access by a player (a thread of the check that called {@link #join()}) is
 * announced with {@link #enter} and {@link #exit}. Two rules are checked on every entry (by
 * any thread, player or not): a write
 * while any other player is inside, or a read while another player writes, is a
 * <em>violation</em> (nothing kept the two apart). And each access is held at the door until
 * every other player is inside too, or is kept out (blocked or parked: waiting for a lock, a
 * permit or a condition), or has finished. Code with no lock, or the wrong one, therefore
 * meets the other player inside on every run; code whose lock works lets one player in and
 * keeps the other waiting. If the other player is neither (a home-made spin lock), the
 * access goes ahead after the patience: slower, never wrong.
 */
final class Rendezvous {

    enum Access { READ, WRITE }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final long PATIENCE_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    private static final long HARD_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final long SPINNING_CPU_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final long SETTLE_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final int SETTLE_SAMPLES = 20;
    private static final long KEPT_OUT_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private final Set<Thread> players = ConcurrentHashMap.newKeySet();
    private final Set<Thread> finished = ConcurrentHashMap.newKeySet();
    private final Map<Thread, Access> inside = new ConcurrentHashMap<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final AtomicLong steps = new AtomicLong();
    private final Map<Thread, AtomicLong> accessCounts = new ConcurrentHashMap<>();
    private final List<String> readersKeptOut = new CopyOnWriteArrayList<>();
    private volatile boolean readersMet;
    private volatile boolean readersOnly;
    private volatile int expected;

    /**
     * Every player only reads: then a player kept out while another reads is a reader kept out
     * by a reader, which a read-write lock never does.
     */
    Rendezvous readersOnly() {
        readersOnly = true;
        return this;
    }

    /** Holds no access until {@code count} players have joined. */
    Rendezvous expectPlayers(int count) {
        expected = count;
        return this;
    }

    /** The calling thread takes part from now on. */
    void join() {
        players.add(Thread.currentThread());
    }

    /** The calling thread has finished its part. */
    void leave() {
        finished.add(Thread.currentThread());
        steps.incrementAndGet();
    }

    /** How many accesses {@code thread} has begun so far. */
    int accessesBy(Thread thread) {
        AtomicLong count = accessCounts.get(thread);
        return count == null ? 0 : (int) count.get();
    }

    /** Announces an access by the calling thread; returns when it may go ahead. */
    void enter(Access access, String what) {
        Thread me = Thread.currentThread();
        steps.incrementAndGet();
        accessCounts.computeIfAbsent(me, t -> new AtomicLong()).incrementAndGet();
        synchronized (this) {
            for (Map.Entry<Thread, Access> other : inside.entrySet()) {
                if (other.getKey() != me && (access == Access.WRITE || other.getValue() == Access.WRITE)) {
                    violations.add("thread \"" + me.getName() + "\" called " + what + " while thread \""
                            + other.getKey().getName() + "\" was " + (other.getValue() == Access.WRITE ? "writing" : "reading"));
                }
            }
            inside.put(me, access);
        }
        if (players.contains(me)) { // the check's own thread, or a thread not playing: no waiting
            holdUntilTheOthersAreInsideOrKeptOut(me, access);
        }
    }

    /** The calling thread's access is over. */
    void exit() {
        inside.remove(Thread.currentThread());
        steps.incrementAndGet();
    }

    /** A violation found by a test double itself (taking from an empty shelf, say). */
    void violation(String what) {
        violations.add(what);
    }

    List<String> violations() {
        return List.copyOf(violations);
    }

    /** Did two readers ever meet inside? */
    boolean readersMet() {
        return readersMet;
    }

    /** Readers that found another reader inside and were kept out by it until the patience ran out. */
    List<String> readersKeptOut() {
        return List.copyOf(readersKeptOut);
    }

    /** A number that grows with every access, entry or exit: unchanged means nothing moved. */
    long steps() {
        return steps.get();
    }

    boolean isInside(Thread thread) {
        return inside.containsKey(thread);
    }

    /**
     * Holds the calling player until every other player is inside, kept out, or finished. It
     * gives up (and lets the access go ahead) only when waiting longer cannot help: after the
     * patience, if each player still outside is parked (waiting for something else) or has
     * burnt CPU time without coming (spinning, say, on a home-made lock). A player that has
     * simply not been given a core yet, on a busy machine, is waited for, up to a hard limit.
     */
    private void holdUntilTheOthersAreInsideOrKeptOut(Thread me, Access access) {
        long start = System.nanoTime();
        Map<Thread, long[]> keptOutSince = new HashMap<>();
        Map<Thread, Long> cpuAtStart = new HashMap<>();
        for (Thread other : players) {
            cpuAtStart.put(other, THREADS.getThreadCpuTime(other.threadId()));
        }
        while (!settled(me, access, keptOutSince)) {
            long waited = System.nanoTime() - start;
            if (waited > HARD_LIMIT_NANOS || waited > PATIENCE_NANOS && waitingCannotHelp(me, cpuAtStart)) {
                if (readersOnly) {
                    noteReadersKeptOutBy(me);
                }
                return;
            }
            pause();
        }
    }

    private boolean waitingCannotHelp(Thread me, Map<Thread, Long> cpuAtStart) {
        if (players.size() < expected) {
            return false; // a player has not even started
        }
        for (Thread other : players) {
            if (other == me || finished.contains(other) || !other.isAlive() || inside.containsKey(other)
                    || isKeptOut(other)) {
                continue;
            }
            long cpuThen = cpuAtStart.getOrDefault(other, 0L);
            if (THREADS.getThreadCpuTime(other.threadId()) - cpuThen < SPINNING_CPU_NANOS) {
                return false; // running, or ready to run, but it has had little CPU: give it time
            }
        }
        return true;
    }

    /** Have all players joined, and is every other player inside, kept out, or finished? */
    private boolean settled(Thread me, Access access, Map<Thread, long[]> keptOutSince) {
        if (players.size() < expected) {
            return false; // the other player has not started yet
        }
        for (Thread other : players) {
            if (other == me || finished.contains(other) || !other.isAlive()) {
                continue;
            }
            Access theirs = inside.get(other);
            if (theirs != null) {
                if (access == Access.READ && theirs == Access.READ) {
                    readersMet = true;
                }
                continue;
            }
            if (!staysKeptOut(other, me, keptOutSince)) {
                return false;
            }
            if (readersOnly) {
                // Only readers play: a reader kept out is a reader waiting for a reader.
                if (waitsForLockOf(other, me)) {
                    noteReadersKeptOutBy(me);
                    continue;
                }
                return false; // parked, but on what? give it the patience to come in
            }
        }
        return true;
    }

    /**
     * Is {@code other} kept out, for sure? At once if it waits for a lock {@code me} owns;
     * otherwise only once it has been blocked or parked at every look for 2 ms (10 looks at
     * least): a thread that is only held up for a moment on its way in (loading a class, say)
     * must not be taken for one that a lock keeps out.
     */
    private static boolean staysKeptOut(Thread other, Thread me, Map<Thread, long[]> keptOutSince) {
        if (!isKeptOut(other)) {
            keptOutSince.remove(other);
            return false;
        }
        if (waitsForLockOf(other, me)) {
            return true;
        }
        long now = System.nanoTime();
        long[] since = keptOutSince.computeIfAbsent(other, t -> new long[] {now, 0});
        since[1]++;
        return since[1] >= 10 && now - since[0] >= KEPT_OUT_NANOS;
    }

    private void noteReadersKeptOutBy(Thread me) {
        for (Thread other : players) {
            if (other != me && !finished.contains(other) && !inside.containsKey(other) && isKeptOut(other)) {
                readersKeptOut.add("thread \"" + other.getName() + "\" had to wait while thread \"" + me.getName()
                        + "\" was only reading");
            }
        }
    }

    /** Is {@code other} blocked or parked on a monitor or lock that {@code me} owns? */
    static boolean waitsForLockOf(Thread other, Thread me) {
        ThreadInfo info = THREADS.getThreadInfo(other.threadId());
        return info != null && info.getLockOwnerId() == me.threadId();
    }

    /**
     * Is {@code thread} kept out, and does it stay so for a few milliseconds? A thread that
     * really waits stays parked; one that only passes through a lock on its way is not.
     */
    static boolean settledWaiting(Thread thread) {
        return settledWaiting(thread, SETTLE_NANOS);
    }

    /** Is {@code thread} kept out, and does it stay so for {@code nanos} (and 20 looks)? */
    static boolean settledWaiting(Thread thread, long nanos) {
        long end = System.nanoTime() + nanos;
        int samples = 0;
        while (samples < SETTLE_SAMPLES || System.nanoTime() < end) {
            if (!isKeptOut(thread)) {
                return false;
            }
            samples++;
            pause();
        }
        return true;
    }

    /**
     * Is {@code thread} waiting with no timeout, at each of 20 looks? A thread that waits with
     * a timeout, or wakes up now and then to look again, is seen otherwise at one look at least.
     */
    static boolean parkedWithoutTimeout(Thread thread) {
        for (int look = 0; look < SETTLE_SAMPLES; look++) {
            Thread.State state = thread.getState();
            if (state != Thread.State.WAITING && state != Thread.State.BLOCKED) {
                return false;
            }
            pause();
        }
        return true;
    }

    /** A short pause between two looks at other threads, leaving the CPU to them (2 cores). */
    static void pause() {
        LockSupport.parkNanos(50_000);
    }

    /** Blocked on a monitor, or parked (waiting for a lock, a permit or a condition). */
    static boolean isKeptOut(Thread thread) {
        Thread.State state = thread.getState();
        return state == Thread.State.BLOCKED || state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
    }
}
