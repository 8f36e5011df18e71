package course.locks.exercises;

import course.locks.Account;
import course.locks.Ledger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Exercise locks.account, solved. One lock for every call. It is taken with
 * {@code lockInterruptibly()}, so a caller stuck behind a slow ledger can be interrupted,
 * and taken <em>before</em> the {@code try}: if the wait is interrupted, this thread holds
 * nothing, and the {@code finally} must not release what it never got. The {@code finally}
 * releases the lock however the call ends, also when the ledger throws.
 */
public final class LockedAccount implements Account {

    private final Ledger ledger;
    private final ReentrantLock lock = new ReentrantLock();

    public LockedAccount(Ledger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void deposit(long amount) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            ledger.write(ledger.balance() + amount);
        } finally {
            lock.unlock();
        }
    }

    // tag::solution[]
    @Override
    public boolean withdraw(long amount) throws InterruptedException {
        lock.lockInterruptibly();       // before the try: an interrupted wait leaves nothing to unlock
        try {
            long balance = ledger.balance();
            if (balance < amount) {
                return false;
            }
            ledger.write(balance - amount); // may throw: the finally still runs
            return true;
        } finally {
            lock.unlock();              // on every way out: return, false, or exception
        }
    }
    // end::solution[]

    @Override
    public long balance() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            return ledger.balance();
        } finally {
            lock.unlock();
        }
    }
}
