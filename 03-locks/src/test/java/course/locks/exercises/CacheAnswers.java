package course.locks.exercises;

import course.locks.Cache;
import course.locks.Table;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;
import java.util.function.Function;

/** Answers a learner might give to exercise locks.cache, right and wrong, for {@code CacheCheckIT}. */
final class CacheAnswers {

    private CacheAnswers() {
    }

    // ---- wrong ----

    /** The starter: no lock. */
    static final class NoLock implements Cache<String, String> {
        private final Table<String, String> table;
        private final Function<String, String> loader;
        NoLock(Table<String, String> table, Function<String, String> loader) { this.table = table; this.loader = loader; }
        public String get(String key) {
            String value = table.get(key);
            if (value == null) {
                value = loader.apply(key);
                table.put(key, value);
            }
            return value;
        }
        public void invalidate(String key) { table.remove(key); }
    }

    /** synchronized methods: correct, but readers take turns. */
    static final class SynchronizedCache implements Cache<String, String> {
        private final Table<String, String> table;
        private final Function<String, String> loader;
        SynchronizedCache(Table<String, String> table, Function<String, String> loader) { this.table = table; this.loader = loader; }
        public synchronized String get(String key) {
            String value = table.get(key);
            if (value == null) {
                value = loader.apply(key);
                table.put(key, value);
            }
            return value;
        }
        public synchronized void invalidate(String key) { table.remove(key); }
    }

    /** One ReentrantLock for everything: readers take turns. */
    static final class ExclusiveLock implements Cache<String, String> {
        private final Table<String, String> table;
        private final Function<String, String> loader;
        private final ReentrantLock lock = new ReentrantLock();
        ExclusiveLock(Table<String, String> table, Function<String, String> loader) { this.table = table; this.loader = loader; }
        public String get(String key) {
            lock.lock();
            try {
                String value = table.get(key);
                if (value == null) {
                    value = loader.apply(key);
                    table.put(key, value);
                }
                return value;
            } finally {
                lock.unlock();
            }
        }
        public void invalidate(String key) {
            lock.lock();
            try {
                table.remove(key);
            } finally {
                lock.unlock();
            }
        }
    }

    /** A StampedLock's write lock for every call: exclusive, and its owner is not visible to tools. */
    static final class StampedWriteLockForAll implements Cache<String, String> {
        private final Table<String, String> table;
        private final Function<String, String> loader;
        private final StampedLock lock = new StampedLock();
        StampedWriteLockForAll(Table<String, String> table, Function<String, String> loader) { this.table = table; this.loader = loader; }
        public String get(String key) {
            long stamp = lock.writeLock();
            try {
                String value = table.get(key);
                if (value == null) {
                    value = loader.apply(key);
                    table.put(key, value);
                }
                return value;
            } finally {
                lock.unlockWrite(stamp);
            }
        }
        public void invalidate(String key) {
            long stamp = lock.writeLock();
            try {
                table.remove(key);
            } finally {
                lock.unlockWrite(stamp);
            }
        }
    }

    /** Loads and puts under the read lock: two readers write at once. */
    static final class WritesUnderReadLock implements Cache<String, String> {
        private final Table<String, String> table;
        private final Function<String, String> loader;
        private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        WritesUnderReadLock(Table<String, String> table, Function<String, String> loader) { this.table = table; this.loader = loader; }
        public String get(String key) {
            lock.readLock().lock();
            try {
                String value = table.get(key);
                if (value == null) {
                    value = loader.apply(key);
                    table.put(key, value);
                }
                return value;
            } finally {
                lock.readLock().unlock();
            }
        }
        public void invalidate(String key) {
            lock.writeLock().lock();
            try {
                table.remove(key);
            } finally {
                lock.writeLock().unlock();
            }
        }
    }

    /** get() right, but invalidate() removes under the read lock ("it is only one call"). */
    static final class InvalidateUnderReadLock implements Cache<String, String> {
        private final Table<String, String> table;
        private final Function<String, String> loader;
        private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        InvalidateUnderReadLock(Table<String, String> table, Function<String, String> loader) { this.table = table; this.loader = loader; }
        public String get(String key) {
            lock.readLock().lock();
            try {
                String cached = table.get(key);
                if (cached != null) {
                    return cached;
                }
            } finally {
                lock.readLock().unlock();
            }
            lock.writeLock().lock();
            try {
                String value = table.get(key);
                if (value == null) {
                    value = loader.apply(key);
                    table.put(key, value);
                }
                return value;
            } finally {
                lock.writeLock().unlock();
            }
        }
        public void invalidate(String key) {
            lock.readLock().lock();
            try {
                table.remove(key);
            } finally {
                lock.readLock().unlock();
            }
        }
    }

    /** Takes the write lock while still holding the read lock: waits for itself, for ever. */
    static final class UpgradesReadLock implements Cache<String, String> {
        private final Table<String, String> table;
        private final Function<String, String> loader;
        private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        UpgradesReadLock(Table<String, String> table, Function<String, String> loader) { this.table = table; this.loader = loader; }
        public String get(String key) {
            lock.readLock().lock();
            try {
                String value = table.get(key);
                if (value == null) {
                    lock.writeLock().lock();      // "upgrade": blocks for ever
                    try {
                        value = loader.apply(key);
                        table.put(key, value);
                    } finally {
                        lock.writeLock().unlock();
                    }
                }
                return value;
            } finally {
                lock.readLock().unlock();
            }
        }
        public void invalidate(String key) {
            lock.writeLock().lock();
            try {
                table.remove(key);
            } finally {
                lock.writeLock().unlock();
            }
        }
    }

    /** On a hit, returns before the read lock is given back: the next writer waits for ever. */
    static final class ReadUnlockSkippedOnHit implements Cache<String, String> {
        private final Table<String, String> table;
        private final Function<String, String> loader;
        private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        ReadUnlockSkippedOnHit(Table<String, String> table, Function<String, String> loader) { this.table = table; this.loader = loader; }
        public String get(String key) {
            lock.readLock().lock();
            String cached = table.get(key);
            if (cached != null) {
                return cached;                 // forgot: lock.readLock().unlock()
            }
            lock.readLock().unlock();
            lock.writeLock().lock();
            try {
                String value = table.get(key);
                if (value == null) {
                    value = loader.apply(key);
                    table.put(key, value);
                }
                return value;
            } finally {
                lock.writeLock().unlock();
            }
        }
        public void invalidate(String key) {
            lock.writeLock().lock();
            try {
                table.remove(key);
            } finally {
                lock.writeLock().unlock();
            }
        }
    }

    /** Read lock, then write lock, but no second look: both threads that missed load. */
    static final class NoSecondLook implements Cache<String, String> {
        private final Table<String, String> table;
        private final Function<String, String> loader;
        private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        NoSecondLook(Table<String, String> table, Function<String, String> loader) { this.table = table; this.loader = loader; }
        public String get(String key) {
            lock.readLock().lock();
            try {
                String cached = table.get(key);
                if (cached != null) {
                    return cached;
                }
            } finally {
                lock.readLock().unlock();
            }
            lock.writeLock().lock();
            try {
                String value = loader.apply(key);
                table.put(key, value);
                return value;
            } finally {
                lock.writeLock().unlock();
            }
        }
        public void invalidate(String key) {
            lock.writeLock().lock();
            try {
                table.remove(key);
            } finally {
                lock.writeLock().unlock();
            }
        }
    }

    /** A new read-write lock per call: nobody is kept out. */
    static final class NewLockPerCall implements Cache<String, String> {
        private final Table<String, String> table;
        private final Function<String, String> loader;
        NewLockPerCall(Table<String, String> table, Function<String, String> loader) { this.table = table; this.loader = loader; }
        public String get(String key) {
            ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
            lock.writeLock().lock();
            try {
                String value = table.get(key);
                if (value == null) {
                    value = loader.apply(key);
                    table.put(key, value);
                }
                return value;
            } finally {
                lock.writeLock().unlock();
            }
        }
        public void invalidate(String key) {
            ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
            lock.writeLock().lock();
            try {
                table.remove(key);
            } finally {
                lock.writeLock().unlock();
            }
        }
    }

    /** StampedLock optimistic reads of the table: the read runs during a write, and a HashMap may break. */
    static final class OptimisticReadOfTable implements Cache<String, String> {
        private final Table<String, String> table;
        private final Function<String, String> loader;
        private final StampedLock lock = new StampedLock();
        OptimisticReadOfTable(Table<String, String> table, Function<String, String> loader) { this.table = table; this.loader = loader; }
        public String get(String key) {
            long stamp = lock.tryOptimisticRead();
            String cached = table.get(key);
            if (cached != null && lock.validate(stamp)) {
                return cached;
            }
            stamp = lock.writeLock();
            try {
                String value = table.get(key);
                if (value == null) {
                    value = loader.apply(key);
                    table.put(key, value);
                }
                return value;
            } finally {
                lock.unlockWrite(stamp);
            }
        }
        public void invalidate(String key) {
            long stamp = lock.writeLock();
            try {
                table.remove(key);
            } finally {
                lock.unlockWrite(stamp);
            }
        }
    }

    /** A home-made lock for loading: a volatile flag, tested and then set; two misses can both see it down. */
    static final class LoadingFlag implements Cache<String, String> {
        private final Table<String, String> table;
        private final Function<String, String> loader;
        private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        private volatile boolean loading;
        LoadingFlag(Table<String, String> table, Function<String, String> loader) { this.table = table; this.loader = loader; }
        private String lookUp(String key) {
            lock.readLock().lock();
            try {
                return table.get(key);
            } finally {
                lock.readLock().unlock();
            }
        }
        private void store(String key, String value) {
            lock.writeLock().lock();
            try {
                table.put(key, value);
            } finally {
                lock.writeLock().unlock();
            }
        }
        public String get(String key) {
            String cached = lookUp(key);
            if (cached != null) {
                return cached;
            }
            while (loading) {
                Thread.onSpinWait();
            }
            loading = true;
            try {
                String value = lookUp(key);
                if (value == null) {
                    value = loader.apply(key);
                    store(key, value);
                }
                return value;
            } finally {
                loading = false;
            }
        }
        public void invalidate(String key) {
            lock.writeLock().lock();
            try {
                table.remove(key);
            } finally {
                lock.writeLock().unlock();
            }
        }
    }

    /** A miss that finds the write lock busy gives up waiting and loads for itself, without storing. */
    static final class LoadsWhenWriteLockBusy implements Cache<String, String> {
        private final Table<String, String> table;
        private final Function<String, String> loader;
        private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        LoadsWhenWriteLockBusy(Table<String, String> table, Function<String, String> loader) { this.table = table; this.loader = loader; }
        private String lookUp(String key) {
            lock.readLock().lock();
            try {
                return table.get(key);
            } finally {
                lock.readLock().unlock();
            }
        }
        private void store(String key, String value) {
            lock.writeLock().lock();
            try {
                table.put(key, value);
            } finally {
                lock.writeLock().unlock();
            }
        }
        public String get(String key) {
            String cached = lookUp(key);
            if (cached != null) {
                return cached;
            }
            if (!lock.writeLock().tryLock()) {
                return loader.apply(key); // "someone else is loading it; don't wait"
            }
            try {
                String value = table.get(key);
                if (value == null) {
                    value = loader.apply(key);
                    table.put(key, value);
                }
                return value;
            } finally {
                lock.writeLock().unlock();
            }
        }
        public void invalidate(String key) {
            lock.writeLock().lock();
            try {
                table.remove(key);
            } finally {
                lock.writeLock().unlock();
            }
        }
    }

    /** A lock per key for loading, but a new one put in the map by every miss: each miss locks its own. */
    static final class LoadLockPerMiss implements Cache<String, String> {
        private final Table<String, String> table;
        private final Function<String, String> loader;
        private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        private final java.util.Map<String, Object> loadLocks = new java.util.concurrent.ConcurrentHashMap<>();
        LoadLockPerMiss(Table<String, String> table, Function<String, String> loader) { this.table = table; this.loader = loader; }
        private String lookUp(String key) {
            lock.readLock().lock();
            try {
                return table.get(key);
            } finally {
                lock.readLock().unlock();
            }
        }
        private void store(String key, String value) {
            lock.writeLock().lock();
            try {
                table.put(key, value);
            } finally {
                lock.writeLock().unlock();
            }
        }
        public String get(String key) {
            String cached = lookUp(key);
            if (cached != null) {
                return cached;
            }
            Object keyLock = new Object();
            loadLocks.put(key, keyLock);
            synchronized (keyLock) {
                String value = lookUp(key);
                if (value == null) {
                    value = loader.apply(key);
                    store(key, value);
                }
                return value;
            }
        }
        public void invalidate(String key) {
            lock.writeLock().lock();
            try {
                table.remove(key);
            } finally {
                lock.writeLock().unlock();
            }
        }
    }

    /** A miss loads and stores under the write lock, then returns what the table holds, read after the unlock: an invalidate in between makes get() return null. */
    static final class ReadsTheTableAgainAfterUnlock implements Cache<String, String> {
        private final Table<String, String> table;
        private final Function<String, String> loader;
        private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        ReadsTheTableAgainAfterUnlock(Table<String, String> table, Function<String, String> loader) { this.table = table; this.loader = loader; }
        public String get(String key) {
            lock.readLock().lock();
            try {
                String cached = table.get(key);
                if (cached != null) {
                    return cached;
                }
            } finally {
                lock.readLock().unlock();
            }
            lock.writeLock().lock();
            try {
                if (table.get(key) == null) {
                    table.put(key, loader.apply(key));
                }
            } finally {
                lock.writeLock().unlock();
            }
            return table.get(key); // "the table has it now": not once the lock is let go
        }
        public void invalidate(String key) {
            lock.writeLock().lock();
            try {
                table.remove(key);
            } finally {
                lock.writeLock().unlock();
            }
        }
    }

    /** The write lock let go after the load, not in a finally: a loader that throws keeps it, and every later call waits for ever. */
    static final class WriteUnlockSkippedWhenTheLoaderThrows implements Cache<String, String> {
        private final Table<String, String> table;
        private final Function<String, String> loader;
        private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        WriteUnlockSkippedWhenTheLoaderThrows(Table<String, String> table, Function<String, String> loader) { this.table = table; this.loader = loader; }
        public String get(String key) {
            lock.readLock().lock();
            try {
                String cached = table.get(key);
                if (cached != null) {
                    return cached;
                }
            } finally {
                lock.readLock().unlock();
            }
            lock.writeLock().lock();
            String value = table.get(key);
            if (value == null) {
                value = loader.apply(key);
                table.put(key, value);
            }
            lock.writeLock().unlock();
            return value;
        }
        public void invalidate(String key) {
            lock.writeLock().lock();
            try {
                table.remove(key);
            } finally {
                lock.writeLock().unlock();
            }
        }
    }

    /**
     * invalidate() tries the write lock and gives up when it is busy ("the value will be reloaded
     * some day anyway"): an invalidate made while anyone reads is dropped, and the old value stays.
     */
    static final class InvalidateGivesUpWhenBusy implements Cache<String, String> {
        private final Table<String, String> table;
        private final Function<String, String> loader;
        private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        InvalidateGivesUpWhenBusy(Table<String, String> table, Function<String, String> loader) { this.table = table; this.loader = loader; }
        public String get(String key) {
            lock.readLock().lock();
            try {
                String cached = table.get(key);
                if (cached != null) {
                    return cached;
                }
            } finally {
                lock.readLock().unlock();
            }
            lock.writeLock().lock();
            try {
                String value = table.get(key);
                if (value == null) {
                    value = loader.apply(key);
                    table.put(key, value);
                }
                return value;
            } finally {
                lock.writeLock().unlock();
            }
        }
        public void invalidate(String key) {
            if (lock.writeLock().tryLock()) {
                try {
                    table.remove(key);
                } finally {
                    lock.writeLock().unlock();
                }
            }
        }
    }

    // ---- right ----

    /** A lock per key for loading (made once, by computeIfAbsent), the load outside the read-write lock: readers of other keys never wait for a slow load. */
    static final class LoadLockPerKey implements Cache<String, String> {
        private final Table<String, String> table;
        private final Function<String, String> loader;
        private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        private final java.util.Map<String, Object> loadLocks = new java.util.concurrent.ConcurrentHashMap<>();
        LoadLockPerKey(Table<String, String> table, Function<String, String> loader) { this.table = table; this.loader = loader; }
        private String lookUp(String key) {
            lock.readLock().lock();
            try {
                return table.get(key);
            } finally {
                lock.readLock().unlock();
            }
        }
        private void store(String key, String value) {
            lock.writeLock().lock();
            try {
                table.put(key, value);
            } finally {
                lock.writeLock().unlock();
            }
        }
        public String get(String key) {
            String cached = lookUp(key);
            if (cached != null) {
                return cached;
            }
            synchronized (loadLocks.computeIfAbsent(key, k -> new Object())) {
                String value = lookUp(key); // look again: another miss may have loaded it
                if (value == null) {
                    value = loader.apply(key);
                    store(key, value);
                }
                return value;
            }
        }
        public void invalidate(String key) {
            lock.writeLock().lock();
            try {
                table.remove(key);
            } finally {
                lock.writeLock().unlock();
            }
        }
    }

    /** StampedLock's read and write locks (not its optimistic read). */
    static final class StampedReadWrite implements Cache<String, String> {
        private final Table<String, String> table;
        private final Function<String, String> loader;
        private final StampedLock lock = new StampedLock();
        StampedReadWrite(Table<String, String> table, Function<String, String> loader) { this.table = table; this.loader = loader; }
        public String get(String key) {
            long stamp = lock.readLock();
            try {
                String cached = table.get(key);
                if (cached != null) {
                    return cached;
                }
            } finally {
                lock.unlockRead(stamp);
            }
            stamp = lock.writeLock();
            try {
                String value = table.get(key);
                if (value == null) {
                    value = loader.apply(key);
                    table.put(key, value);
                }
                return value;
            } finally {
                lock.unlockWrite(stamp);
            }
        }
        public void invalidate(String key) {
            long stamp = lock.writeLock();
            try {
                table.remove(key);
            } finally {
                lock.unlockWrite(stamp);
            }
        }
    }

    /** StampedLock: try to convert the read stamp into a write stamp; if that fails, start over under the write lock. */
    static final class StampedConvert implements Cache<String, String> {
        private final Table<String, String> table;
        private final Function<String, String> loader;
        private final StampedLock lock = new StampedLock();
        StampedConvert(Table<String, String> table, Function<String, String> loader) { this.table = table; this.loader = loader; }
        public String get(String key) {
            long stamp = lock.readLock();
            try {
                String value = table.get(key);
                if (value != null) {
                    return value;
                }
                long writeStamp = lock.tryConvertToWriteLock(stamp);
                if (writeStamp == 0L) {
                    lock.unlockRead(stamp);
                    stamp = lock.writeLock();
                    value = table.get(key);
                    if (value != null) {
                        return value;
                    }
                } else {
                    stamp = writeStamp;
                }
                value = loader.apply(key);
                table.put(key, value);
                return value;
            } finally {
                lock.unlock(stamp);
            }
        }
        public void invalidate(String key) {
            long stamp = lock.writeLock();
            try {
                table.remove(key);
            } finally {
                lock.unlockWrite(stamp);
            }
        }
    }

    /** A fair ReentrantReadWriteLock. */
    static final class FairReadWriteLock implements Cache<String, String> {
        private final Table<String, String> table;
        private final Function<String, String> loader;
        private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);
        FairReadWriteLock(Table<String, String> table, Function<String, String> loader) { this.table = table; this.loader = loader; }
        public String get(String key) {
            lock.readLock().lock();
            try {
                String cached = table.get(key);
                if (cached != null) {
                    return cached;
                }
            } finally {
                lock.readLock().unlock();
            }
            lock.writeLock().lock();
            try {
                String value = table.get(key);
                if (value == null) {
                    value = loader.apply(key);
                    table.put(key, value);
                }
                return value;
            } finally {
                lock.writeLock().unlock();
            }
        }
        public void invalidate(String key) {
            lock.writeLock().lock();
            try {
                table.remove(key);
            } finally {
                lock.writeLock().unlock();
            }
        }
    }

    /** A semaphore of many permits: a reader takes one, a writer takes them all. */
    static final class SemaphoreReadWrite implements Cache<String, String> {
        private static final int PERMITS = 64;
        private final Table<String, String> table;
        private final Function<String, String> loader;
        private final Semaphore permits = new Semaphore(PERMITS, true);
        SemaphoreReadWrite(Table<String, String> table, Function<String, String> loader) { this.table = table; this.loader = loader; }
        public String get(String key) {
            permits.acquireUninterruptibly();
            try {
                String cached = table.get(key);
                if (cached != null) {
                    return cached;
                }
            } finally {
                permits.release();
            }
            permits.acquireUninterruptibly(PERMITS);
            try {
                String value = table.get(key);
                if (value == null) {
                    value = loader.apply(key);
                    table.put(key, value);
                }
                return value;
            } finally {
                permits.release(PERMITS);
            }
        }
        public void invalidate(String key) {
            permits.acquireUninterruptibly(PERMITS);
            try {
                table.remove(key);
            } finally {
                permits.release(PERMITS);
            }
        }
    }

    /** A home-made read-write lock: synchronized, a count of readers, a writer flag, wait/notifyAll. */
    static final class MonitorReadWrite implements Cache<String, String> {
        private final Table<String, String> table;
        private final Function<String, String> loader;
        private final Object monitor = new Object();
        private int readers;      // guarded by monitor
        private boolean writing;  // guarded by monitor
        MonitorReadWrite(Table<String, String> table, Function<String, String> loader) { this.table = table; this.loader = loader; }
        private void startReading() {
            synchronized (monitor) {
                while (writing) {
                    waitQuietly();
                }
                readers++;
            }
        }
        private void stopReading() {
            synchronized (monitor) {
                readers--;
                monitor.notifyAll();
            }
        }
        private void startWriting() {
            synchronized (monitor) {
                while (writing || readers > 0) {
                    waitQuietly();
                }
                writing = true;
            }
        }
        private void stopWriting() {
            synchronized (monitor) {
                writing = false;
                monitor.notifyAll();
            }
        }
        private void waitQuietly() {
            try {
                monitor.wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        public String get(String key) {
            startReading();
            try {
                String cached = table.get(key);
                if (cached != null) {
                    return cached;
                }
            } finally {
                stopReading();
            }
            startWriting();
            try {
                String value = table.get(key);
                if (value == null) {
                    value = loader.apply(key);
                    table.put(key, value);
                }
                return value;
            } finally {
                stopWriting();
            }
        }
        public void invalidate(String key) {
            startWriting();
            try {
                table.remove(key);
            } finally {
                stopWriting();
            }
        }
    }
}
