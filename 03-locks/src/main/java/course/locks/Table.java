package course.locks;

import java.util.HashMap;
import java.util.Map;

/**
 * Where a cache keeps its values: a plain map that does no locking of its own. Any number of
 * threads may read it at once, but a write while anyone else reads or writes can corrupt it
 * (as it can a {@link HashMap}).
 */
public interface Table<K, V> {

    /** The value for {@code key}, or null. */
    V get(K key);

    void put(K key, V value);

    void remove(K key);

    /** A table backed by a {@link HashMap}. */
    static <K, V> Table<K, V> inMemory() {
        return new Table<>() {
            private final Map<K, V> map = new HashMap<>();

            @Override
            public V get(K key) {
                return map.get(key);
            }

            @Override
            public void put(K key, V value) {
                map.put(key, value);
            }

            @Override
            public void remove(K key) {
                map.remove(key);
            }
        };
    }
}
