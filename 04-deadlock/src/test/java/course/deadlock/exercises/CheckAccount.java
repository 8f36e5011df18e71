package course.deadlock.exercises;

import course.deadlock.Account;
import course.deadlock.Mutex;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;

/**
 * An account as the checks hand it out: every balance read is a step of its {@link Scenario}
 * (and may be held there, see {@link Lockstep}), and a check can stop a thread that uses it. Its
 * lock is a {@link SteppingLock}.
 *
 * <p>It also keeps what a check needs to say what it saw: its first reads and writes (which
 * transfer, which value, and whether that transfer held a lock of this account), and whether a
 * transfer ever read a negative balance written by another transfer. A balance that dips below
 * zero inside a transfer and is put right before anyone else can look is no overdraft: nobody
 * who keeps transfers apart could ever see it. One that another transfer reads is.
 */
final class CheckAccount implements Account {

    /** How many reads and writes {@link #history()} keeps. */
    static final int HISTORY = 12;

    private final Scenario scenario;
    private SteppingLock lock;
    private int id;
    private long balance; // guarded by the answer under test, not by this class
    private Object writer; // the transfer call that wrote balance last, written with it
    private final ConcurrentLinkedQueue<String> history = new ConcurrentLinkedQueue<>();
    private final AtomicInteger recorded = new AtomicInteger();

    CheckAccount(Scenario scenario) {
        this.scenario = scenario;
    }

    /** Gives the account its id, opening balance and lock; before any thread of the check sees it. */
    CheckAccount open(int id, long balance, SteppingLock lock) {
        this.lock = lock;
        this.id = id;
        this.balance = balance;
        lock.name("account " + id + "'s lock");
        return this;
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public Lock lock() {
        return lock;
    }

    @Override
    public long balance() {
        scenario.abandonIfAsked();
        long seen = balance;          // the value is taken before the step: a read held there is a stale read
        Object wrote = writer;
        Object reader = scenario.currentCall();
        if (seen < 0 && wrote != null && wrote != reader) {
            scenario.overdraftSeen("\"" + reader + "\" read " + this + "'s balance " + seen + ", which \"" + wrote
                    + "\" had written: one transfer saw another's overdraft");
        }
        record(reader, "read " + seen);
        expectBothLocks(reader, "read");
        scenario.step(Lockstep.Kind.READ);
        return seen;
    }

    @Override
    public void setBalance(long newBalance) {
        scenario.abandonIfAsked();
        Object call = scenario.currentCall();
        balance = newBalance;
        writer = call;
        record(call, "wrote " + newBalance);
        expectBothLocks(call, "wrote");
    }

    /** Where the scenario asks for it, notes a read or write made without the locks of both accounts of the call. */
    private void expectBothLocks(Object call, String what) {
        if (scenario.bothLocksRequired() && call instanceof TransferCheck.StressCall transfer) {
            if (!transfer.from().mutex().isHeldByCurrentThread() || !transfer.to().mutex().isHeldByCurrentThread()) {
                scenario.touchedWithoutBothLocks("\"" + call + "\" " + what + " " + this + "'s balance holding "
                        + held(transfer.from()) + " and " + held(transfer.to()));
            }
        }
    }

    private static String held(CheckAccount account) {
        return (account.mutex().isHeldByCurrentThread() ? "" : "not ") + account.mutex().name();
    }

    /** Notes one of the first reads and writes, with whether the caller held a lock of this account. */
    private void record(Object call, String what) {
        if (recorded.getAndIncrement() < HISTORY) {
            history.add("\"" + call + "\" " + what + (holdsALockOfThis() ? "" : ", holding no lock of " + this));
        }
    }

    /** Its lock, the account object's monitor, or the lock object's monitor. */
    private boolean holdsALockOfThis() {
        return lock.mutex().isHeldByCurrentThread() || Thread.holdsLock(this) || Thread.holdsLock(lock);
    }

    /** The first reads and writes, in order, one line each. */
    List<String> history() {
        return List.copyOf(history);
    }

    /** Did some transfer read or write this balance holding none of its locks? */
    boolean touchedWithoutItsLock() {
        return history.stream().anyMatch(line -> line.endsWith("holding no lock of " + this));
    }

    /** The balance, read by the check once the transfers have ended: no step. */
    long now() {
        return balance;
    }

    SteppingLock steppingLock() {
        return lock;
    }

    Mutex mutex() {
        return lock.mutex();
    }

    @Override
    public String toString() {
        return "account " + id;
    }
}
