package course.locks.exercises;

import course.locks.Account;
import course.locks.Ledger;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/** Answers a learner might give to exercise locks.account, right and wrong, for {@code AccountCheckIT}. */
final class AccountAnswers {

    private AccountAnswers() {
    }

    // ---- wrong ----

    /** The starter: no lock at all. */
    static final class NoLock implements Account {
        private final Ledger ledger;
        NoLock(Ledger ledger) { this.ledger = ledger; }
        public void deposit(long amount) { ledger.write(ledger.balance() + amount); }
        public boolean withdraw(long amount) {
            long balance = ledger.balance();
            if (balance < amount) {
                return false;
            }
            ledger.write(balance - amount);
            return true;
        }
        public long balance() { return ledger.balance(); }
    }

    /** unlock() at the end of the block, not in a finally: an exception skips it. */
    static final class UnlockNotInFinally implements Account {
        private final Ledger ledger;
        private final ReentrantLock lock = new ReentrantLock();
        UnlockNotInFinally(Ledger ledger) { this.ledger = ledger; }
        public void deposit(long amount) throws InterruptedException {
            lock.lockInterruptibly();
            ledger.write(ledger.balance() + amount);
            lock.unlock();
        }
        public boolean withdraw(long amount) throws InterruptedException {
            lock.lockInterruptibly();
            long balance = ledger.balance();
            boolean enough = balance >= amount;
            if (enough) {
                ledger.write(balance - amount);
            }
            lock.unlock();
            return enough;
        }
        public long balance() throws InterruptedException {
            lock.lockInterruptibly();
            long balance = ledger.balance();
            lock.unlock();
            return balance;
        }
    }

    /** unlock() before each return, by hand: the early return forgets it. */
    static final class UnlockBeforeEachReturn implements Account {
        private final Ledger ledger;
        private final ReentrantLock lock = new ReentrantLock();
        UnlockBeforeEachReturn(Ledger ledger) { this.ledger = ledger; }
        public void deposit(long amount) throws InterruptedException {
            lock.lockInterruptibly();
            try {
                ledger.write(ledger.balance() + amount);
            } finally {
                lock.unlock();
            }
        }
        public boolean withdraw(long amount) throws InterruptedException {
            lock.lockInterruptibly();
            try {
                long balance = ledger.balance();
                if (balance < amount) {
                    return false;                  // forgot: lock.unlock()
                }
                ledger.write(balance - amount);
            } catch (RuntimeException e) {
                lock.unlock();
                throw e;
            }
            lock.unlock();
            return true;
        }
        public long balance() throws InterruptedException {
            lock.lockInterruptibly();
            try {
                return ledger.balance();
            } finally {
                lock.unlock();
            }
        }
    }

    /** lockInterruptibly() inside the try: an interrupted wait runs the finally, which unlocks a lock never taken. */
    static final class LockInsideTry implements Account {
        private final Ledger ledger;
        private final ReentrantLock lock = new ReentrantLock();
        LockInsideTry(Ledger ledger) { this.ledger = ledger; }
        public void deposit(long amount) throws InterruptedException {
            try {
                lock.lockInterruptibly();
                ledger.write(ledger.balance() + amount);
            } finally {
                lock.unlock();
            }
        }
        public boolean withdraw(long amount) throws InterruptedException {
            try {
                lock.lockInterruptibly();
                long balance = ledger.balance();
                if (balance < amount) {
                    return false;
                }
                ledger.write(balance - amount);
                return true;
            } finally {
                lock.unlock();
            }
        }
        public long balance() throws InterruptedException {
            try {
                lock.lockInterruptibly();
                return ledger.balance();
            } finally {
                lock.unlock();
            }
        }
    }

    /** A new lock per call: each caller has its own, and nobody is kept out. */
    static final class NewLockPerCall implements Account {
        private final Ledger ledger;
        NewLockPerCall(Ledger ledger) { this.ledger = ledger; }
        public void deposit(long amount) throws InterruptedException {
            ReentrantLock lock = new ReentrantLock();
            lock.lockInterruptibly();
            try {
                ledger.write(ledger.balance() + amount);
            } finally {
                lock.unlock();
            }
        }
        public boolean withdraw(long amount) throws InterruptedException {
            ReentrantLock lock = new ReentrantLock();
            lock.lockInterruptibly();
            try {
                long balance = ledger.balance();
                if (balance < amount) {
                    return false;
                }
                ledger.write(balance - amount);
                return true;
            } finally {
                lock.unlock();
            }
        }
        public long balance() { return ledger.balance(); }
    }

    /** lock() instead of lockInterruptibly(): safe, but a waiting caller cannot be interrupted. */
    static final class PlainLock implements Account {
        private final Ledger ledger;
        private final ReentrantLock lock = new ReentrantLock();
        PlainLock(Ledger ledger) { this.ledger = ledger; }
        public void deposit(long amount) {
            lock.lock();
            try {
                ledger.write(ledger.balance() + amount);
            } finally {
                lock.unlock();
            }
        }
        public boolean withdraw(long amount) {
            lock.lock();
            try {
                long balance = ledger.balance();
                if (balance < amount) {
                    return false;
                }
                ledger.write(balance - amount);
                return true;
            } finally {
                lock.unlock();
            }
        }
        public long balance() {
            lock.lock();
            try {
                return ledger.balance();
            } finally {
                lock.unlock();
            }
        }
    }

    /** synchronized methods: safe, but a thread blocked on a monitor cannot be interrupted. */
    static final class SynchronizedMethods implements Account {
        private final Ledger ledger;
        SynchronizedMethods(Ledger ledger) { this.ledger = ledger; }
        public synchronized void deposit(long amount) { ledger.write(ledger.balance() + amount); }
        public synchronized boolean withdraw(long amount) {
            long balance = ledger.balance();
            if (balance < amount) {
                return false;
            }
            ledger.write(balance - amount);
            return true;
        }
        public synchronized long balance() { return ledger.balance(); }
    }

    /** The check before the lock, the write under it: the check may be stale. */
    static final class CheckOutsideLock implements Account {
        private final Ledger ledger;
        private final ReentrantLock lock = new ReentrantLock();
        CheckOutsideLock(Ledger ledger) { this.ledger = ledger; }
        public void deposit(long amount) throws InterruptedException {
            lock.lockInterruptibly();
            try {
                ledger.write(ledger.balance() + amount);
            } finally {
                lock.unlock();
            }
        }
        public boolean withdraw(long amount) throws InterruptedException {
            long balance = ledger.balance();
            if (balance < amount) {
                return false;
            }
            lock.lockInterruptibly();
            try {
                ledger.write(balance - amount);
                return true;
            } finally {
                lock.unlock();
            }
        }
        public long balance() throws InterruptedException {
            lock.lockInterruptibly();
            try {
                return ledger.balance();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Catches the ledger's failure and says "no": the caller never learns that the ledger failed. */
    static final class SwallowsLedgerFailure implements Account {
        private final Ledger ledger;
        private final ReentrantLock lock = new ReentrantLock();
        SwallowsLedgerFailure(Ledger ledger) { this.ledger = ledger; }
        public void deposit(long amount) throws InterruptedException {
            lock.lockInterruptibly();
            try {
                ledger.write(ledger.balance() + amount);
            } finally {
                lock.unlock();
            }
        }
        public boolean withdraw(long amount) throws InterruptedException {
            lock.lockInterruptibly();
            try {
                long balance = ledger.balance();
                if (balance < amount) {
                    return false;
                }
                ledger.write(balance - amount);
                return true;
            } catch (RuntimeException e) {
                return false;
            } finally {
                lock.unlock();
            }
        }
        public long balance() throws InterruptedException {
            lock.lockInterruptibly();
            try {
                return ledger.balance();
            } finally {
                lock.unlock();
            }
        }
    }

    /** A semaphore released at the end, not in a finally: the failed call keeps the permit. */
    static final class SemaphoreReleaseNotInFinally implements Account {
        private final Ledger ledger;
        private final Semaphore permit = new Semaphore(1);
        SemaphoreReleaseNotInFinally(Ledger ledger) { this.ledger = ledger; }
        public void deposit(long amount) throws InterruptedException {
            permit.acquire();
            ledger.write(ledger.balance() + amount);
            permit.release();
        }
        public boolean withdraw(long amount) throws InterruptedException {
            permit.acquire();
            long balance = ledger.balance();
            if (balance < amount) {
                permit.release();
                return false;
            }
            ledger.write(balance - amount);
            permit.release();
            return true;
        }
        public long balance() throws InterruptedException {
            permit.acquire();
            try {
                return ledger.balance();
            } finally {
                permit.release();
            }
        }
    }

    /** tryLock() and give up when busy: safe, but a deposit is dropped. */
    static final class TryLockGivesUp implements Account {
        private final Ledger ledger;
        private final ReentrantLock lock = new ReentrantLock();
        TryLockGivesUp(Ledger ledger) { this.ledger = ledger; }
        public void deposit(long amount) {
            if (!lock.tryLock()) {
                return;
            }
            try {
                ledger.write(ledger.balance() + amount);
            } finally {
                lock.unlock();
            }
        }
        public boolean withdraw(long amount) {
            if (!lock.tryLock()) {
                return false;
            }
            try {
                long balance = ledger.balance();
                if (balance < amount) {
                    return false;
                }
                ledger.write(balance - amount);
                return true;
            } finally {
                lock.unlock();
            }
        }
        public long balance() {
            lock.lock();
            try {
                return ledger.balance();
            } finally {
                lock.unlock();
            }
        }
    }

    // ---- right ----

    /** The reference solution's idea, written with one private helper. */
    static final class ReentrantLockHelper implements Account {
        private final Ledger ledger;
        private final ReentrantLock lock = new ReentrantLock();
        ReentrantLockHelper(Ledger ledger) { this.ledger = ledger; }
        interface Body<T> { T run(); }
        private <T> T locked(Body<T> body) throws InterruptedException {
            lock.lockInterruptibly();
            try {
                return body.run();
            } finally {
                lock.unlock();
            }
        }
        public void deposit(long amount) throws InterruptedException {
            locked(() -> {
                ledger.write(ledger.balance() + amount);
                return null;
            });
        }
        public boolean withdraw(long amount) throws InterruptedException {
            return locked(() -> {
                if (ledger.balance() < amount) {
                    return false;
                }
                ledger.write(ledger.balance() - amount);
                return true;
            });
        }
        public long balance() throws InterruptedException { return locked(ledger::balance); }
    }

    /** A fair lock: slower hand-overs, same correctness. */
    static final class FairLock implements Account {
        private final Ledger ledger;
        private final ReentrantLock lock = new ReentrantLock(true);
        FairLock(Ledger ledger) { this.ledger = ledger; }
        public void deposit(long amount) throws InterruptedException {
            lock.lockInterruptibly();
            try {
                ledger.write(ledger.balance() + amount);
            } finally {
                lock.unlock();
            }
        }
        public boolean withdraw(long amount) throws InterruptedException {
            lock.lockInterruptibly();
            try {
                long balance = ledger.balance();
                if (balance < amount) {
                    return false;
                }
                ledger.write(balance - amount);
                return true;
            } finally {
                lock.unlock();
            }
        }
        public long balance() throws InterruptedException {
            lock.lockInterruptibly();
            try {
                return ledger.balance();
            } finally {
                lock.unlock();
            }
        }
    }

    /** A one-permit semaphore, acquired interruptibly and released in a finally. */
    static final class SemaphoreAccount implements Account {
        private final Ledger ledger;
        private final Semaphore permit = new Semaphore(1);
        SemaphoreAccount(Ledger ledger) { this.ledger = ledger; }
        public void deposit(long amount) throws InterruptedException {
            permit.acquire();
            try {
                ledger.write(ledger.balance() + amount);
            } finally {
                permit.release();
            }
        }
        public boolean withdraw(long amount) throws InterruptedException {
            permit.acquire();
            try {
                long balance = ledger.balance();
                if (balance < amount) {
                    return false;
                }
                ledger.write(balance - amount);
                return true;
            } finally {
                permit.release();
            }
        }
        public long balance() throws InterruptedException {
            permit.acquire();
            try {
                return ledger.balance();
            } finally {
                permit.release();
            }
        }
    }

    /** A home-made lock from synchronized + wait/notifyAll: wait() can be interrupted, so the account can. */
    static final class MonitorMutex implements Account {
        private final Ledger ledger;
        private final Object monitor = new Object();
        private boolean busy; // guarded by monitor
        MonitorMutex(Ledger ledger) { this.ledger = ledger; }
        private void enter() throws InterruptedException {
            synchronized (monitor) {
                while (busy) {
                    monitor.wait();
                }
                busy = true;
            }
        }
        private void leave() {
            synchronized (monitor) {
                busy = false;
                monitor.notifyAll();
            }
        }
        public void deposit(long amount) throws InterruptedException {
            enter();
            try {
                ledger.write(ledger.balance() + amount);
            } finally {
                leave();
            }
        }
        public boolean withdraw(long amount) throws InterruptedException {
            enter();
            try {
                long balance = ledger.balance();
                if (balance < amount) {
                    return false;
                }
                ledger.write(balance - amount);
                return true;
            } finally {
                leave();
            }
        }
        public long balance() throws InterruptedException {
            enter();
            try {
                return ledger.balance();
            } finally {
                leave();
            }
        }
    }

    /** The write lock of a read-write lock for changes, its read lock for balance(). */
    static final class ReadWriteLockAccount implements Account {
        private final Ledger ledger;
        private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        ReadWriteLockAccount(Ledger ledger) { this.ledger = ledger; }
        public void deposit(long amount) throws InterruptedException {
            lock.writeLock().lockInterruptibly();
            try {
                ledger.write(ledger.balance() + amount);
            } finally {
                lock.writeLock().unlock();
            }
        }
        public boolean withdraw(long amount) throws InterruptedException {
            lock.writeLock().lockInterruptibly();
            try {
                long balance = ledger.balance();
                if (balance < amount) {
                    return false;
                }
                ledger.write(balance - amount);
                return true;
            } finally {
                lock.writeLock().unlock();
            }
        }
        public long balance() throws InterruptedException {
            lock.readLock().lockInterruptibly();
            try {
                return ledger.balance();
            } finally {
                lock.readLock().unlock();
            }
        }
    }

    /** tryLock with a timeout, retried: interruptible, because the timed tryLock is. */
    static final class TimedTryLockLoop implements Account {
        private final Ledger ledger;
        private final ReentrantLock lock = new ReentrantLock();
        TimedTryLockLoop(Ledger ledger) { this.ledger = ledger; }
        private void acquire() throws InterruptedException {
            while (!lock.tryLock(20, TimeUnit.MILLISECONDS)) {
                Thread.onSpinWait();
            }
        }
        public void deposit(long amount) throws InterruptedException {
            acquire();
            try {
                ledger.write(ledger.balance() + amount);
            } finally {
                lock.unlock();
            }
        }
        public boolean withdraw(long amount) throws InterruptedException {
            acquire();
            try {
                long balance = ledger.balance();
                if (balance < amount) {
                    return false;
                }
                ledger.write(balance - amount);
                return true;
            } finally {
                lock.unlock();
            }
        }
        public long balance() throws InterruptedException {
            acquire();
            try {
                return ledger.balance();
            } finally {
                lock.unlock();
            }
        }
    }
}
