package course.race.exercises;

import course.race.Vault;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A vault that forces the check-then-act race whenever the account lets it happen.
 *
 * <p>Every read and write of the balance by a withdrawing thread is held until the other
 * withdrawing thread has touched the vault since this thread last did (nothing kept it out:
 * the steps interleave), or is blocked on a lock this thread holds (a lock keeps it out), or
 * has finished. A read takes its value before it is held and a write stores its value after,
 * so two withdrawals that no lock keeps apart both read the old balance on every run.
 * Withdrawals kept apart by a lock pass straight through. If none of this happens within
 * 250 ms (a semaphore or a home-made spin lock, whose owner no one can see), the access goes
 * ahead anyway: slower, never wrong.
 */
final class RendezvousVault implements Vault {

    private static final long PATIENCE_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private long balance; // the account under test must guard it; the vault does not
    private final int withdrawers;
    private final List<Thread> joined = new CopyOnWriteArrayList<>();
    private final Set<Thread> finished = ConcurrentHashMap.newKeySet();
    private final AtomicLong accesses = new AtomicLong();
    private final Map<Thread, Long> lastAccess = new ConcurrentHashMap<>();

    RendezvousVault(long balance, int withdrawers) {
        this.balance = balance;
        this.withdrawers = withdrawers;
    }

    /** Called by each withdrawing thread before it withdraws. */
    void arrive() {
        joined.add(Thread.currentThread());
    }

    /** Called by each withdrawing thread after it withdrew. */
    void leave() {
        finished.add(Thread.currentThread());
    }

    @Override
    public long balance() {
        long seen = balance;
        holdUntilTheOtherMoves();
        return seen;
    }

    @Override
    public void setBalance(long newBalance) {
        holdUntilTheOtherMoves();
        balance = newBalance;
    }

    /** The balance, read by the test after the withdrawing threads have ended. */
    long finalBalance() {
        return balance;
    }

    private void holdUntilTheOtherMoves() {
        Thread me = Thread.currentThread();
        if (!joined.contains(me)) {
            return; // not a withdrawing thread: the test itself, or a single-threaded check
        }
        long myPrevious = lastAccess.getOrDefault(me, 0L);
        lastAccess.put(me, accesses.incrementAndGet());
        long end = System.nanoTime() + PATIENCE_NANOS;
        while (System.nanoTime() < end && !otherHasMovedOrIsLockedOut(me, myPrevious)) {
            LockSupport.parkNanos(20_000);
        }
    }

    private boolean otherHasMovedOrIsLockedOut(Thread me, long myPrevious) {
        if (joined.size() < withdrawers) {
            return false; // the other withdrawal has not started yet
        }
        for (Thread other : joined) {
            if (other == me || finished.contains(other)) {
                continue;
            }
            boolean moved = lastAccess.getOrDefault(other, 0L) > myPrevious;
            if (!moved && !waitsForLockHeldBy(other, me)) {
                return false;
            }
        }
        return true;
    }

    /** Is {@code other} blocked or parked on a monitor or lock that {@code me} owns? */
    private static boolean waitsForLockHeldBy(Thread other, Thread me) {
        ThreadInfo info = THREADS.getThreadInfo(other.threadId());
        return info != null && info.getLockOwnerId() == me.threadId();
    }
}
