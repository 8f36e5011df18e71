package course.deadlock.exercises;

import course.deadlock.Account;
import course.deadlock.Mutex;
import java.util.concurrent.locks.Lock;

/**
 * An account as the checks hand it out: every balance read is a step of its {@link Scenario}
 * (and may be held there, see {@link Lockstep}), the lowest balance ever written is kept, and a
 * check can stop a thread that uses it. Its lock is a {@link SteppingLock}.
 */
final class CheckAccount implements Account {

    private final Scenario scenario;
    private SteppingLock lock;
    private int id;
    private long balance; // guarded by the answer under test, not by this class
    private long lowest;

    CheckAccount(Scenario scenario) {
        this.scenario = scenario;
    }

    /** Gives the account its id, opening balance and lock; before any thread of the check sees it. */
    CheckAccount open(int id, long balance, SteppingLock lock) {
        this.lock = lock;
        this.id = id;
        this.balance = balance;
        this.lowest = balance;
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
        scenario.step(Lockstep.Kind.READ);
        return seen;
    }

    @Override
    public void setBalance(long newBalance) {
        scenario.abandonIfAsked();
        balance = newBalance;
        lowest = Math.min(lowest, newBalance);
    }

    /** The balance, read by the check once the transfers have ended: no step. */
    long now() {
        return balance;
    }

    /** The lowest balance ever written. */
    long lowest() {
        return lowest;
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
