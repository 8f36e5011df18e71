package course.deadlock.exercises;

import course.deadlock.Account;
import course.deadlock.Transfer;

/**
 * Exercise deadlock.ordered: a transfer that cannot deadlock.
 *
 * <p>This is the article's unsafe transfer: it locks the source, then the target. Run transfer
 * 1 -> 2 and transfer 2 -> 1 at once and each can end up holding one lock while it waits for
 * the other's, forever. Change it so that no cycle of waiting can ever form, and keep it
 * correct:
 * <ul>
 *   <li>the balance check and the move happen while no other transfer of these accounts can run;
 *   <li>a transfer from an account to itself works: the account's lock is not reentrant;
 *   <li>every lock taken is released, whatever happens.
 * </ul>
 *
 * <p>Run {@code ./mvnw test -pl 04-deadlock} to check your answer.
 */
public final class OrderedTransfer implements Transfer {

    @Override
    public boolean transfer(Account from, Account to, long amount) throws InterruptedException {
        // TODO: every transfer takes its source's lock first. Two opposite transfers take the
        //  same two locks in opposite orders: that is how the cycle forms.
        from.lock().lockInterruptibly();
        try {
            // TODO: and when from == to, this asks for a lock the thread already holds.
            to.lock().lockInterruptibly();
            try {
                if (from.balance() < amount) {
                    return false;
                }
                from.setBalance(from.balance() - amount);
                to.setBalance(to.balance() + amount);
                return true;
            } finally {
                to.lock().unlock();
            }
        } finally {
            from.lock().unlock();
        }
    }
}
