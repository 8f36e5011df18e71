package course.deadlock.exercises;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Makes two transfers run in step, so that the interleavings that break wrong answers happen on
 * every run instead of once in a while.
 *
 * <p>A step is something a transfer does to the check's accounts: a lock taken, a tryLock that
 * failed, a balance read. After each step a transfer waits until the other transfer has made as
 * many steps, so both hold their first lock before either asks for its second one (a deadlock
 * for locks taken in argument order), both read a balance before either writes it (an overdraft
 * for a check made outside the locks), and both fail their second tryLock before either lets go
 * of its first (a livelock, round after round, for a retry without back-off).
 *
 * <p>A transfer does not wait for one that cannot catch up: one that has finished, one that waits
 * for a lock this transfer holds, or one that sleeps (backs off). So locks taken in one agreed
 * order pass straight through. After a failed tryLock the rule is stricter: only
 * a transfer that sleeps (backs off) lets the other go on, not one parked in a timed tryLock,
 * so two transfers that retry at once keep colliding, and one that backs off lets the other
 * finish. If nothing of this happens within a quarter of a second, the step goes ahead anyway:
 * slower, never wrong.
 */
final class Lockstep {

    enum Kind { ACQUIRED, FAILED, READ }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final long PATIENCE_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final Scenario scenario;
    private final List<Thread> parties = new CopyOnWriteArrayList<>();
    private final Set<Thread> finished = ConcurrentHashMap.newKeySet();
    private final Map<Thread, Integer> steps = new ConcurrentHashMap<>();
    private final Set<Thread> inStepWait = ConcurrentHashMap.newKeySet();

    Lockstep(Scenario scenario) {
        this.scenario = scenario;
    }

    /** Called by a transfer's thread just before it calls the transfer. */
    void arrive() {
        parties.add(Thread.currentThread());
    }

    /** Called by a transfer's thread when its transfer has returned or thrown. */
    void leave() {
        finished.add(Thread.currentThread());
    }

    void step(Kind kind) {
        Thread me = Thread.currentThread();
        if (!parties.contains(me)) {
            return; // the check's own thread, or a thread of another scenario
        }
        int mine = steps.merge(me, 1, Integer::sum);
        long end = System.nanoTime() + PATIENCE_NANOS;
        inStepWait.add(me);
        try {
            while (System.nanoTime() < end && !mayGoOn(me, mine, kind)) {
                scenario.abandonIfAsked();
                LockSupport.parkNanos(20_000);
            }
        } finally {
            inStepWait.remove(me);
        }
        scenario.abandonIfAsked();
    }

    private boolean mayGoOn(Thread me, int mine, Kind kind) {
        if (parties.size() < 2) {
            return false; // the other transfer has not started yet
        }
        for (Thread other : parties) {
            if (other == me || finished.contains(other) || steps.getOrDefault(other, 0) >= mine) {
                continue;
            }
            if (!outOfTheWay(other, kind)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Is {@code other} unable to make a step until this thread moves on? It is when it waits for
     * a lock this thread owns (in lock(), or on a monitor), or when it sleeps or parks with no
     * lock to wait for (backing off). A thread blocked on something else, say a class another
     * thread is loading, is only delayed: it will catch up.
     */
    private boolean outOfTheWay(Thread other, Kind myKind) {
        if (inStepWait.contains(other)) {
            return false;
        }
        ThreadInfo info = THREADS.getThreadInfo(other.threadId());
        if (info == null) {
            return true; // it has ended
        }
        Thread.State state = info.getThreadState();
        boolean backingOff = (state == Thread.State.TIMED_WAITING || state == Thread.State.WAITING)
                && info.getLockInfo() == null;
        boolean waitsForMe = info.getLockOwnerId() == Thread.currentThread().threadId();
        if (myKind == Kind.FAILED) {
            // after a failed try, a transfer parked in a timed tryLock will fail too: wait for that
            return backingOff || (waitsForMe && !scenario.inTimedTryLock(other));
        }
        return backingOff || waitsForMe;
    }
}
