package course.locks;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A {@link ReentrantReadWriteLock} is two locks in one: any number of threads may hold the
 * read lock together, while the write lock excludes everyone. Two readers are inside at once
 * with it, and cannot be with a plain lock. And one trap: a thread that holds the read lock
 * cannot take the write lock (an "upgrade"): the write lock waits until every reader has
 * left, the caller included, so it would wait for ever. The other way, a downgrade, works.
 */
public final class ReadWriteLockDemo {

    // tag::two-readers[]
    /** Can two readers be inside at the same time? Each waits inside, holding the lock, for the other. */
    static boolean twoReadersInsideAtOnce(Lock readLockOfReader1, Lock readLockOfReader2) throws InterruptedException {
        CountDownLatch bothInside = new CountDownLatch(2);
        boolean[] met = new boolean[2];
        Thread[] readers = new Thread[2];
        Lock[] locks = {readLockOfReader1, readLockOfReader2};
        for (int i = 0; i < 2; i++) {
            int me = i;
            readers[i] = Thread.ofPlatform().name("reader-" + (i + 1)).daemon(true).start(() -> {
                locks[me].lock();
                try {
                    bothInside.countDown();
                    met[me] = bothInside.await(200, TimeUnit.MILLISECONDS); // is the other reader in here too?
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    locks[me].unlock();
                }
            });
        }
        for (Thread reader : readers) {
            reader.join();
        }
        return met[0] && met[1];
    }
    // end::two-readers[]

    public static boolean withReadWriteLock() throws InterruptedException {
        ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        return twoReadersInsideAtOnce(lock.readLock(), lock.readLock());
    }

    public static boolean withPlainLock() throws InterruptedException {
        ReentrantLock lock = new ReentrantLock();
        return twoReadersInsideAtOnce(lock, lock);
    }

    // tag::upgrade[]
    /** Holding the read lock, ask for the write lock (for 100 ms, not for ever). */
    public static boolean upgradeSucceeds() throws InterruptedException {
        ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        lock.readLock().lock();
        try {
            boolean gotWriteLock = lock.writeLock().tryLock(100, TimeUnit.MILLISECONDS); // waits for all readers: us too
            if (gotWriteLock) {
                lock.writeLock().unlock();
            }
            return gotWriteLock;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Holding the write lock, take the read lock, then let the write lock go. */
    public static boolean downgradeSucceeds() {
        ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        lock.writeLock().lock();
        try {
            lock.readLock().lock();     // allowed: the writer may also read
        } finally {
            lock.writeLock().unlock();  // now only the read lock is held: other readers may come in
        }
        try {
            return lock.getReadHoldCount() == 1 && !lock.isWriteLocked();
        } finally {
            lock.readLock().unlock();
        }
    }
    // end::upgrade[]

    public static void main(String[] args) throws InterruptedException {
        System.out.println("two readers inside at once, ReentrantReadWriteLock: " + withReadWriteLock());
        System.out.println("two readers inside at once, ReentrantLock:          " + withPlainLock());
        System.out.println("upgrade read -> write lock succeeds:   " + upgradeSucceeds());
        System.out.println("downgrade write -> read lock succeeds: " + downgradeSucceeds());
    }
}
