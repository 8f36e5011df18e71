package course.locks;

/**
 * A cache in front of something slow, read far more often than it changes: what exercise
 * locks.cache implements. {@code get} returns the cached value, or loads it (once) if it is
 * not there; {@code invalidate} drops a value so that the next {@code get} loads it afresh.
 */
public interface Cache<K, V> {

    /** The value for {@code key}, loaded on the first request and kept. */
    V get(K key);

    /** Forgets the value for {@code key}. */
    void invalidate(K key);
}
