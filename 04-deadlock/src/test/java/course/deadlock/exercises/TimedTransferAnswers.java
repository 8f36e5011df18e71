package course.deadlock.exercises;

import course.deadlock.Account;
import course.deadlock.TimedTransfer;
import course.deadlock.TimedTransfer.Outcome;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/** Answers a learner might give to exercise deadlock.trylock, right and wrong, for {@code TimedTransferCheckIT}. */
final class TimedTransferAnswers {

    private TimedTransferAnswers() {
    }

    static Outcome move(Account from, Account to, long amount) {
        if (from.balance() < amount) {
            return Outcome.INSUFFICIENT_FUNDS;
        }
        if (from != to) {
            from.setBalance(from.balance() - amount);
            to.setBalance(to.balance() + amount);
        }
        return Outcome.DONE;
    }

    private static void backOff() throws InterruptedException {
        TimeUnit.MICROSECONDS.sleep(ThreadLocalRandom.current().nextLong(50, 2000));
    }

    // ---- wrong ----

    /** The starter: blocking locks in argument order; the timeout is never looked at. */
    static final class BlockingLocks implements TimedTransfer {
        public Outcome transfer(Account from, Account to, long amount, Duration timeout) throws InterruptedException {
            from.lock().lockInterruptibly();
            try {
                if (from == to) {
                    return move(from, to, amount);
                }
                to.lock().lockInterruptibly();
                try {
                    return move(from, to, amount);
                } finally {
                    to.lock().unlock();
                }
            } finally {
                from.lock().unlock();
            }
        }
    }

    /** tryLock both, release on failure, and try again at once: no back-off. */
    static final class NoBackOff implements TimedTransfer {
        public Outcome transfer(Account from, Account to, long amount, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (from.lock().tryLock()) {
                    try {
                        if (from == to) {
                            return move(from, to, amount);
                        }
                        if (to.lock().tryLock()) {
                            try {
                                return move(from, to, amount);
                            } finally {
                                to.lock().unlock();
                            }
                        }
                    } finally {
                        from.lock().unlock();
                    }
                }
            }
            return Outcome.GAVE_UP;
        }
    }

    /** Timed tryLocks of a few milliseconds, then again at once: they time out together, round after round. */
    static final class TimedTriesNoBackOff implements TimedTransfer {
        public Outcome transfer(Account from, Account to, long amount, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (from.lock().tryLock(5, TimeUnit.MILLISECONDS)) {
                    try {
                        if (from == to) {
                            return move(from, to, amount);
                        }
                        if (to.lock().tryLock(5, TimeUnit.MILLISECONDS)) {
                            try {
                                return move(from, to, amount);
                            } finally {
                                to.lock().unlock();
                            }
                        }
                    } finally {
                        from.lock().unlock();
                    }
                }
            }
            return Outcome.GAVE_UP;
        }
    }

    /** When the second tryLock fails, it gives up and keeps the first lock. */
    static final class KeepsTheFirstLock implements TimedTransfer {
        public Outcome transfer(Account from, Account to, long amount, Duration timeout) throws InterruptedException {
            if (!from.lock().tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                return Outcome.GAVE_UP;
            }
            if (from == to) {
                try {
                    return move(from, to, amount);
                } finally {
                    from.lock().unlock();
                }
            }
            if (!to.lock().tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                return Outcome.GAVE_UP; // and the first lock is still held
            }
            try {
                return move(from, to, amount);
            } finally {
                to.lock().unlock();
                from.lock().unlock();
            }
        }
    }

    /** The textbook listing's slip: it gives up while there is time left, and never once time is up. */
    static final class InvertedTimeCheck implements TimedTransfer {
        public Outcome transfer(Account from, Account to, long amount, Duration timeout) throws InterruptedException {
            long stopTime = System.nanoTime() + timeout.toNanos();
            while (true) {
                if (from.lock().tryLock()) {
                    try {
                        if (from == to) {
                            return move(from, to, amount);
                        }
                        if (to.lock().tryLock()) {
                            try {
                                return move(from, to, amount);
                            } finally {
                                to.lock().unlock();
                            }
                        }
                    } finally {
                        from.lock().unlock();
                    }
                }
                // tag::inverted[]
                if (System.nanoTime() < stopTime) {     // meant: time is up. Says: there is time left
                    return Outcome.GAVE_UP;
                }
                backOff();                              // and once time is up, it never stops
                // end::inverted[]
            }
        }
    }

    /** Back-off, but no deadline: it never gives up. */
    static final class IgnoresTheTimeout implements TimedTransfer {
        public Outcome transfer(Account from, Account to, long amount, Duration timeout) throws InterruptedException {
            while (true) {
                if (from.lock().tryLock()) {
                    try {
                        if (from == to) {
                            return move(from, to, amount);
                        }
                        if (to.lock().tryLock()) {
                            try {
                                return move(from, to, amount);
                            } finally {
                                to.lock().unlock();
                            }
                        }
                    } finally {
                        from.lock().unlock();
                    }
                }
                backOff();
            }
        }
    }

    /** Backs off while still holding the first lock: the other transfer waits for it all along. */
    static final class BacksOffHoldingTheFirst implements TimedTransfer {
        public Outcome transfer(Account from, Account to, long amount, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            if (!from.lock().tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                return Outcome.GAVE_UP;
            }
            try {
                if (from == to) {
                    return move(from, to, amount);
                }
                while (!to.lock().tryLock()) {
                    if (System.nanoTime() > deadline) {
                        return Outcome.GAVE_UP;
                    }
                    backOff();
                }
                try {
                    return move(from, to, amount);
                } finally {
                    to.lock().unlock();
                }
            } finally {
                from.lock().unlock();
            }
        }
    }

    /** The balance checked before the locks are tried, and not again once they are held. */
    static final class CheckBeforeLocking implements TimedTransfer {
        public Outcome transfer(Account from, Account to, long amount, Duration timeout) throws InterruptedException {
            if (from.balance() < amount) {
                return Outcome.INSUFFICIENT_FUNDS;
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                if (from.lock().tryLock()) {
                    try {
                        if (from == to) {
                            return Outcome.DONE;
                        }
                        if (to.lock().tryLock()) {
                            try {
                                from.setBalance(from.balance() - amount);
                                to.setBalance(to.balance() + amount);
                                return Outcome.DONE;
                            } finally {
                                to.lock().unlock();
                            }
                        }
                    } finally {
                        from.lock().unlock();
                    }
                }
                if (System.nanoTime() > deadline) {
                    return Outcome.GAVE_UP;
                }
                backOff();
            }
        }
    }

    /** No thought for a transfer to itself: its second tryLock is of a lock it holds, and always fails. */
    static final class SelfTransferTriesTwice implements TimedTransfer {
        public Outcome transfer(Account from, Account to, long amount, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                if (from.lock().tryLock()) {
                    try {
                        if (to.lock().tryLock()) {
                            try {
                                return move(from, to, amount);
                            } finally {
                                to.lock().unlock();
                            }
                        }
                    } finally {
                        from.lock().unlock();
                    }
                }
                if (System.nanoTime() > deadline) {
                    return Outcome.GAVE_UP;
                }
                backOff();
            }
        }
    }

    /** Reads both balances, then writes both: from == to counts the amount twice. */
    static final class SelfTransferDoubleCounts implements TimedTransfer {
        public Outcome transfer(Account from, Account to, long amount, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                if (from.lock().tryLock()) {
                    try {
                        if (from == to || to.lock().tryLock()) {
                            try {
                                long fromBalance = from.balance();
                                long toBalance = to.balance();
                                if (fromBalance < amount) {
                                    return Outcome.INSUFFICIENT_FUNDS;
                                }
                                from.setBalance(fromBalance - amount);
                                to.setBalance(toBalance + amount);
                                return Outcome.DONE;
                            } finally {
                                if (from != to) {
                                    to.lock().unlock();
                                }
                            }
                        }
                    } finally {
                        from.lock().unlock();
                    }
                }
                if (System.nanoTime() > deadline) {
                    return Outcome.GAVE_UP;
                }
                backOff();
            }
        }
    }

    /**
     * Both locks tried, released, a millisecond's pause; but sixty rounds at most, whatever the
     * timeout says: some 70 ms, past half of the 100 ms timeout of the check that holds a lock for good.
     */
    static final class FixedRetries implements TimedTransfer {
        public Outcome transfer(Account from, Account to, long amount, Duration timeout) throws InterruptedException {
            for (int round = 0; round < 60; round++) {
                Outcome outcome = tryBoth(from, to, amount);
                if (outcome != null) {
                    return outcome;
                }
                TimeUnit.MILLISECONDS.sleep(1);
            }
            return Outcome.GAVE_UP;
        }
    }

    /** Waits for the first lock up to the timeout, tries the second once, and gives up if it is taken. */
    static final class GivesUpAtTheFirstCollision implements TimedTransfer {
        public Outcome transfer(Account from, Account to, long amount, Duration timeout) throws InterruptedException {
            if (!from.lock().tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                return Outcome.GAVE_UP;
            }
            try {
                if (from == to) {
                    return move(from, to, amount);
                }
                if (!to.lock().tryLock()) {
                    return Outcome.GAVE_UP;
                }
                try {
                    return move(from, to, amount);
                } finally {
                    to.lock().unlock();
                }
            } finally {
                from.lock().unlock();
            }
        }
    }

    /** The deadline from Duration.getNano(), the nanoseconds within the second: a timeout of 2 s is none. */
    static final class DeadlineFromGetNano implements TimedTransfer {
        public Outcome transfer(Account from, Account to, long amount, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.getNano();
            while (true) {
                Outcome outcome = tryBoth(from, to, amount);
                if (outcome != null) {
                    return outcome;
                }
                if (System.nanoTime() - deadline > 0) {
                    return Outcome.GAVE_UP;
                }
                backOff();
            }
        }
    }

    /** One round: both locks tried without waiting; the outcome, or null if a lock was taken (none is kept). */
    static Outcome tryBoth(Account from, Account to, long amount) {
        if (!from.lock().tryLock()) {
            return null;
        }
        try {
            if (from == to) {
                return move(from, to, amount);
            }
            if (!to.lock().tryLock()) {
                return null;
            }
            try {
                return move(from, to, amount);
            } finally {
                to.lock().unlock();
            }
        } finally {
            from.lock().unlock();
        }
    }

    /**
     * The back-off's InterruptedException caught and ignored ("a short sleep, nothing to handle"):
     * an interrupted transfer does not stop, it keeps trying until its timeout, and the interrupt is
     * lost, so the caller that wanted to cancel it never learns.
     */
    static final class SwallowsTheInterrupt implements TimedTransfer {
        public Outcome transfer(Account from, Account to, long amount, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                if (from.lock().tryLock()) {
                    try {
                        if (from == to) {
                            return move(from, to, amount);
                        }
                        if (to.lock().tryLock()) {
                            try {
                                return move(from, to, amount);
                            } finally {
                                to.lock().unlock();
                            }
                        }
                    } finally {
                        from.lock().unlock();
                    }
                }
                if (System.nanoTime() - deadline > 0) {
                    return Outcome.GAVE_UP;
                }
                try {
                    backOff();
                } catch (InterruptedException ignored) {
                    // keep trying
                }
            }
        }
    }

    /**
     * The target waited for in a timed tryLock of 5 ms while the source is held, and that wait
     * outside the try: interrupted there, it throws with the source still locked, for good.
     */
    static final class TimedWaitOutsideTheTry implements TimedTransfer {
        public Outcome transfer(Account from, Account to, long amount, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                if (from.lock().tryLock()) {
                    if (from == to) {
                        try {
                            return move(from, to, amount);
                        } finally {
                            from.lock().unlock();
                        }
                    }
                    boolean both = to.lock().tryLock(5, TimeUnit.MILLISECONDS);
                    try {
                        if (both) {
                            return move(from, to, amount);
                        }
                    } finally {
                        if (both) {
                            to.lock().unlock();
                        }
                        from.lock().unlock();
                    }
                }
                if (System.nanoTime() - deadline >= 0) {
                    return Outcome.GAVE_UP;
                }
                backOff();
            }
        }
    }

    /**
     * The deadline kept in a field, for the helper methods: one transfer object serves every
     * thread, so a call that starts later moves every other call's deadline to its own (a long
     * wait cut short by a short call, a short one stretched by a long call).
     */
    static final class DeadlineInAField implements TimedTransfer {
        private long deadline;

        public Outcome transfer(Account from, Account to, long amount, Duration timeout) throws InterruptedException {
            deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                Outcome outcome = tryOnce(from, to, amount);
                if (outcome != null) {
                    return outcome;
                }
                if (System.nanoTime() - deadline >= 0) {
                    return Outcome.GAVE_UP;
                }
                backOff();
            }
        }

        private static Outcome tryOnce(Account from, Account to, long amount) {
            if (!from.lock().tryLock()) {
                return null;
            }
            try {
                if (from == to) {
                    return move(from, to, amount);
                }
                if (!to.lock().tryLock()) {
                    return null;
                }
                try {
                    return move(from, to, amount);
                } finally {
                    to.lock().unlock();
                }
            } finally {
                from.lock().unlock();
            }
        }
    }

    /**
     * The reference solution's loop in a synchronized method "to be safe": while one call waits
     * for a busy account, every other call waits for the monitor, with no limit, past its own
     * timeout, even one whose accounts are free.
     */
    static final class SynchronizedTransfer implements TimedTransfer {
        private final Solution inner = new Solution();

        public synchronized Outcome transfer(Account from, Account to, long amount, Duration timeout)
                throws InterruptedException {
            return inner.transfer(from, to, amount, timeout);
        }
    }

    /** A transfer to itself needs one lock, so it tries it once: a busy account means GAVE_UP at once, with all its time left. */
    static final class SelfTransferTriesOnce implements TimedTransfer {
        public Outcome transfer(Account from, Account to, long amount, Duration timeout) throws InterruptedException {
            if (from != to) {
                return new Solution().transfer(from, to, amount, timeout);
            }
            if (!from.lock().tryLock()) {
                return Outcome.GAVE_UP;
            }
            try {
                return move(from, to, amount);
            } finally {
                from.lock().unlock();
            }
        }
    }

    // ---- right ----

    /**
     * One lock at a time: the source's lock to check and withdraw, then the target's to deposit,
     * each tried until the deadline; if the target's never comes, the money goes back to the
     * source. It never holds one lock while it waits for another, but between the two the money
     * is in neither account.
     */
    static final class OneLockAtATime implements TimedTransfer {
        public Outcome transfer(Account from, Account to, long amount, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            if (!tryUntil(from, deadline)) {
                return Outcome.GAVE_UP;
            }
            try {
                if (from.balance() < amount) {
                    return Outcome.INSUFFICIENT_FUNDS;
                }
                if (from == to) {
                    return Outcome.DONE;
                }
                from.setBalance(from.balance() - amount);
            } finally {
                from.lock().unlock();
            }
            Account payee = tryUntil(to, deadline) ? to : from;   // no target in time: pay it back
            if (payee == from) {
                from.lock().lockInterruptibly();
            }
            try {
                payee.setBalance(payee.balance() + amount);
                return payee == to ? Outcome.DONE : Outcome.GAVE_UP;
            } finally {
                payee.lock().unlock();
            }
        }

        private static boolean tryUntil(Account account, long deadline) throws InterruptedException {
            while (!account.lock().tryLock()) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                TimeUnit.MICROSECONDS.sleep(ThreadLocalRandom.current().nextLong(50, 500));
            }
            return true;
        }
    }

    /** The reference solution's idea, written again: tryLock both, release, random sleep, deadline. */
    static final class Solution implements TimedTransfer {
        public Outcome transfer(Account from, Account to, long amount, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                if (from.lock().tryLock()) {
                    try {
                        if (from == to) {
                            return move(from, to, amount);
                        }
                        if (to.lock().tryLock()) {
                            try {
                                return move(from, to, amount);
                            } finally {
                                to.lock().unlock();
                            }
                        }
                    } finally {
                        from.lock().unlock();
                    }
                }
                if (System.nanoTime() - deadline > 0) {
                    return Outcome.GAVE_UP;
                }
                backOff();
            }
        }
    }

    /** Timed tryLocks of a few milliseconds, then a random sleep before the next round. */
    static final class TimedTriesWithBackOff implements TimedTransfer {
        public Outcome transfer(Account from, Account to, long amount, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            do {
                if (from.lock().tryLock(2, TimeUnit.MILLISECONDS)) {
                    try {
                        if (from == to) {
                            return move(from, to, amount);
                        }
                        if (to.lock().tryLock(2, TimeUnit.MILLISECONDS)) {
                            try {
                                return move(from, to, amount);
                            } finally {
                                to.lock().unlock();
                            }
                        }
                    } finally {
                        from.lock().unlock();
                    }
                }
                backOff();
            } while (System.nanoTime() < deadline);
            return Outcome.GAVE_UP;
        }
    }

    /** Lock order by id, each lock with a timed tryLock for the time left: no cycle, so no back-off needed. */
    static final class OrderedWithTimeouts implements TimedTransfer {
        public Outcome transfer(Account from, Account to, long amount, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            Account first = from.id() <= to.id() ? from : to;
            Account second = first == from ? to : from;
            if (!first.lock().tryLock(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                return Outcome.GAVE_UP;
            }
            try {
                if (first == second) {
                    return move(from, to, amount);
                }
                if (!second.lock().tryLock(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                    return Outcome.GAVE_UP;
                }
                try {
                    return move(from, to, amount);
                } finally {
                    second.lock().unlock();
                }
            } finally {
                first.lock().unlock();
            }
        }
    }

    /**
     * The deadline an Instant, the back-off LockSupport.parkNanos (which throws nothing), and the
     * interrupt looked at by hand after each pause.
     */
    static final class ParksAndChecksTheInterrupt implements TimedTransfer {
        public Outcome transfer(Account from, Account to, long amount, Duration timeout) throws InterruptedException {
            java.time.Instant deadline = java.time.Instant.now().plus(timeout);
            while (true) {
                if (from.lock().tryLock()) {
                    try {
                        if (from == to) {
                            return move(from, to, amount);
                        }
                        if (to.lock().tryLock()) {
                            try {
                                return move(from, to, amount);
                            } finally {
                                to.lock().unlock();
                            }
                        }
                    } finally {
                        from.lock().unlock();
                    }
                }
                Duration left = Duration.between(java.time.Instant.now(), deadline);
                if (left.isNegative() || left.isZero()) {
                    return Outcome.GAVE_UP;
                }
                java.util.concurrent.locks.LockSupport.parkNanos(
                        Math.min(left.toNanos(), ThreadLocalRandom.current().nextLong(50_000, 2_000_000)));
                if (Thread.interrupted()) {
                    throw new InterruptedException("interrupted while backing off");
                }
            }
        }
    }

    /**
     * A teller of one permit, for taking locks only, waited for with the time left; then the
     * accounts in id order, each in a timed tryLock for the time left. A call that cannot have the
     * teller in time gives up at its own timeout.
     */
    static final class TellerThenIdOrder implements TimedTransfer {
        private static final java.util.concurrent.Semaphore TELLER = new java.util.concurrent.Semaphore(1, true);

        public Outcome transfer(Account from, Account to, long amount, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            Account first = from.id() <= to.id() ? from : to;
            Account second = first == from ? to : from;
            if (!TELLER.tryAcquire(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                return Outcome.GAVE_UP;
            }
            boolean firstHeld = false;
            boolean bothHeld = false;
            try {
                firstHeld = first.lock().tryLock(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                bothHeld = firstHeld && (first == second
                        || second.lock().tryLock(deadline - System.nanoTime(), TimeUnit.NANOSECONDS));
            } finally {
                TELLER.release();
                if (firstHeld && !bothHeld) {
                    first.lock().unlock();
                }
            }
            if (!bothHeld) {
                return Outcome.GAVE_UP;
            }
            try {
                return move(from, to, amount);
            } finally {
                if (second != first) {
                    second.lock().unlock();
                }
                first.lock().unlock();
            }
        }
    }

    /** Exponential back-off with full jitter: a random pause up to a cap that doubles each round, never past the deadline. */
    static final class DoublingJitter implements TimedTransfer {
        public Outcome transfer(Account from, Account to, long amount, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            long cap = 20_000;
            for (;;) {
                if (from.lock().tryLock()) {
                    try {
                        if (from == to) {
                            return move(from, to, amount);
                        }
                        if (to.lock().tryLock()) {
                            try {
                                return move(from, to, amount);
                            } finally {
                                to.lock().unlock();
                            }
                        }
                    } finally {
                        from.lock().unlock();
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return Outcome.GAVE_UP;
                }
                TimeUnit.NANOSECONDS.sleep(Math.min(left, ThreadLocalRandom.current().nextLong(cap) + 1));
                cap = Math.min(cap * 2, 5_000_000);
            }
        }
    }
}
