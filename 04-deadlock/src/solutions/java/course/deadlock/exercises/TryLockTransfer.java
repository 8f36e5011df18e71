package course.deadlock.exercises;

import course.deadlock.Account;
import course.deadlock.TimedTransfer;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Exercise deadlock.trylock, solved: try both locks without waiting; if the second is taken,
 * release the first, sleep a random moment, and try again, until the deadline. Releasing
 * breaks "hold and wait"; the random sleep keeps two opposite transfers from colliding in step
 * forever (a livelock); the deadline turns "forever" into {@code GAVE_UP}.
 */
public final class TryLockTransfer implements TimedTransfer {

    private static final long MIN_PAUSE_NANOS = TimeUnit.MICROSECONDS.toNanos(50);
    private static final long MAX_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    // tag::solution[]
    @Override
    public Outcome transfer(Account from, Account to, long amount, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (from.lock().tryLock()) {
                try {
                    if (from == to) {                                  // one lock, and it is ours
                        return from.balance() >= amount ? Outcome.DONE : Outcome.INSUFFICIENT_FUNDS;
                    }
                    if (to.lock().tryLock()) {
                        try {
                            return checkAndMove(from, to, amount);
                        } finally {
                            to.lock().unlock();
                        }
                    }
                } finally {
                    from.lock().unlock();                              // never wait while holding a lock
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {                                           // time is up: say so
                return Outcome.GAVE_UP;
            }
            long pause = ThreadLocalRandom.current().nextLong(MIN_PAUSE_NANOS, MAX_PAUSE_NANOS);
            TimeUnit.NANOSECONDS.sleep(Math.min(pause, left));         // random: the two fall out of step
        }
    }
    // end::solution[]

    private static Outcome checkAndMove(Account from, Account to, long amount) {
        if (from.balance() < amount) {
            return Outcome.INSUFFICIENT_FUNDS;
        }
        from.setBalance(from.balance() - amount);
        to.setBalance(to.balance() + amount);
        return Outcome.DONE;
    }
}
