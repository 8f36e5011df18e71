package course.locks.exercises;

import course.locks.Account;
import course.locks.Ledger;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;

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

    /** A home-made lock: a volatile flag, tested and then set; two callers can both see it free. */
    static final class VolatileFlagLock implements Account {
        private final Ledger ledger;
        private volatile boolean busy;
        VolatileFlagLock(Ledger ledger) { this.ledger = ledger; }
        private void acquire() throws InterruptedException {
            while (busy) {
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                Thread.onSpinWait();
            }
            busy = true;
        }
        public void deposit(long amount) throws InterruptedException {
            acquire();
            try {
                ledger.write(ledger.balance() + amount);
            } finally {
                busy = false;
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
                busy = false;
            }
        }
        public long balance() { return ledger.balance(); }
    }

    /** Deposits under one lock, withdrawals under another: two locks guarding one balance. */
    static final class LockPerKindOfCall implements Account {
        private final Ledger ledger;
        private final ReentrantLock depositLock = new ReentrantLock();
        private final ReentrantLock withdrawLock = new ReentrantLock();
        LockPerKindOfCall(Ledger ledger) { this.ledger = ledger; }
        public void deposit(long amount) throws InterruptedException {
            depositLock.lockInterruptibly();
            try {
                ledger.write(ledger.balance() + amount);
            } finally {
                depositLock.unlock();
            }
        }
        public boolean withdraw(long amount) throws InterruptedException {
            withdrawLock.lockInterruptibly();
            try {
                long balance = ledger.balance();
                if (balance < amount) {
                    return false;
                }
                ledger.write(balance - amount);
                return true;
            } finally {
                withdrawLock.unlock();
            }
        }
        public long balance() throws InterruptedException {
            depositLock.lockInterruptibly();
            try {
                return ledger.balance();
            } finally {
                depositLock.unlock();
            }
        }
    }

    /** Large and small withdrawals under different locks ("they rarely meet"). */
    static final class LockPerAmount implements Account {
        private final Ledger ledger;
        private final ReentrantLock largeLock = new ReentrantLock();
        private final ReentrantLock smallLock = new ReentrantLock();
        LockPerAmount(Ledger ledger) { this.ledger = ledger; }
        private ReentrantLock lockFor(long amount) {
            return amount >= 50 ? largeLock : smallLock;
        }
        public void deposit(long amount) throws InterruptedException {
            ReentrantLock lock = lockFor(amount);
            lock.lockInterruptibly();
            try {
                ledger.write(ledger.balance() + amount);
            } finally {
                lock.unlock();
            }
        }
        public boolean withdraw(long amount) throws InterruptedException {
            ReentrantLock lock = lockFor(amount);
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

    /** The lock field replaced by each caller ("a fresh lock for the next one"): the next caller locks another object. */
    static final class LockReplacedInside implements Account {
        private final Ledger ledger;
        private volatile ReentrantLock lock = new ReentrantLock();
        LockReplacedInside(Ledger ledger) { this.ledger = ledger; }
        public void deposit(long amount) throws InterruptedException {
            ReentrantLock mine = lock;
            mine.lockInterruptibly();
            try {
                lock = new ReentrantLock();
                ledger.write(ledger.balance() + amount);
            } finally {
                mine.unlock();
            }
        }
        public boolean withdraw(long amount) throws InterruptedException {
            ReentrantLock mine = lock;
            mine.lockInterruptibly();
            try {
                lock = new ReentrantLock();
                long balance = ledger.balance();
                if (balance < amount) {
                    return false;
                }
                ledger.write(balance - amount);
                return true;
            } finally {
                mine.unlock();
            }
        }
        public long balance() throws InterruptedException {
            ReentrantLock mine = lock;
            mine.lockInterruptibly();
            try {
                return ledger.balance();
            } finally {
                mine.unlock();
            }
        }
    }

    /** The balance read before the lock decides the overdraft; the write under the lock re-reads it. */
    static final class OverdraftDecidedOutsideLock implements Account {
        private final Ledger ledger;
        private final ReentrantLock lock = new ReentrantLock();
        OverdraftDecidedOutsideLock(Ledger ledger) { this.ledger = ledger; }
        public void deposit(long amount) throws InterruptedException {
            lock.lockInterruptibly();
            try {
                ledger.write(ledger.balance() + amount);
            } finally {
                lock.unlock();
            }
        }
        public boolean withdraw(long amount) throws InterruptedException {
            boolean covered = ledger.balance() >= amount; // read outside the lock that guards the writes
            lock.lockInterruptibly();
            try {
                if (!covered) {
                    return false;
                }
                ledger.write(ledger.balance() - amount);
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

    /** A read lock (shared) for withdrawals, the write lock for deposits: withdrawals still run together. */
    static final class ReadLockForWithdrawals implements Account {
        private final Ledger ledger;
        private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        ReadLockForWithdrawals(Ledger ledger) { this.ledger = ledger; }
        public void deposit(long amount) throws InterruptedException {
            lock.writeLock().lockInterruptibly();
            try {
                ledger.write(ledger.balance() + amount);
            } finally {
                lock.writeLock().unlock();
            }
        }
        public boolean withdraw(long amount) throws InterruptedException {
            lock.readLock().lockInterruptibly();
            try {
                long balance = ledger.balance();
                if (balance < amount) {
                    return false;
                }
                ledger.write(balance - amount);
                return true;
            } finally {
                lock.readLock().unlock();
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

    /** Deposits wait for the lock, but a withdrawal that finds it busy refuses ("try again later"). */
    static final class WithdrawalRefusedWhenBusy implements Account {
        private final Ledger ledger;
        private final ReentrantLock lock = new ReentrantLock();
        WithdrawalRefusedWhenBusy(Ledger ledger) { this.ledger = ledger; }
        public void deposit(long amount) throws InterruptedException {
            lock.lockInterruptibly();
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
        public long balance() throws InterruptedException {
            lock.lockInterruptibly();
            try {
                return ledger.balance();
            } finally {
                lock.unlock();
            }
        }
    }

    /** tryLock with a timeout, and give up when it runs out: a caller behind a slow ledger is refused. */
    static final class TimedTryLockGivesUp implements Account {
        private final Ledger ledger;
        private final ReentrantLock lock = new ReentrantLock();
        TimedTryLockGivesUp(Ledger ledger) { this.ledger = ledger; }
        private void acquire() throws InterruptedException {
            if (!lock.tryLock(200, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the account is busy, try again later");
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
            if (!lock.tryLock(200, TimeUnit.MILLISECONDS)) {
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
        public long balance() throws InterruptedException {
            acquire();
            try {
                return ledger.balance();
            } finally {
                lock.unlock();
            }
        }
    }

    /** tryLock() three times, then give up: a retry that ends in a refusal. */
    static final class TryLockThreeTimes implements Account {
        private final Ledger ledger;
        private final ReentrantLock lock = new ReentrantLock();
        TryLockThreeTimes(Ledger ledger) { this.ledger = ledger; }
        private boolean acquire() throws InterruptedException {
            for (int attempt = 0; attempt < 3; attempt++) {
                if (lock.tryLock()) {
                    return true;
                }
                Thread.sleep(1);
            }
            return false;
        }
        public void deposit(long amount) throws InterruptedException {
            if (!acquire()) {
                throw new IllegalStateException("the account is busy");
            }
            try {
                ledger.write(ledger.balance() + amount);
            } finally {
                lock.unlock();
            }
        }
        public boolean withdraw(long amount) throws InterruptedException {
            if (!acquire()) {
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
        public long balance() throws InterruptedException {
            lock.lockInterruptibly();
            try {
                return ledger.balance();
            } finally {
                lock.unlock();
            }
        }
    }

    /** balance() reads the ledger with no lock ("a read changes nothing"): it reads while a withdrawal is half-written, and nothing orders it after the last write. */
    static final class BalanceReadWithoutTheLock implements Account {
        private final Ledger ledger;
        private final ReentrantLock lock = new ReentrantLock();
        BalanceReadWithoutTheLock(Ledger ledger) { this.ledger = ledger; }
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
        public long balance() { return ledger.balance(); }
    }

    /** Changes wait interruptibly, balance() with lock() ("a read is quick"): a reader stuck behind a slow ledger cannot be interrupted. */
    static final class BalanceWaitsUninterruptibly implements Account {
        private final Ledger ledger;
        private final ReentrantLock lock = new ReentrantLock();
        BalanceWaitsUninterruptibly(Ledger ledger) { this.ledger = ledger; }
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
        public long balance() {
            lock.lock();
            try {
                return ledger.balance();
            } finally {
                lock.unlock();
            }
        }
    }

    /** deposit() and balance() look at the interrupt flag, then take lock(): an interrupt that comes while they wait is ignored. */
    static final class InterruptLookedAtBeforeLock implements Account {
        private final Ledger ledger;
        private final ReentrantLock lock = new ReentrantLock();
        InterruptLookedAtBeforeLock(Ledger ledger) { this.ledger = ledger; }
        private void enter() throws InterruptedException {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            lock.lock();
        }
        public void deposit(long amount) throws InterruptedException {
            enter();
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
            enter();
            try {
                return ledger.balance();
            } finally {
                lock.unlock();
            }
        }
    }

    /** {@code balance <= amount} refuses: a withdrawal of exactly the balance, which covers it, is refused. */
    static final class RefusesTheWholeBalance implements Account {
        private final Ledger ledger;
        private final ReentrantLock lock = new ReentrantLock();
        RefusesTheWholeBalance(Ledger ledger) { this.ledger = ledger; }
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
                if (balance <= amount) {
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

    /** A StampedLock's write lock, taken interruptibly, for every call. */
    static final class StampedLockAccount implements Account {
        private final Ledger ledger;
        private final StampedLock lock = new StampedLock();
        StampedLockAccount(Ledger ledger) { this.ledger = ledger; }
        public void deposit(long amount) throws InterruptedException {
            long stamp = lock.writeLockInterruptibly();
            try {
                ledger.write(ledger.balance() + amount);
            } finally {
                lock.unlockWrite(stamp);
            }
        }
        public boolean withdraw(long amount) throws InterruptedException {
            long stamp = lock.writeLockInterruptibly();
            try {
                long balance = ledger.balance();
                if (balance < amount) {
                    return false;
                }
                ledger.write(balance - amount);
                return true;
            } finally {
                lock.unlockWrite(stamp);
            }
        }
        public long balance() throws InterruptedException {
            long stamp = lock.readLockInterruptibly();
            try {
                return ledger.balance();
            } finally {
                lock.unlockRead(stamp);
            }
        }
    }

    /** A home-made lock from a ReentrantLock and a Condition: a busy flag guarded by the lock, awaited while set. */
    static final class ConditionMutex implements Account {
        private final Ledger ledger;
        private final ReentrantLock guard = new ReentrantLock();
        private final Condition free = guard.newCondition();
        private boolean busy;
        ConditionMutex(Ledger ledger) { this.ledger = ledger; }
        private void acquire() throws InterruptedException {
            guard.lockInterruptibly();
            try {
                while (busy) {
                    free.await();
                }
                busy = true;
            } finally {
                guard.unlock();
            }
        }
        private void release() {
            guard.lock();
            try {
                busy = false;
                free.signal();
            } finally {
                guard.unlock();
            }
        }
        public void deposit(long amount) throws InterruptedException {
            acquire();
            try {
                ledger.write(ledger.balance() + amount);
            } finally {
                release();
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
                release();
            }
        }
        public long balance() throws InterruptedException {
            acquire();
            try {
                return ledger.balance();
            } finally {
                release();
            }
        }
    }

    /** synchronized on the ledger for the work, entered only through a lock taken interruptibly: both fine. */
    static final class LockThenMonitorOnLedger implements Account {
        private final Ledger ledger;
        private final ReentrantLock lock = new ReentrantLock();
        LockThenMonitorOnLedger(Ledger ledger) { this.ledger = ledger; }
        public void deposit(long amount) throws InterruptedException {
            lock.lockInterruptibly();
            try {
                synchronized (ledger) {
                    ledger.write(ledger.balance() + amount);
                }
            } finally {
                lock.unlock();
            }
        }
        public boolean withdraw(long amount) throws InterruptedException {
            lock.lockInterruptibly();
            try {
                synchronized (ledger) {
                    if (ledger.balance() < amount) {
                        return false;
                    }
                    ledger.write(ledger.balance() - amount);
                    return true;
                }
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

    /** A home-made lock: a CAS on a flag; a caller that finds it taken parks 100 microseconds and tries again, until it is interrupted. */
    static final class CasFlagParkAndRetry implements Account {
        private final Ledger ledger;
        private final java.util.concurrent.atomic.AtomicBoolean busy = new java.util.concurrent.atomic.AtomicBoolean();
        CasFlagParkAndRetry(Ledger ledger) { this.ledger = ledger; }
        private void enter() throws InterruptedException {
            while (!busy.compareAndSet(false, true)) {
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                java.util.concurrent.locks.LockSupport.parkNanos(100_000);
            }
        }
        public void deposit(long amount) throws InterruptedException {
            enter();
            try {
                ledger.write(ledger.balance() + amount);
            } finally {
                busy.set(false);
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
                busy.set(false);
            }
        }
        public long balance() throws InterruptedException {
            enter();
            try {
                return ledger.balance();
            } finally {
                busy.set(false);
            }
        }
    }
}
