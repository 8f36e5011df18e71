package course.locks.exercises;

import course.kit.Interleavings;
import course.kit.StuckThreads;
import course.kit.Workers;
import course.locks.Cache;
import course.locks.Table;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import org.jetbrains.lincheck.datastructures.Operation;

/**
 * The checks of exercise locks.cache, for any {@link Cache} class with a
 * {@code (Table, Function)} constructor. They use a {@link WatchedTable}: readers are made to
 * meet inside it (a read-write lock lets them, an exclusive lock does not), and a write is
 * made to meet any access that nothing keeps apart from it. Calls that wait for ever (a read
 * lock never given back, or "upgraded" to the write lock) are found and reported, not waited
 * for.
 */
final class CacheCheck {

    static final Duration HANG_LIMIT = Duration.ofSeconds(3);
    /** Threads that all wait, with nothing touching the table for this long, wait for ever. */
    static final long STALL_NANOS = 500_000_000L;
    /** Interleavings tried per scenario: each costs the model checker the lock's own steps too. */
    static final int INTERLEAVINGS = 100;

    private CacheCheck() {
    }

    static void all(Class<? extends Cache<String, String>> answer) {
        worksAlone(answer);
        readersShareTheLock(answer);
        aMissLoadsOnceAndWritesAlone(answer);
        invalidateWritesAlone(answer);
        callsAtOnceAreOneAtATime(answer);
        staysUsableAfterAFailedLoad(answer);
    }

    /** One thread: load on a miss, serve hits from the table, load again after invalidate. */
    static void worksAlone(Class<? extends Cache<String, String>> answer) {
        WatchedTable table = new WatchedTable();
        Cache<String, String> cache = create(answer, table);
        List<Object> results = play(table, List.of(() -> {
            List<String> seen = new ArrayList<>();
            seen.add(cache.get("a"));
            seen.add(cache.get("a"));
            cache.invalidate("a");
            seen.add(cache.get("a"));
            return seen;
        }), "one thread calling get(\"a\"), get(\"a\"), invalidate(\"a\"), get(\"a\")");
        Object seen = results.getFirst();
        if (!List.of("value of a", "value of a", "value of a").equals(seen)) {
            throw new AssertionError("get(\"a\"), get(\"a\"), invalidate(\"a\"), get(\"a\") returned " + seen
                    + " (expected \"value of a\" three times)");
        }
        if (table.loadsOf("a") != 2) {
            throw new AssertionError("get(\"a\"), get(\"a\"), invalidate(\"a\"), get(\"a\") loaded \"a\" "
                    + table.loadsOf("a") + " times (expected 2: the first get, and the get after invalidate)");
        }
    }

    // tag::readers[]
    /** Two threads read a cached value at once: both must be inside the table together. */
    static void readersShareTheLock(Class<? extends Cache<String, String>> answer) {
        WatchedTable table = new WatchedTable().holding("k", "value of k");
        table.rendezvous.readersOnly().expectPlayers(2);
        Cache<String, String> cache = create(answer, table);
        play(table, List.of(() -> cache.get("k"), () -> cache.get("k")), "two readers of a cached value");
        List<String> keptOut = table.rendezvous.readersKeptOut();
        if (!keptOut.isEmpty()) {
            throw new AssertionError("two threads called get(\"k\") for a cached value at once, and "
                    + keptOut.getFirst() + ": an exclusive lock makes readers take turns. Look values up under"
                    + " the read lock of a ReadWriteLock, which any number of readers hold together");
        }
        if (!table.rendezvous.readersMet()) {
            throw new AssertionError("two threads called get(\"k\") for a cached value at once, and were never"
                    + " inside the table together: readers must not wait for each other");
        }
        failOnViolation(table, "two readers");
    }
    // end::readers[]

    // tag::miss[]
    /** Two threads miss the same key at once: one load, and every write to the table alone. */
    static void aMissLoadsOnceAndWritesAlone(Class<? extends Cache<String, String>> answer) {
        WatchedTable table = new WatchedTable();
        table.rendezvous.expectPlayers(2);
        Cache<String, String> cache = create(answer, table);
        List<Object> results = play(table, List.of(() -> cache.get("k"), () -> cache.get("k")),
                "two threads missing the same key");
        failOnViolation(table, "two threads missing the same key");
        if (table.loadsOf("k") != 1) {
            throw new AssertionError("two threads called get(\"k\") at once on an empty cache, and \"k\" was"
                    + " loaded " + table.loadsOf("k") + " times (expected once). A miss must wait while another"
                    + " thread loads the key, and look again (under the write lock) before it loads");
        }
        if (!results.stream().allMatch("value of k"::equals)) {
            throw new AssertionError("two threads called get(\"k\") and got " + results);
        }
    }
    // end::miss[]

    /** A reader and invalidate() at once: the removal is a write, alone in the table. */
    static void invalidateWritesAlone(Class<? extends Cache<String, String>> answer) {
        WatchedTable table = new WatchedTable().holding("k", "value of k");
        table.rendezvous.expectPlayers(2);
        Cache<String, String> cache = create(answer, table);
        List<Object> results = play(table, List.of(() -> cache.get("k"), () -> {
            cache.invalidate("k");
            return null;
        }), "get(\"k\") and invalidate(\"k\") at once");
        failOnViolation(table, "get(\"k\") and invalidate(\"k\") at once");
        if (!"value of k".equals(results.getFirst())) {
            throw new AssertionError("get(\"k\"), run at the same time as invalidate(\"k\"), returned "
                    + results.getFirst());
        }
    }

    // tag::explored[]
    /**
     * Calls made at once, in every interleaving the model checker can make of them, must give
     * what the same calls give one at a time: two gets that miss load the key once and return
     * its value; a get that misses returns the value it loaded, even when an invalidate of the
     * same key runs at the same time (a get that reads the table again after letting the lock
     * go may find nothing there); and an invalidate made while a get reads drops the value all
     * the same, so the next get loads it again.
     */
    static void callsAtOnceAreOneAtATime(Class<? extends Cache<String, String>> answer) {
        Interleavings.of(Calls.class, OneAtATime.class, answer).atMost(INTERLEAVINGS)
                .together(List.of("getK", "getK"), "loadsOfK")
                .together(List.of("getK", "invalidateK"), "loadsOfK")
                .saying("a get(\"k\") and an invalidate(\"k\") made at once on an empty cache: get must return the"
                        + " value it loaded, \"value of k\", whether the value is dropped before or after it")
                .scenario(List.of("getK"), List.of(List.of("getK"), List.of("invalidateK")), List.of("getK", "loadsOfK"))
                .saying("get(\"k\"), then a get(\"k\") and an invalidate(\"k\") at once, then get(\"k\") again: the"
                        + " invalidate must drop the value whenever it runs, also while a reader holds the lock, so"
                        + " \"k\" is loaded twice in all (an invalidate that gives up when the lock is busy drops nothing)")
                .check("two get(\"k\") calls made at once on an empty cache must both return \"value of k\" and load"
                        + " \"k\" once");
    }

    /** The calls the model checker makes, on a fresh cache of the answer's class with a counting loader. */
    public static final class Calls {
        private final AtomicInteger loads = new AtomicInteger();
        private final Cache<String, String> cache = construct(Interleavings.answer(Cache.class), new OneKeyTable(),
                key -> {
                    loads.incrementAndGet();
                    return "value of " + key;
                });

        @Operation
        public String getK() {
            return cache.get("k");
        }

        @Operation
        public void invalidateK() {
            cache.invalidate("k");
        }

        @Operation
        public int loadsOfK() {
            return loads.get();
        }
    }

    /**
     * A table for one key, in two plain fields: like a HashMap it does no locking, and it gives
     * the model checker few steps of its own to interleave.
     */
    private static final class OneKeyTable implements Table<String, String> {
        private String key;
        private String value;

        public String get(String k) {
            return k.equals(key) ? value : null;
        }

        public void put(String k, String v) {
            key = k;
            value = v;
        }

        public void remove(String k) {
            if (k.equals(key)) {
                key = null;
                value = null;
            }
        }
    }

    /** What the same calls do one at a time. */
    public static final class OneAtATime {
        private boolean cached;
        private int loads;

        public String getK() {
            if (!cached) {
                loads++;
                cached = true;
            }
            return "value of k";
        }

        public void invalidateK() {
            cached = false;
        }

        public int loadsOfK() {
            return loads;
        }
    }
    // end::explored[]

    /**
     * The loader fails (the database is down) on the first get: that caller sees the failure, and
     * the cache stays usable: the next get, on another thread, loads the value and returns it. A
     * lock the failed get took and let go only on the way out that did not throw waits for ever.
     */
    static void staysUsableAfterAFailedLoad(Class<? extends Cache<String, String>> answer) {
        WatchedTable table = new WatchedTable();
        AtomicInteger loads = new AtomicInteger();
        RuntimeException down = new IllegalStateException("the database is down (a loader failing on purpose)");
        Cache<String, String> cache = construct(answer, table, key -> {
            if (loads.getAndIncrement() == 0) {
                throw down;
            }
            return "value of " + key;
        });
        Object failed = play(table, List.of(() -> {
            try {
                return cache.get("k");
            } catch (RuntimeException e) {
                return e;
            }
        }), "get(\"k\") whose loader threw").getFirst();
        if (failed != down) {
            throw new AssertionError("the loader threw " + down + " for get(\"k\"), and get " + (failed instanceof
                    Throwable t ? "threw " + t : "returned " + failed) + ": the caller must see the loader's exception");
        }
        Object next = play(table, List.of(() -> cache.get("k")), "get(\"k\") on another thread, after a get(\"k\")"
                + " whose loader threw", "it waits for ever for a lock that the get whose loader threw took and"
                + " never let go (that thread has ended; it was named like this one). The loader's exception"
                + " skipped the unlock(): let every lock go in a finally block").getFirst();
        if (!"value of k".equals(next)) {
            throw new AssertionError("after a get(\"k\") whose loader threw, the next get(\"k\") returned " + next
                    + " (expected \"value of k\", loaded afresh: a failed load stores nothing)");
        }
        failOnViolation(table, "a get whose load failed, then another");
    }

    // ---- running the players ----

    @FunctionalInterface
    interface Play {
        Object run() throws Exception;
    }

    /**
     * Runs each play on a thread of its own, all released together, and returns their results.
     * Fails if one throws, or if they all end up waiting with nothing left to wake them.
     */
    private static List<Object> play(WatchedTable table, List<Play> plays, String what) {
        return play(table, plays, what, null);
    }

    /** As {@link #play(WatchedTable, List, String)}; if the threads wait for ever, {@code ifStuck} says why. */
    private static List<Object> play(WatchedTable table, List<Play> plays, String what, String ifStuck) {
        int count = plays.size();
        AtomicReferenceArray<Object> results = new AtomicReferenceArray<>(count);
        AtomicReferenceArray<Throwable> errors = new AtomicReferenceArray<>(count);
        List<Thread> threads = new ArrayList<>();
        try (Workers workers = Workers.named("cache")) {
            for (int i = 0; i < count; i++) {
                int me = i;
                threads.add(workers.start("cache-" + (i + 1), () -> {
                    table.rendezvous.join();
                    try {
                        results.set(me, plays.get(me).run());
                    } catch (Throwable e) {
                        errors.set(me, e);
                    } finally {
                        table.rendezvous.leave();
                    }
                }));
            }
            List<Thread> stuck = awaitAllEndOrStall(table, threads);
            if (!stuck.isEmpty()) {
                throw new AssertionError(ifStuck == null ? stuckMessage(what, stuck)
                        : what + ": " + ifStuck + ".\n" + StuckThreads.describe(stuck));
            }
        }
        for (int i = 0; i < count; i++) {
            if (errors.get(i) != null) {
                throw new AssertionError(what + ": thread \"cache-" + (i + 1) + "\" threw " + errors.get(i), errors.get(i));
            }
        }
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(results.get(i));
        }
        return list;
    }

    private static String stuckMessage(String what, List<Thread> stuck) {
        String report = StuckThreads.describe(stuck);
        boolean waitsForWriteLock = stuck.stream().anyMatch(t -> Arrays.stream(t.getStackTrace())
                .anyMatch(f -> f.getClassName().contains("WriteLock") || f.getMethodName().startsWith("writeLock")));
        return what + ": " + stuck.size() + " thread(s) wait for ever, with nothing left to wake them."
                + (waitsForWriteLock ? " They wait for the write lock, which waits until every read lock is given"
                + " back, their own too: a read lock cannot be upgraded. Let the read lock go (in a finally) before"
                + " taking the write lock" : " A lock was taken and never given back")
                + ".\n" + report;
    }

    /** Waits until the threads end; returns those left if they all wait and the table is still for a while. */
    private static List<Thread> awaitAllEndOrStall(WatchedTable table, List<Thread> threads) {
        long end = System.nanoTime() + HANG_LIMIT.toNanos();
        long lastSteps = -1;
        long stillSince = System.nanoTime();
        int looks = 0;
        while (true) {
            List<Thread> alive = threads.stream().filter(Thread::isAlive).toList();
            if (alive.isEmpty()) {
                return alive;
            }
            long now = System.nanoTime();
            long steps = table.rendezvous.steps();
            if (steps != lastSteps || !alive.stream().allMatch(Rendezvous::isKeptOut)) {
                lastSteps = steps;
                stillSince = now;
                looks = 0;
            } else if (++looks >= 100 && now - stillSince > STALL_NANOS) {
                return alive; // still at every one of many looks over the whole time
            }
            if (now > end) {
                return alive;
            }
            Rendezvous.pause();
        }
    }

    private static void failOnViolation(WatchedTable table, String when) {
        List<String> violations = table.rendezvous.violations();
        if (!violations.isEmpty()) {
            throw new AssertionError("the table was used wrongly (" + when + "): " + violations.getFirst()
                    + ". A write must have the table to itself: make every put and remove under the write lock"
                    + " (not the read lock, and not with no lock), and read under a lock the writer excludes");
        }
    }

    private static Cache<String, String> create(Class<? extends Cache<String, String>> answer, WatchedTable table) {
        return construct(answer, table, table.loader);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Cache<String, String> construct(Class<? extends Cache> answer, Table<String, String> table,
            Function<String, String> loader) {
        try {
            var constructor = answer.getDeclaredConstructor(Table.class, Function.class);
            constructor.setAccessible(true); // the model may be in another class loader than the answer
            return constructor.newInstance(table, loader);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create a " + answer.getSimpleName() + "(Table, Function)", e);
        }
    }
}
