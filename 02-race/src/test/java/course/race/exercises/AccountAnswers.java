package course.race.exercises;

import course.race.BankAccount;
import course.race.Vault;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

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
}
