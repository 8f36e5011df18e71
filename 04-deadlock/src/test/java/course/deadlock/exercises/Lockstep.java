package course.deadlock.exercises;

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
 * <p>A transfer does not wait for one that cannot catch up: one that has finished, or one that
 * is off the CPU (blocked on a lock, waiting, sleeping) but not in this lockstep. So locks taken
 * in one agreed order pass straight through. After a failed tryLock the rule is stricter: only
 * a transfer that sleeps (backs off) lets the other go on, not one parked in a timed tryLock,
 * so two transfers that retry at once keep colliding, and one that backs off lets the other
 * finish. If nothing of this happens within a quarter of a second, the step goes ahead anyway:
 * slower, never wrong.
 */
final class Lockstep {

    enum Kind { ACQUIRED, FAILED, READ }

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

    private boolean outOfTheWay(Thread other, Kind myKind) {
        if (inStepWait.contains(other)) {
            return false;
        }
        Thread.State state = other.getState();
        boolean offCpu = state == Thread.State.BLOCKED || state == Thread.State.WAITING
                || state == Thread.State.TIMED_WAITING;
        if (!offCpu) {
            return false;
        }
        return myKind != Kind.FAILED || !scenario.inTimedTryLock(other);
    }
}
