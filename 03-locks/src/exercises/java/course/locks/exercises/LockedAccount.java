package course.locks.exercises;

import course.locks.Account;
import course.locks.Ledger;

/**
 * Exercise locks.account: an account that many threads can use at once.
 *
 * <p>The balance lives in a {@link Ledger}, which does no locking of its own, and it must stay
 * there: keep no copy. Make every call one indivisible step with a
 * {@link java.util.concurrent.locks.ReentrantLock}, and get the details right:
 * <ul>
 *   <li>a caller waits for the lock asleep, not spinning (no loop of tryLock()), and must stop
 *       waiting, with {@link InterruptedException}, when it is interrupted;
 *   <li>{@link Ledger#write} can throw {@link course.locks.LedgerUnavailableException}: the
 *       caller must see that exception, and the account must stay usable afterwards.
 * </ul>
 *
 * <p>Run {@code ./mvnw test -pl 03-locks} to check your answer.
 */
public final class LockedAccount implements Account {

    private final Ledger ledger;

    public LockedAccount(Ledger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void deposit(long amount) throws InterruptedException {
        // TODO: the read and the write must be one step: another call may run between them.
        ledger.write(ledger.balance() + amount);
    }

    @Override
    public boolean withdraw(long amount) throws InterruptedException {
        // TODO: check, then act: two steps, unless one lock is held across both.
        long balance = ledger.balance();
        if (balance < amount) {
            return false;
        }
        ledger.write(balance - amount); // may throw LedgerUnavailableException
        return true;
    }

    @Override
    public long balance() throws InterruptedException {
        // TODO: read under the same lock, so that the latest write is seen.
        return ledger.balance();
    }
}
