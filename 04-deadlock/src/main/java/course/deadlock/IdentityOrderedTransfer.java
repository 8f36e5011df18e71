package course.deadlock;

/**
 * Lock ordering for objects that have no id: order the two locks by
 * {@link System#identityHashCode(Object)}. Two distinct objects can have the same identity hash
 * code, and then neither is "first": such a pair takes a third lock, the tie-breaker, before
 * its two locks, so two tied transfers never hold one lock each. A transfer to the same account
 * takes its one lock once (the account's {@link Mutex} is not reentrant).
 */
public final class IdentityOrderedTransfer implements Transfer {

    private final Object tieLock = new Object();

    // tag::identity-order[]
    @Override
    public boolean transfer(Account from, Account to, long amount) throws InterruptedException {
        if (from == to) {
            return underLocks(from, from, amount, from, to);
        }
        int fromHash = System.identityHashCode(from);
        int toHash = System.identityHashCode(to);
        if (fromHash < toHash) {
            return underLocks(from, to, amount, from, to);
        }
        if (fromHash > toHash) {
            return underLocks(to, from, amount, from, to);
        }
        synchronized (tieLock) {                       // a tie: one tied pair at a time
            return underLocks(from, to, amount, from, to);
        }
    }
    // end::identity-order[]

    /** Takes {@code first}'s lock, then {@code second}'s (once if they are the same), then moves. */
    private static boolean underLocks(Account first, Account second, long amount, Account from, Account to)
            throws InterruptedException {
        first.lock().lockInterruptibly();
        try {
            if (second == first) {
                return Moves.checkAndMove(from, to, amount);
            }
            second.lock().lockInterruptibly();
            try {
                return Moves.checkAndMove(from, to, amount);
            } finally {
                second.lock().unlock();
            }
        } finally {
            first.lock().unlock();
        }
    }
}
