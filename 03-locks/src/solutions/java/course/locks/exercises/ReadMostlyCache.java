package course.locks.exercises;

import course.locks.Cache;
import course.locks.Table;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * Exercise locks.cache, solved. Hits take the read lock, which any number of readers share.
 * A miss lets the read lock go (a read lock cannot be upgraded: asking for the write lock
 * while holding it would wait for ever), takes the write lock, and looks again: another thread
 * may have loaded the value between the two locks. Only then does it load and store, so each
 * key is loaded once. Every change to the table is made under the write lock.
 */
public final class ReadMostlyCache<K, V> implements Cache<K, V> {

    private final Table<K, V> table;
    private final Function<K, V> loader;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    public ReadMostlyCache(Table<K, V> table, Function<K, V> loader) {
        this.table = table;
        this.loader = loader;
    }

    // tag::solution[]
    @Override
    public V get(K key) {
        lock.readLock().lock();
        try {
            V cached = table.get(key);
            if (cached != null) {
                return cached;            // the common case: readers share the lock
            }
        } finally {
            lock.readLock().unlock();     // let go before asking for the write lock
        }
        lock.writeLock().lock();
        try {
            V value = table.get(key);     // look again: someone may have loaded it meanwhile
            if (value == null) {
                value = loader.apply(key);
                table.put(key, value);
            }
            return value;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public void invalidate(K key) {
        lock.writeLock().lock();
        try {
            table.remove(key);
        } finally {
            lock.writeLock().unlock();
        }
    }
    // end::solution[]
}
