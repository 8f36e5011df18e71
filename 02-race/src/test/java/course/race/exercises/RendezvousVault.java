package course.race.exercises;

import course.race.Vault;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A vault that forces the check-then-act race whenever the account lets it happen.
 *
 * <p>When a withdrawing thread reads the balance, the vault holds it there until the other
 * withdrawing thread has either read the balance too (no lock kept it out: the race is on),
 * or is parked or blocked (a lock kept it out), or has finished. So two withdrawals that are
 * not kept apart by a lock both read the old balance on every run, not once in a while;
 * withdrawals that are kept apart pass straight through. If neither happens within a second
 * (a learner's own spin lock, say), the read goes ahead anyway.
 */
final class RendezvousVault implements Vault {

    private static final long PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private long balance; // the account under test must guard it; the vault does not
    private final int withdrawers;
    private final List<Thread> joined = new CopyOnWriteArrayList<>();
    private final Set<Thread> finished = ConcurrentHashMap.newKeySet();
    private final Set<Thread> waitingHere = ConcurrentHashMap.newKeySet();
    private final AtomicInteger reads = new AtomicInteger();

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
        int myRead = reads.incrementAndGet();
        if (joined.contains(Thread.currentThread())) {
            holdUntilTheOthersMove(myRead);
        }
        return seen;
    }

    @Override
    public void setBalance(long newBalance) {
        balance = newBalance;
    }

    /** The balance, read by the test after the withdrawing threads have ended. */
    long finalBalance() {
        return balance;
    }

    private void holdUntilTheOthersMove(int myRead) {
        Thread me = Thread.currentThread();
        waitingHere.add(me);
        try {
            long end = System.nanoTime() + PATIENCE_NANOS;
            while (System.nanoTime() < end) {
                if (reads.get() > myRead || othersAreDoneOrLockedOut(me)) {
                    return;
                }
                LockSupport.parkNanos(20_000);
            }
        } finally {
            waitingHere.remove(me);
        }
    }

    private boolean othersAreDoneOrLockedOut(Thread me) {
        if (joined.size() < withdrawers) {
            return false; // the other withdrawal has not started yet
        }
        for (Thread other : joined) {
            if (other == me || finished.contains(other)) {
                continue;
            }
            Thread.State state = other.getState();
            boolean lockedOut = (state == Thread.State.BLOCKED || state == Thread.State.WAITING
                    || state == Thread.State.TIMED_WAITING) && !waitingHere.contains(other);
            if (!lockedOut) {
                return false;
            }
        }
        return true;
    }
}
