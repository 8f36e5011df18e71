package course.locks.exercises;

import course.locks.Table;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A table for the checks, with a loader that counts its loads. Every access goes through a
 * {@link Rendezvous}: a write while anyone else is inside, or a read during a write, is
 * caught, and made to happen if nothing keeps the threads apart.
 */
final class WatchedTable implements Table<String, String> {

    final Rendezvous rendezvous = new Rendezvous();
    private final Map<String, String> map = new HashMap<>();
    private final Map<String, AtomicInteger> loads = new ConcurrentHashMap<>();

    /** The loader to give the cache: "value of " + key, counted. */
    final Function<String, String> loader = key -> {
        loads.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        return "value of " + key;
    };

    /** Puts a value straight in, as if loaded earlier (by the check's own thread, before the players start). */
    WatchedTable holding(String key, String value) {
        map.put(key, value);
        return this;
    }

    int loadsOf(String key) {
        AtomicInteger count = loads.get(key);
        return count == null ? 0 : count.get();
    }

    @Override
    public String get(String key) {
        rendezvous.enter(Rendezvous.Access.READ, "get(\"" + key + "\")");
        try {
            return map.get(key);
        } finally {
            rendezvous.exit();
        }
    }

    @Override
    public void put(String key, String value) {
        rendezvous.enter(Rendezvous.Access.WRITE, "put(\"" + key + "\", ...)");
        try {
            map.put(key, value);
        } finally {
            rendezvous.exit();
        }
    }

    @Override
    public void remove(String key) {
        rendezvous.enter(Rendezvous.Access.WRITE, "remove(\"" + key + "\")");
        try {
            map.remove(key);
        } finally {
            rendezvous.exit();
        }
    }
}
