package course.deadlock.exercises;

import course.deadlock.Account;
import course.deadlock.Transfer;

/**
 * Exercise deadlock.ordered, solved: the article's fix. Every transfer takes the lock of the
 * account with the lower id first. Ids are unique, so any two transfers agree on the order of
 * any two locks, and no cycle of waiting can form: the thread holding the higher lock of a
 * pair never waits for the lower one. A transfer to the same account takes its one lock once.
 */
public final class OrderedTransfer implements Transfer {

    // tag::solution[]
    @Override
    public boolean transfer(Account from, Account to, long amount) throws InterruptedException {
        Account first = from.id() <= to.id() ? from : to;    // lower id first, whatever the direction
        Account second = first == from ? to : from;
        first.lock().lockInterruptibly();
        try {
            if (second == first) {                            // to itself: one lock, taken once
                return from.balance() >= amount;
            }
            second.lock().lockInterruptibly();
            try {
                if (from.balance() < amount) {                // checked while both locks are held
                    return false;
                }
                from.setBalance(from.balance() - amount);
                to.setBalance(to.balance() + amount);
                return true;
            } finally {
                second.lock().unlock();
            }
        } finally {
            first.lock().unlock();
        }
    }
    // end::solution[]
}
