package course.deadlock.exercises;

import course.deadlock.Account;
import course.deadlock.Transfer;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/** Answers a learner might give to exercise deadlock.ordered, right and wrong, for {@code TransferCheckIT}. */
final class TransferAnswers {

    private TransferAnswers() {
    }

    /** Check and move, for answers whose mistake lies elsewhere. */
    static boolean move(Account from, Account to, long amount) {
        if (from.balance() < amount) {
            return false;
        }
        if (from != to) {
            from.setBalance(from.balance() - amount);
            to.setBalance(to.balance() + amount);
        }
        return true;
    }

    /** Takes {@code first}'s lock, then {@code second}'s (once if the same), then checks and moves. */
    static boolean inOrder(Account first, Account second, Account from, Account to, long amount)
            throws InterruptedException {
        first.lock().lockInterruptibly();
        try {
            if (first == second) {
                return move(from, to, amount);
            }
            second.lock().lockInterruptibly();
            try {
                return move(from, to, amount);
            } finally {
                second.lock().unlock();
            }
        } finally {
            first.lock().unlock();
        }
    }

    // ---- wrong ----

    /** The starter: the source's lock first, whatever the direction (the article's unsafe transfer). */
    static final class ArgumentOrder implements Transfer {
        public boolean transfer(Account from, Account to, long amount) throws InterruptedException {
            if (from == to) {
                return inOrder(from, from, from, to, amount);
            }
            return inOrder(from, to, from, to, amount);
        }
    }

    /** The same mistake with monitors: synchronized on the source, then on the target. */
    static final class SynchronizedArgumentOrder implements Transfer {
        public boolean transfer(Account from, Account to, long amount) {
            synchronized (from) {
                synchronized (to) {
                    return move(from, to, amount);
                }
            }
        }
    }

    /** The target first: still the argument order, just the other way round. */
    static final class TargetFirst implements Transfer {
        public boolean transfer(Account from, Account to, long amount) throws InterruptedException {
            return inOrder(to, from, from, to, amount);
        }
    }

    /** Ordered by hashCode(), with no tie-breaker: equal hashes fall back to the argument order. */
    static final class HashCodeOrder implements Transfer {
        public boolean transfer(Account from, Account to, long amount) throws InterruptedException {
            if (from.hashCode() < to.hashCode()) {
                return inOrder(from, to, from, to, amount);
            }
            return inOrder(to, from, from, to, amount);
        }
    }

    /** Ordered by identityHashCode, with no tie-breaker. */
    static final class IdentityHashOrder implements Transfer {
        public boolean transfer(Account from, Account to, long amount) throws InterruptedException {
            boolean fromFirst = System.identityHashCode(from) <= System.identityHashCode(to);
            return fromFirst ? inOrder(from, to, from, to, amount) : inOrder(to, from, from, to, amount);
        }
    }

    /** Ordered by the identity hash of the lock objects, with no tie-breaker. */
    static final class LockIdentityHashOrder implements Transfer {
        public boolean transfer(Account from, Account to, long amount) throws InterruptedException {
            int f = System.identityHashCode(from.lock());
            int t = System.identityHashCode(to.lock());
            return f < t ? inOrder(from, to, from, to, amount) : inOrder(to, from, from, to, amount);
        }
    }

    /** Monitors ordered by identityHashCode, with no tie-breaker. */
    static final class SynchronizedIdentityHashOrder implements Transfer {
        public boolean transfer(Account from, Account to, long amount) {
            Account first = System.identityHashCode(from) < System.identityHashCode(to) ? from : to;
            Account second = first == from ? to : from;
            synchronized (first) {
                synchronized (second) {
                    return move(from, to, amount);
                }
            }
        }
    }

    /** The balance checked before the locks are taken. */
    static final class CheckBeforeLocking implements Transfer {
        public boolean transfer(Account from, Account to, long amount) throws InterruptedException {
            if (from.balance() < amount) {
                return false;
            }
            Account first = from.id() <= to.id() ? from : to;
            Account second = first == from ? to : from;
            first.lock().lockInterruptibly();
            try {
                if (first != second) {
                    second.lock().lockInterruptibly();
                }
                try {
                    if (from != to) {
                        from.setBalance(from.balance() - amount);
                        to.setBalance(to.balance() + amount);
                    }
                    return true;
                } finally {
                    if (first != second) {
                        second.lock().unlock();
                    }
                }
            } finally {
                first.lock().unlock();
            }
        }
    }

    /** Only the source is locked: nothing else touches the source, so surely that is enough? */
    static final class LocksOnlyTheSource implements Transfer {
        public boolean transfer(Account from, Account to, long amount) throws InterruptedException {
            from.lock().lockInterruptibly();
            try {
                return move(from, to, amount);
            } finally {
                from.lock().unlock();
            }
        }
    }

    /** Lower id first, but no thought for a transfer to itself: it asks for its own lock twice. */
    static final class SelfTransferLocksTwice implements Transfer {
        public boolean transfer(Account from, Account to, long amount) throws InterruptedException {
            Account first = from.id() <= to.id() ? from : to;
            Account second = first == from ? to : from;
            first.lock().lockInterruptibly();
            try {
                second.lock().lockInterruptibly();
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

    /** Reads both balances, then writes both: from == to counts the amount twice. */
    static final class SelfTransferDoubleCounts implements Transfer {
        public boolean transfer(Account from, Account to, long amount) throws InterruptedException {
            Account first = from.id() <= to.id() ? from : to;
            Account second = first == from ? to : from;
            first.lock().lockInterruptibly();
            try {
                if (second != first) {
                    second.lock().lockInterruptibly();
                }
                try {
                    long fromBalance = from.balance();
                    long toBalance = to.balance();
                    if (fromBalance < amount) {
                        return false;
                    }
                    from.setBalance(fromBalance - amount);
                    to.setBalance(toBalance + amount);
                    return true;
                } finally {
                    if (second != first) {
                        second.lock().unlock();
                    }
                }
            } finally {
                first.lock().unlock();
            }
        }
    }

    /** From == to treated as a no-op success, without looking at the balance. */
    static final class SelfTransferAlwaysSucceeds implements Transfer {
        public boolean transfer(Account from, Account to, long amount) throws InterruptedException {
            if (from == to) {
                return true;
            }
            return new OrderedById().transfer(from, to, amount);
        }
    }

    /** Refuses without unlocking: no finally, and the early return skips the unlocks. */
    static final class RefusalKeepsTheLocks implements Transfer {
        public boolean transfer(Account from, Account to, long amount) throws InterruptedException {
            Account first = from.id() <= to.id() ? from : to;
            Account second = first == from ? to : from;
            first.lock().lockInterruptibly();
            if (second != first) {
                second.lock().lockInterruptibly();
            }
            if (from.balance() < amount) {
                return false;
            }
            if (from != to) {
                from.setBalance(from.balance() - amount);
                to.setBalance(to.balance() + amount);
            }
            if (second != first) {
                second.lock().unlock();
            }
            first.lock().unlock();
            return true;
        }
    }

    /** tryLock both and retry at once, no back-off: two opposite transfers can collide forever. */
    static final class TryLockNoBackOff implements Transfer {
        public boolean transfer(Account from, Account to, long amount) {
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
                Thread.onSpinWait();
            }
        }
    }

    /** tryLock on the second lock, but a failure keeps the first: the next try of the first can never succeed. */
    static final class TryLockKeepsTheFirst implements Transfer {
        public boolean transfer(Account from, Account to, long amount) throws InterruptedException {
            while (true) {
                if (from.lock().tryLock()) {
                    if (from == to) {
                        try {
                            return move(from, to, amount);
                        } finally {
                            from.lock().unlock();
                        }
                    }
                    if (to.lock().tryLock()) {
                        try {
                            return move(from, to, amount);
                        } finally {
                            to.lock().unlock();
                            from.lock().unlock();
                        }
                    }
                }
                TimeUnit.MICROSECONDS.sleep(ThreadLocalRandom.current().nextLong(50, 500));
            }
        }
    }

    /**
     * One lock at a time: the source's lock for the check and the withdrawal, then the target's for
     * the deposit. It can never deadlock (it never holds one lock while it waits for another), but
     * between the two the money is in neither account, and another transfer can see that.
     */
    static final class OneLockAtATime implements Transfer {
        public boolean transfer(Account from, Account to, long amount) throws InterruptedException {
            from.lock().lockInterruptibly();
            try {
                if (from.balance() < amount) {
                    return false;
                }
                if (from == to) {
                    return true;
                }
                from.setBalance(from.balance() - amount);
            } finally {
                from.lock().unlock();
            }
            to.lock().lockInterruptibly();
            try {
                to.setBalance(to.balance() + amount);
                return true;
            } finally {
                to.lock().unlock();
            }
        }
    }

    /** One lock at a time the other way round: the deposit first, then the check, and a refund if it failed. */
    static final class DepositThenCheck implements Transfer {
        public boolean transfer(Account from, Account to, long amount) throws InterruptedException {
            if (from == to) {
                return inOrder(from, from, from, to, amount);
            }
            to.lock().lockInterruptibly();
            try {
                to.setBalance(to.balance() + amount);
            } finally {
                to.lock().unlock();
            }
            from.lock().lockInterruptibly();
            boolean covered;
            try {
                covered = from.balance() >= amount;
                if (covered) {
                    from.setBalance(from.balance() - amount);
                }
            } finally {
                from.lock().unlock();
            }
            if (!covered) {
                to.lock().lockInterruptibly();
                try {
                    to.setBalance(to.balance() - amount);
                } finally {
                    to.lock().unlock();
                }
            }
            return covered;
        }
    }

    /** A home-made lock: wait until nobody is busy, then say busy. The look and the claim are two steps. */
    static final class HomeMadeFlagLock implements Transfer {
        private static volatile boolean busy;

        public boolean transfer(Account from, Account to, long amount) {
            while (busy) {
                Thread.onSpinWait();
            }
            busy = true;
            try {
                return move(from, to, amount);
            } finally {
                busy = false;
            }
        }
    }

    /** One bank-wide monitor, but each transfer replaces it: the next transfer locks a different object. */
    static final class ReplacedBankLock implements Transfer {
        private static Object bank = new Object();

        public boolean transfer(Account from, Account to, long amount) {
            synchronized (bank) {
                bank = new Object();
                return move(from, to, amount);
            }
        }
    }

    /** The source's balance read before the locks, and used inside them to check and to write. */
    static final class BalanceReadBeforeTheLocks implements Transfer {
        public boolean transfer(Account from, Account to, long amount) throws InterruptedException {
            long fromBalance = from.balance();
            Account first = from.id() <= to.id() ? from : to;
            Account second = first == from ? to : from;
            first.lock().lockInterruptibly();
            try {
                if (first != second) {
                    second.lock().lockInterruptibly();
                }
                try {
                    if (fromBalance < amount) {
                        return false;
                    }
                    if (from != to) {
                        from.setBalance(fromBalance - amount);
                        to.setBalance(to.balance() + amount);
                    }
                    return true;
                } finally {
                    if (first != second) {
                        second.lock().unlock();
                    }
                }
            } finally {
                first.lock().unlock();
            }
        }
    }

    /**
     * Ordered by id, but the locks taken in a loop before the try: interrupted while it waits for
     * the second, it leaves with the first still held, and that account stays locked for good.
     */
    static final class LocksBeforeTheTry implements Transfer {
        public boolean transfer(Account from, Account to, long amount) throws InterruptedException {
            List<Account> order = Stream.of(from, to).distinct().sorted(Comparator.comparingInt(Account::id)).toList();
            for (Account account : order) {
                account.lock().lockInterruptibly();
            }
            try {
                return move(from, to, amount);
            } finally {
                for (Account account : order.reversed()) {
                    account.lock().unlock();
                }
            }
        }
    }

    /**
     * Ordered by id, each lock waited for at most 100 ms "so nothing can hang", and a lock still
     * taken then answered with false: a transfer that only met a busy account says the balance did
     * not cover the amount, and moves nothing.
     */
    static final class BusyMeansNo implements Transfer {
        public boolean transfer(Account from, Account to, long amount) throws InterruptedException {
            Account first = from.id() <= to.id() ? from : to;
            Account second = first == from ? to : from;
            if (!first.lock().tryLock(100, TimeUnit.MILLISECONDS)) {
                return false;
            }
            try {
                if (first == second) {
                    return move(from, to, amount);
                }
                if (!second.lock().tryLock(100, TimeUnit.MILLISECONDS)) {
                    return false;
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
     * Ordered by id, but the InterruptedException of the second wait caught and the transfer gone on
     * as if it had the lock: it moves money without the target's lock, and its unlock() of a lock it
     * does not hold throws; the caller never learns it was interrupted.
     */
    static final class SwallowsTheInterrupt implements Transfer {
        public boolean transfer(Account from, Account to, long amount) throws InterruptedException {
            Account first = from.id() <= to.id() ? from : to;
            Account second = first == from ? to : from;
            first.lock().lockInterruptibly();
            try {
                if (first == second) {
                    return move(from, to, amount);
                }
                try {
                    second.lock().lockInterruptibly();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
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
     * Ordered by a comparator that subtracts the ids: {@code a.id() - b.id()} overflows for ids far
     * apart, and the "order" goes round: -2,000,000,000 before 0, 0 before 2,000,000,000, and
     * 2,000,000,000 before -2,000,000,000. Three transfers round that ring each take their first lock
     * and wait for the next one's. Every pair of accounts alone is in one order, so two transfers never
     * meet this.
     */
    static final class SubtractedIds implements Transfer {
        private static final Comparator<Account> BY_ID = (a, b) -> a.id() - b.id();

        public boolean transfer(Account from, Account to, long amount) throws InterruptedException {
            return BY_ID.compare(from, to) <= 0 ? inOrder(from, to, from, to, amount) : inOrder(to, from, from, to, amount);
        }
    }

    /**
     * The poorer account first, ties by id: an order, but one read from balances that other transfers
     * change. 1 -> 2 decides "1 first" while 1 is the poorer; another transfer then makes 2 the poorer,
     * and 2 -> 1 decides "2 first": opposite orders, each can hold one lock and wait for the other.
     */
    static final class PoorerFirst implements Transfer {
        public boolean transfer(Account from, Account to, long amount) throws InterruptedException {
            boolean fromFirst = from.balance() < to.balance()
                    || from.balance() == to.balance() && from.id() <= to.id();
            return fromFirst ? inOrder(from, to, from, to, amount) : inOrder(to, from, from, to, amount);
        }
    }

    // ---- right ----

    /** The article's fix, written with a comparator over the two accounts; it unlocks what it took. */
    static final class OrderedById implements Transfer {
        public boolean transfer(Account from, Account to, long amount) throws InterruptedException {
            List<Account> order = Stream.of(from, to).distinct().sorted(Comparator.comparingInt(Account::id)).toList();
            int taken = 0;
            try {
                for (Account account : order) {
                    account.lock().lockInterruptibly();
                    taken++;
                }
                return move(from, to, amount);
            } finally {
                for (int i = taken - 1; i >= 0; i--) {
                    order.get(i).lock().unlock();
                }
            }
        }
    }

    /** Ordered by the ids as text ("10" before "9"): not numeric, but one order for every transfer. */
    static final class OrderedByIdAsText implements Transfer {
        public boolean transfer(Account from, Account to, long amount) throws InterruptedException {
            boolean fromFirst = String.valueOf(from.id()).compareTo(String.valueOf(to.id())) <= 0;
            return fromFirst ? inOrder(from, to, from, to, amount) : inOrder(to, from, from, to, amount);
        }
    }

    /** One lock for the whole bank (the GIL's answer); the accounts' locks are never used. */
    static final class GlobalLock implements Transfer {
        private static final Object BANK = new Object();

        public boolean transfer(Account from, Account to, long amount) {
            synchronized (BANK) {
                return move(from, to, amount);
            }
        }
    }

    /** A global ReentrantLock first, then the two account locks in argument order: the global lock keeps them apart. */
    static final class GlobalThenArgumentOrder implements Transfer {
        private static final Lock BANK = new ReentrantLock();

        public boolean transfer(Account from, Account to, long amount) throws InterruptedException {
            BANK.lockInterruptibly();
            try {
                return inOrder(from, to, from, to, amount);
            } finally {
                BANK.unlock();
            }
        }
    }

    /** Ordered by identityHashCode, and a tie takes a tie-breaker lock first. */
    static final class IdentityHashWithTieBreaker implements Transfer {
        private static final Object TIE = new Object();

        public boolean transfer(Account from, Account to, long amount) throws InterruptedException {
            int f = System.identityHashCode(from);
            int t = System.identityHashCode(to);
            if (f < t) {
                return inOrder(from, to, from, to, amount);
            }
            if (f > t) {
                return inOrder(to, from, from, to, amount);
            }
            synchronized (TIE) {
                return inOrder(from, to, from, to, amount);
            }
        }
    }

    /** Monitors on the account objects, ordered by id. */
    static final class SynchronizedById implements Transfer {
        public boolean transfer(Account from, Account to, long amount) {
            Account first = from.id() <= to.id() ? from : to;
            Account second = first == from ? to : from;
            synchronized (first) {
                synchronized (second) {
                    return move(from, to, amount);
                }
            }
        }
    }

    /**
     * Both locks in id order; moves the money first, and moves it back if the source is overdrawn.
     * The balance dips below zero only while both locks are held: no other transfer can see it.
     */
    static final class MovesThenUndoes implements Transfer {
        public boolean transfer(Account from, Account to, long amount) throws InterruptedException {
            Account first = from.id() <= to.id() ? from : to;
            Account second = first == from ? to : from;
            first.lock().lockInterruptibly();
            try {
                if (first != second) {
                    second.lock().lockInterruptibly();
                }
                try {
                    if (from == to) {
                        return from.balance() >= amount;
                    }
                    from.setBalance(from.balance() - amount);
                    to.setBalance(to.balance() + amount);
                    if (from.balance() < 0) {                     // overdrawn: put it all back
                        from.setBalance(from.balance() + amount);
                        to.setBalance(to.balance() - amount);
                        return false;
                    }
                    return true;
                } finally {
                    if (first != second) {
                        second.lock().unlock();
                    }
                }
            } finally {
                first.lock().unlock();
            }
        }
    }

    /** tryLock both, release on failure, sleep a random moment, retry until done. */
    static final class TryLockWithBackOff implements Transfer {
        public boolean transfer(Account from, Account to, long amount) throws InterruptedException {
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
                TimeUnit.MICROSECONDS.sleep(ThreadLocalRandom.current().nextLong(20, 1000));
            }
        }
    }
    /** A home-made bank-wide spin lock that claims with compareAndSet: the look and the claim are one step. */
    static final class CasSpinLock implements Transfer {
        private static final java.util.concurrent.atomic.AtomicBoolean BUSY = new java.util.concurrent.atomic.AtomicBoolean();

        public boolean transfer(Account from, Account to, long amount) {
            while (!BUSY.compareAndSet(false, true)) {
                Thread.onSpinWait();
            }
            try {
                return move(from, to, amount);
            } finally {
                BUSY.set(false);
            }
        }
    }

    /** A bank-wide semaphore with one permit. */
    static final class OnePermit implements Transfer {
        private static final java.util.concurrent.Semaphore PERMIT = new java.util.concurrent.Semaphore(1);

        public boolean transfer(Account from, Account to, long amount) throws InterruptedException {
            PERMIT.acquire();
            try {
                return move(from, to, amount);
            } finally {
                PERMIT.release();
            }
        }
    }

    /**
     * A gate held only while the two locks are taken (in argument order): whoever waits for an
     * account's lock holds the gate, and every other holder of an account lock already has all it
     * needs, so no ring can form.
     */
    static final class GateWhileLocking implements Transfer {
        private static final ReentrantLock GATE = new ReentrantLock();

        public boolean transfer(Account from, Account to, long amount) throws InterruptedException {
            GATE.lockInterruptibly();
            try {
                from.lock().lockInterruptibly();
                if (to != from) {
                    try {
                        to.lock().lockInterruptibly();
                    } catch (InterruptedException e) {
                        from.lock().unlock();
                        throw e;
                    }
                }
            } finally {
                GATE.unlock();
            }
            try {
                return move(from, to, amount);
            } finally {
                if (to != from) {
                    to.lock().unlock();
                }
                from.lock().unlock();
            }
        }
    }

    /** Id order by Integer.compare, each lock spun for with tryLock(): never interruptible, never in a circle. */
    static final class SpinsInIdOrder implements Transfer {
        public boolean transfer(Account from, Account to, long amount) {
            Account first = Integer.compare(from.id(), to.id()) <= 0 ? from : to;
            Account second = first == from ? to : from;
            spin(first);
            try {
                if (second != first) {
                    spin(second);
                }
                try {
                    return move(from, to, amount);
                } finally {
                    if (second != first) {
                        second.lock().unlock();
                    }
                }
            } finally {
                first.lock().unlock();
            }
        }

        private static void spin(Account account) {
            while (!account.lock().tryLock()) {
                Thread.onSpinWait();
            }
        }
    }
}
