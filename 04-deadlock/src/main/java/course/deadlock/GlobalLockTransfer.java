package course.deadlock;

/**
 * One lock for every transfer, whatever the accounts: the answer of Python's GIL. A thread
 * never holds one lock while it waits for another, so no cycle of waiting can form, and no
 * lock order has to be agreed. The price: only one transfer runs at a time, even when the two
 * touch different accounts (lesson 05 measures what one big lock costs).
 *
 * <p>It ignores the accounts' own locks, so it is only correct if every change of a balance
 * goes through it.
 */
public final class GlobalLockTransfer implements Transfer {

    // tag::global-lock[]
    private final Object bankLock = new Object();     // the one lock of the whole bank

    @Override
    public boolean transfer(Account from, Account to, long amount) {
        synchronized (bankLock) {
            return Moves.checkAndMove(from, to, amount);
        }
    }
    // end::global-lock[]
}
