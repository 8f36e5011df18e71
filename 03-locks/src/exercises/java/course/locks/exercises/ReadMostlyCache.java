package course.locks.exercises;

import course.locks.Cache;
import course.locks.Table;
import java.util.function.Function;

/**
 * Exercise locks.cache: a read-mostly cache with a read-write lock.
 *
 * <p>Values live in a {@link Table}, which does no locking of its own: any number of threads
 * may read it at once, but a write while anyone else reads or writes it corrupts it. Keep no
 * copy of its values. Many threads call {@link #get} at once, and they must not wait for each
 * other when the value is already there. A missing value is loaded with the loader (slow:
 * think of a database) and stored; load each key only once, even when several threads miss it
 * at the same moment. {@link #invalidate} drops a value. The loader may fail (throw): its
 * caller sees that exception, nothing is stored, and the cache stays usable by every thread.
 *
 * <p>Use a {@link java.util.concurrent.locks.ReentrantReadWriteLock} (or a
 * {@link java.util.concurrent.locks.StampedLock}).
 *
 * <p>Run {@code ./mvnw test -pl 03-locks} to check your answer.
 */
public final class ReadMostlyCache<K, V> implements Cache<K, V> {

    private final Table<K, V> table;
    private final Function<K, V> loader;

    public ReadMostlyCache(Table<K, V> table, Function<K, V> loader) {
        this.table = table;
        this.loader = loader;
    }

    @Override
    public V get(K key) {
        // TODO: readers may share a lock; a thread that writes to the table needs it to itself.
        V value = table.get(key);
        if (value == null) {
            value = loader.apply(key); // two threads that miss at once would both load
            table.put(key, value);
        }
        return value;
    }

    @Override
    public void invalidate(K key) {
        // TODO: a write, like any other.
        table.remove(key);
    }
}
