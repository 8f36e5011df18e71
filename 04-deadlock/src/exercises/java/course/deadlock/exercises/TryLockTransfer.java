package course.deadlock.exercises;

import course.deadlock.Account;
import course.deadlock.TimedTransfer;
import java.time.Duration;

/**
 * Exercise deadlock.trylock: a transfer that gives up instead of hanging.
 *
 * <p>Sometimes a lock order cannot be agreed, or a lock is held for a long time by someone
 * else. This transfer must then report {@link Outcome#GAVE_UP} once {@code timeout} has passed,
 * holding no lock, instead of waiting forever. Until then it keeps trying. And two opposite
 * transfers that get in each other's way must both finish: neither may hold on to one lock
 * while it waits for the other, and they must not keep colliding in step either.
 *
 * <p>Keep it correct as well: check the balance while you hold both locks, make a transfer to
 * the same account work (an account's lock is not reentrant), and release every lock you take.
 *
 * <p>Run {@code ./mvnw test -pl 04-deadlock} to check your answer.
 */
public final class TryLockTransfer implements TimedTransfer {

    @Override
    public Outcome transfer(Account from, Account to, long amount, Duration timeout) throws InterruptedException {
        // TODO: lockInterruptibly() waits as long as it takes: the timeout is never looked at,
        //  and two opposite transfers wait for each other forever.
        from.lock().lockInterruptibly();
        try {
            to.lock().lockInterruptibly();
            try {
                if (from.balance() < amount) {
                    return Outcome.INSUFFICIENT_FUNDS;
                }
                from.setBalance(from.balance() - amount);
                to.setBalance(to.balance() + amount);
                return Outcome.DONE;
            } finally {
                to.lock().unlock();
            }
        } finally {
            from.lock().unlock();
        }
    }
}
