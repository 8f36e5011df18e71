package course.deadlock;

/** Moves money between two accounts: what exercise deadlock.ordered implements. */
@FunctionalInterface
public interface Transfer {

    /**
     * Moves {@code amount} (more than 0) from {@code from} to {@code to} if {@code from}'s
     * balance covers it. Many transfers may run at once, in any direction, and {@code from}
     * may be the same account as {@code to} (nothing moves then, but the answer is the same:
     * true if the balance covers the amount).
     *
     * @return true if the balance covered the amount, false if it did not (nothing moved)
     * @throws InterruptedException if the thread is interrupted while it waits for a lock
     */
    boolean transfer(Account from, Account to, long amount) throws InterruptedException;
}
