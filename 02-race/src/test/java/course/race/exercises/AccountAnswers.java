package course.race.exercises;

import course.race.BankAccount;
import course.race.Vault;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.StampedLock;

/** Answers a learner might give to exercise race.withdraw, right and wrong, for {@code AccountCheckIT}. */
final class AccountAnswers {

    private AccountAnswers() {
    }

    // ---- wrong ----

    /** The starter: check, then act, nothing in between kept out. */
    static final class CheckThenAct implements BankAccount {
        private final Vault vault;
        CheckThenAct(Vault vault) { this.vault = vault; }
        public boolean withdraw(long amount) {
            if (vault.balance() >= amount) {
                vault.setBalance(vault.balance() - amount);
                return true;
            }
            return false;
        }
        public long balance() { return vault.balance(); }
    }

    /** A new lock object per call keeps nobody out. */
    static final class SynchronizedOnNewObject implements BankAccount {
        private final Vault vault;
        SynchronizedOnNewObject(Vault vault) { this.vault = vault; }
        public boolean withdraw(long amount) {
            synchronized (new Object()) {
                long balance = vault.balance();
                if (balance < amount) {
                    return false;
                }
                vault.setBalance(balance - amount);
                return true;
            }
        }
        public long balance() { return vault.balance(); }
    }

    /** A new ReentrantLock per call: the same mistake with another lock. */
    static final class NewReentrantLockPerCall implements BankAccount {
        private final Vault vault;
        NewReentrantLockPerCall(Vault vault) { this.vault = vault; }
        public boolean withdraw(long amount) {
            ReentrantLock lock = new ReentrantLock();
            lock.lock();
            try {
                long balance = vault.balance();
                if (balance < amount) {
                    return false;
                }
                vault.setBalance(balance - amount);
                return true;
            } finally {
                lock.unlock();
            }
        }
        public long balance() { return vault.balance(); }
    }

    /** The check outside the lock, the act inside: the check may be stale by the time the lock is held. */
    static final class CheckOutsideLock implements BankAccount {
        private final Vault vault;
        CheckOutsideLock(Vault vault) { this.vault = vault; }
        public boolean withdraw(long amount) {
            if (vault.balance() < amount) {
                return false;
            }
            synchronized (this) {
                vault.setBalance(vault.balance() - amount);
                return true;
            }
        }
        public long balance() { return vault.balance(); }
    }

    /** The check inside the lock, the act after it: the lock is released between the two. */
    static final class LockedCheckUnlockedAct implements BankAccount {
        private final Vault vault;
        LockedCheckUnlockedAct(Vault vault) { this.vault = vault; }
        public boolean withdraw(long amount) {
            boolean enough;
            synchronized (this) {
                enough = vault.balance() >= amount;
            }
            if (enough) {
                vault.setBalance(vault.balance() - amount);
            }
            return enough;
        }
        public long balance() { return vault.balance(); }
    }

    /** Reads under one lock, writes under another: two locks keep nothing apart. */
    static final class SeparateReadAndWriteLocks implements BankAccount {
        private final Vault vault;
        private final Object readLock = new Object();
        private final Object writeLock = new Object();
        SeparateReadAndWriteLocks(Vault vault) { this.vault = vault; }
        public boolean withdraw(long amount) {
            long balance;
            synchronized (readLock) {
                balance = vault.balance();
            }
            if (balance < amount) {
                return false;
            }
            synchronized (writeLock) {
                vault.setBalance(balance - amount);
            }
            return true;
        }
        public long balance() { return vault.balance(); }
    }

    /** A home-made lock on a volatile flag: two threads can both see it free before either sets it. */
    static final class VolatileFlagLock implements BankAccount {
        private final Vault vault;
        private volatile boolean busy;
        VolatileFlagLock(Vault vault) { this.vault = vault; }
        public boolean withdraw(long amount) {
            while (busy) {
                Thread.onSpinWait();
            }
            busy = true;
            try {
                long balance = vault.balance();
                if (balance < amount) {
                    return false;
                }
                vault.setBalance(balance - amount);
                return true;
            } finally {
                busy = false;
            }
        }
        public long balance() { return vault.balance(); }
    }

    /** The lock object is replaced inside the lock: the next caller locks a different object. */
    static final class LockReplacedInside implements BankAccount {
        private final Vault vault;
        private Object lock = new Object();
        LockReplacedInside(Vault vault) { this.vault = vault; }
        public boolean withdraw(long amount) {
            synchronized (lock) {
                lock = new Object();
                long balance = vault.balance();
                if (balance < amount) {
                    return false;
                }
                vault.setBalance(balance - amount);
                return true;
            }
        }
        public long balance() { return vault.balance(); }
    }

    /** Large and small withdrawals under different locks: two locks guarding one balance. */
    static final class LockPerSize implements BankAccount {
        private final Vault vault;
        private final Object largeLock = new Object();
        private final Object smallLock = new Object();
        LockPerSize(Vault vault) { this.vault = vault; }
        public boolean withdraw(long amount) {
            synchronized (amount >= 50 ? largeLock : smallLock) {
                long balance = vault.balance();
                if (balance < amount) {
                    return false;
                }
                vault.setBalance(balance - amount);
                return true;
            }
        }
        public long balance() { return vault.balance(); }
    }

    /** A read lock for withdrawals: read locks are shared, so withdrawals still run together. */
    static final class ReadLockForWithdrawals implements BankAccount {
        private final Vault vault;
        private final java.util.concurrent.locks.ReadWriteLock lock = new java.util.concurrent.locks.ReentrantReadWriteLock();
        ReadLockForWithdrawals(Vault vault) { this.vault = vault; }
        public boolean withdraw(long amount) {
            lock.readLock().lock();
            try {
                long balance = vault.balance();
                if (balance < amount) {
                    return false;
                }
                vault.setBalance(balance - amount);
                return true;
            } finally {
                lock.readLock().unlock();
            }
        }
        public long balance() { return vault.balance(); }
    }

    /** tryLock and give up when busy: safe, but refuses money that is there. */
    static final class TryLockGivesUp implements BankAccount {
        private final Vault vault;
        private final ReentrantLock lock = new ReentrantLock();
        TryLockGivesUp(Vault vault) { this.vault = vault; }
        public boolean withdraw(long amount) {
            if (!lock.tryLock()) {
                return false;
            }
            try {
                long balance = vault.balance();
                if (balance < amount) {
                    return false;
                }
                vault.setBalance(balance - amount);
                return true;
            } finally {
                lock.unlock();
            }
        }
        public long balance() { return vault.balance(); }
    }

    /**
     * Locks the balance it read, boxed: small equal balances share one cached Long, so two
     * withdrawals from 100 lock the same object; from 1,000,000 every read makes a new Long, and
     * nobody is kept out.
     */
    @SuppressWarnings({"synchronization", "identity"}) // javac rightly warns: this is the wrong answer
    static final class LockOnBoxedBalance implements BankAccount {
        private final Vault vault;
        LockOnBoxedBalance(Vault vault) { this.vault = vault; }
        public boolean withdraw(long amount) {
            Long balance = vault.balance();
            synchronized (balance) {
                if (vault.balance() < amount) {
                    return false;
                }
                vault.setBalance(vault.balance() - amount);
                return true;
            }
        }
        public long balance() { return vault.balance(); }
    }

    /**
     * A spin lock that gives up after 1000 spins and withdraws unlocked: the model checker never
     * lets a spin run out, a withdrawal stalled in a slow vault does.
     */
    static final class SpinGivesUp implements BankAccount {
        private final Vault vault;
        private final AtomicBoolean busy = new AtomicBoolean();
        SpinGivesUp(Vault vault) { this.vault = vault; }
        public boolean withdraw(long amount) {
            for (int spins = 0; spins < 1000 && !busy.compareAndSet(false, true); spins++) {
                Thread.onSpinWait();
            }
            try {
                long balance = vault.balance();
                if (balance < amount) {
                    return false;
                }
                vault.setBalance(balance - amount);
                return true;
            } finally {
                busy.set(false);
            }
        }
        public long balance() { return vault.balance(); }
    }

    /** tryLock with a timeout: safe, but when the holder takes longer than that, it refuses money that is there. */
    static final class TimedTryLockGivesUp implements BankAccount {
        private final Vault vault;
        private final ReentrantLock lock = new ReentrantLock();
        TimedTryLockGivesUp(Vault vault) { this.vault = vault; }
        public boolean withdraw(long amount) {
            try {
                if (!lock.tryLock(1, TimeUnit.MILLISECONDS)) {
                    return false;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            try {
                long balance = vault.balance();
                if (balance < amount) {
                    return false;
                }
                vault.setBalance(balance - amount);
                return true;
            } finally {
                lock.unlock();
            }
        }
        public long balance() { return vault.balance(); }
    }

    /**
     * Optimistic: read, then write under the lock if the balance is unchanged; after two tries
     * it says no. A thread whose tries are both overtaken by another's withdrawals refuses money
     * that is there.
     */
    static final class OptimisticRetriesTwice implements BankAccount {
        private final Vault vault;
        private final Object lock = new Object();
        OptimisticRetriesTwice(Vault vault) { this.vault = vault; }
        public boolean withdraw(long amount) {
            for (int attempt = 0; attempt < 2; attempt++) {
                long seen = vault.balance();
                if (seen < amount) {
                    return false;
                }
                synchronized (lock) {
                    if (vault.balance() == seen) {
                        vault.setBalance(seen - amount);
                        return true;
                    }
                }
            }
            return false; // "too busy"
        }
        public long balance() { return vault.balance(); }
    }

    /** A lock per thread, from a ThreadLocal: every thread has its own, so nobody is kept out. */
    static final class ThreadLocalLock implements BankAccount {
        private final Vault vault;
        private final ThreadLocal<ReentrantLock> lock = ThreadLocal.withInitial(ReentrantLock::new);
        ThreadLocalLock(Vault vault) { this.vault = vault; }
        public boolean withdraw(long amount) {
            ReentrantLock mine = lock.get();
            mine.lock();
            try {
                long balance = vault.balance();
                if (balance < amount) {
                    return false;
                }
                vault.setBalance(balance - amount);
                return true;
            } finally {
                mine.unlock();
            }
        }
        public long balance() { return vault.balance(); }
    }

    /** lock() ... unlock() on the success path only: a refusal returns with the lock still held.
     * Broken: after a refused withdrawal on one thread, any withdrawal on another thread waits for ever
     * (the refusing thread itself gets in again: the lock is reentrant). */
    static final class UnlockForgottenOnRefusal implements BankAccount {
        private final Vault vault;
        private final ReentrantLock lock = new ReentrantLock();
        UnlockForgottenOnRefusal(Vault vault) { this.vault = vault; }
        @Override public boolean withdraw(long amount) {
            lock.lock();
            long balance = vault.balance();
            if (balance < amount) {
                return false;
            }
            vault.setBalance(balance - amount);
            lock.unlock();
            return true;
        }
        @Override public long balance() { return vault.balance(); }
    }

    /** Optimistic compensation: take the money, and put it back if that went below zero. Broken: no lock,
     * so two withdrawals read the same balance and one write undoes the other; and the balance is below
     * zero for a while, and the put-back adds to a balance another withdrawal has changed. */
    static final class SubtractThenUndo implements BankAccount {
        private final Vault vault;
        SubtractThenUndo(Vault vault) { this.vault = vault; }
        @Override public boolean withdraw(long amount) {
            long after = vault.balance() - amount;
            vault.setBalance(after);
            if (after < 0) {
                vault.setBalance(vault.balance() + amount);
                return false;
            }
            return true;
        }
        @Override public long balance() { return vault.balance(); }
    }

    /** An atomic copy of the balance decides (a CAS loop: right there), the vault is written after.
     * Broken: the writes to the vault are not in the order of the CASes: 100 -> 60 by one, 60 -> 20 by
     * the other, which writes 20 first; the first then writes 60, and the vault holds 60. */
    static final class AtomicCopyThenVault implements BankAccount {
        private final Vault vault;
        private final AtomicLong copy;
        AtomicCopyThenVault(Vault vault) { this.vault = vault; this.copy = new AtomicLong(vault.balance()); }
        @Override public boolean withdraw(long amount) {
            while (true) {
                long balance = copy.get();
                if (balance < amount) return false;
                if (copy.compareAndSet(balance, balance - amount)) {
                    vault.setBalance(balance - amount);
                    return true;
                }
            }
        }
        @Override public long balance() { return copy.get(); }
    }

    /** Locks a per-call "key" string ("account-" + amount).intern(): equal amounts share a lock, so
     * "two withdrawals of the same amount are kept apart". Broken: withdrawals of different amounts
     * (60 and 40) take different locks and run together. */
    static final class LockPerAmountString implements BankAccount {
        private final Vault vault;
        LockPerAmountString(Vault vault) { this.vault = vault; }
        @Override public boolean withdraw(long amount) {
            synchronized (("account-" + amount).intern()) {
                long balance = vault.balance();
                if (balance < amount) return false;
                vault.setBalance(balance - amount);
                return true;
            }
        }
        @Override public long balance() { return vault.balance(); }
    }

    // ---- right ----

    static final class SynchronizedMethod implements BankAccount {
        private final Vault vault;
        SynchronizedMethod(Vault vault) { this.vault = vault; }
        public synchronized boolean withdraw(long amount) {
            long balance = vault.balance();
            if (balance < amount) {
                return false;
            }
            vault.setBalance(balance - amount);
            return true;
        }
        public synchronized long balance() { return vault.balance(); }
    }

    static final class ReentrantLockAccount implements BankAccount {
        private final Vault vault;
        private final ReentrantLock lock = new ReentrantLock();
        ReentrantLockAccount(Vault vault) { this.vault = vault; }
        public boolean withdraw(long amount) {
            lock.lock();
            try {
                if (vault.balance() < amount) {
                    return false;
                }
                vault.setBalance(vault.balance() - amount);
                return true;
            } finally {
                lock.unlock();
            }
        }
        public long balance() {
            lock.lock();
            try {
                return vault.balance();
            } finally {
                lock.unlock();
            }
        }
    }

    static final class SemaphoreAccount implements BankAccount {
        private final Vault vault;
        private final Semaphore permit = new Semaphore(1);
        SemaphoreAccount(Vault vault) { this.vault = vault; }
        public boolean withdraw(long amount) {
            permit.acquireUninterruptibly();
            try {
                long balance = vault.balance();
                if (balance < amount) {
                    return false;
                }
                vault.setBalance(balance - amount);
                return true;
            } finally {
                permit.release();
            }
        }
        public long balance() {
            permit.acquireUninterruptibly();
            try {
                return vault.balance();
            } finally {
                permit.release();
            }
        }
    }

    /** Locking the vault itself: fine, as long as every caller does. */
    static final class SynchronizedOnVault implements BankAccount {
        private final Vault vault;
        SynchronizedOnVault(Vault vault) { this.vault = vault; }
        public boolean withdraw(long amount) {
            synchronized (vault) {
                long balance = vault.balance();
                if (balance >= amount) {
                    vault.setBalance(balance - amount);
                    return true;
                }
                return false;
            }
        }
        public long balance() {
            synchronized (vault) {
                return vault.balance();
            }
        }
    }

    /** A home-made spin lock: correct, if wasteful; the check must not mistake slow for wrong. */
    static final class SpinLockAccount implements BankAccount {
        private final Vault vault;
        private final AtomicBoolean busy = new AtomicBoolean();
        SpinLockAccount(Vault vault) { this.vault = vault; }
        public boolean withdraw(long amount) {
            while (!busy.compareAndSet(false, true)) {
                Thread.onSpinWait();
            }
            try {
                long balance = vault.balance();
                if (balance < amount) {
                    return false;
                }
                vault.setBalance(balance - amount);
                return true;
            } finally {
                busy.set(false);
            }
        }
        public long balance() {
            while (!busy.compareAndSet(false, true)) {
                Thread.onSpinWait();
            }
            try {
                return vault.balance();
            } finally {
                busy.set(false);
            }
        }
    }

    /** A write lock, with a read lock for the balance: fine. */
    static final class WriteLockAccount implements BankAccount {
        private final Vault vault;
        private final java.util.concurrent.locks.ReadWriteLock lock = new java.util.concurrent.locks.ReentrantReadWriteLock();
        WriteLockAccount(Vault vault) { this.vault = vault; }
        public boolean withdraw(long amount) {
            lock.writeLock().lock();
            try {
                long balance = vault.balance();
                if (balance < amount) {
                    return false;
                }
                vault.setBalance(balance - amount);
                return true;
            } finally {
                lock.writeLock().unlock();
            }
        }
        public long balance() {
            lock.readLock().lock();
            try {
                return vault.balance();
            } finally {
                lock.readLock().unlock();
            }
        }
    }

    /** tryLock in a loop until it succeeds: waits instead of giving up, so nothing is refused. */
    static final class TryLockUntilHeld implements BankAccount {
        private final Vault vault;
        private final ReentrantLock lock = new ReentrantLock();
        TryLockUntilHeld(Vault vault) { this.vault = vault; }
        public boolean withdraw(long amount) {
            while (!lock.tryLock()) {
                Thread.onSpinWait();
            }
            try {
                long balance = vault.balance();
                if (balance < amount) {
                    return false;
                }
                vault.setBalance(balance - amount);
                return true;
            } finally {
                lock.unlock();
            }
        }
        public long balance() { return vault.balance(); }
    }

    /** A refusal outside the lock (balances only go down, so a stale read is too high), the decision inside it. */
    static final class FastRefusalThenLock implements BankAccount {
        private final Vault vault;
        private final Object lock = new Object();
        FastRefusalThenLock(Vault vault) { this.vault = vault; }
        public boolean withdraw(long amount) {
            if (vault.balance() < amount) {
                return false;
            }
            synchronized (lock) {
                long balance = vault.balance();
                if (balance < amount) {
                    return false;
                }
                vault.setBalance(balance - amount);
                return true;
            }
        }
        public long balance() { return vault.balance(); }
    }

    /** A StampedLock: the write lock for withdrawals, an optimistic read (validated) for the balance. */
    static final class StampedLockAccount implements BankAccount {
        private final Vault vault;
        private final StampedLock lock = new StampedLock();
        StampedLockAccount(Vault vault) { this.vault = vault; }
        public boolean withdraw(long amount) {
            long stamp = lock.writeLock();
            try {
                long balance = vault.balance();
                if (balance < amount) {
                    return false;
                }
                vault.setBalance(balance - amount);
                return true;
            } finally {
                lock.unlockWrite(stamp);
            }
        }
        public long balance() {
            long stamp = lock.tryOptimisticRead();
            long balance = vault.balance();
            if (lock.validate(stamp)) {
                return balance;
            }
            stamp = lock.readLock();
            try {
                return vault.balance();
            } finally {
                lock.unlockRead(stamp);
            }
        }
    }

    /** Right: a ticket lock; each withdrawal draws a number and waits until it is served (FIFO). */
    static final class TicketLock implements BankAccount {
        private final Vault vault;
        private final AtomicLong nextTicket = new AtomicLong();
        private volatile long serving;
        TicketLock(Vault vault) { this.vault = vault; }
        @Override public boolean withdraw(long amount) {
            long ticket = nextTicket.getAndIncrement();
            while (serving != ticket) Thread.onSpinWait();
            try {
                long balance = vault.balance();
                if (balance < amount) return false;
                vault.setBalance(balance - amount);
                return true;
            } finally {
                serving = ticket + 1;
            }
        }
        @Override public long balance() {
            long ticket = nextTicket.getAndIncrement();
            while (serving != ticket) Thread.onSpinWait();
            try { return vault.balance(); } finally { serving = ticket + 1; }
        }
    }

    /** Right: one token in a one-slot queue; a withdrawal takes it (waiting as long as needed), puts it back in a finally. */
    static final class TokenQueue implements BankAccount {
        private final Vault vault;
        private final BlockingQueue<Object> token = new ArrayBlockingQueue<>(1, false, List.of(new Object()));
        TokenQueue(Vault vault) { this.vault = vault; }
        @Override public boolean withdraw(long amount) {
            Object t = takeToken();
            try {
                long balance = vault.balance();
                if (balance < amount) return false;
                vault.setBalance(balance - amount);
                return true;
            } finally {
                token.add(t);
            }
        }
        @Override public long balance() {
            Object t = takeToken();
            try { return vault.balance(); } finally { token.add(t); }
        }
        private Object takeToken() {
            boolean interrupted = false;
            while (true) {
                try {
                    Object t = token.take();
                    if (interrupted) Thread.currentThread().interrupt();
                    return t;
                } catch (InterruptedException e) { interrupted = true; }
            }
        }
    }
}
