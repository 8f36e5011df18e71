package course.gil;

import course.gil.exercises.AtomicRefCount;
import course.gil.exercises.SwitchingGil;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The natural race on reference counts, on three builds of the interpreter. Two threads use one
 * shared object a million times each (each use takes a reference and drops it):
 * <ul>
 *   <li>GIL, plain counts (CPython's default build): always right;
 *   <li>no GIL, plain counts: the counts break, sooner or later: objects freed in use, used after
 *       free, or never freed, as the checker reports;
 *   <li>no GIL, atomic counts: right again.
 * </ul>
 * How often the second one breaks depends on timing, and on how busy the machine is.
 *
 * <p>{@link #main} runs your classes: your {@code SwitchingGil} (exercise gil.lock) and your
 * {@code AtomicRefCount} (exercise gil.atomic-count), or the reference solutions with
 * {@code -Psolution}. On the starter the third build has plain counts in disguise, so it can break
 * as the second does. The demo's proof, {@code NoGilRaceDemoIT}, runs right answers of its own.
 */
public final class NoGilRaceDemo {

    static final Duration SWITCH_INTERVAL = Duration.ofMillis(5);
    static final int THREADS = 2;
    static final long USES = 1_000_000;

    // tag::natural-run[]
    /** THREADS threads each use the shared object USES times; returns what the checker found. */
    public static HeapReport run(Gil gil, Supplier<RefCount> counts) throws InterruptedException {
        Interpreter interpreter = Interpreter.builder(gil).counts(counts).build();
        interpreter.share(0);
        Program useShared = Programs.countdown(1, USES, 0);
        return interpreter.runThreads(List.of(useShared, useShared)).heap();
    }
    // end::natural-run[]

    public static void main(String[] args) throws InterruptedException {
        int runs = args.length > 0 && !args[0].isBlank() ? Integer.parseInt(args[0].strip()) : 5;
        System.out.println("GIL: SwitchingGil (exercise gil.lock); atomic counts: AtomicRefCount"
                + " (exercise gil.atomic-count)");
        compare(runs, () -> new SwitchingGil(SWITCH_INTERVAL), AtomicRefCount::new);
    }

    /**
     * {@code gil} with plain counts and no GIL with atomic ones, {@code runs} times each; no GIL with
     * plain counts until it breaks, at most ten times as often.
     */
    static void compare(int runs, Supplier<Gil> gil, Supplier<RefCount> atomicCounts) throws InterruptedException {
        report("GIL, plain counts     ", runs, gil, PlainRefCount::new);
        reportUntilBroken("no GIL, plain counts  ", runs * 10, NoGil::new, PlainRefCount::new);
        report("no GIL, atomic counts ", runs, NoGil::new, atomicCounts);
    }

    /** Like report, but stops at the first broken run: a natural race may take many runs to show. */
    private static void reportUntilBroken(String build, int most, Supplier<Gil> gil, Supplier<RefCount> counts)
            throws InterruptedException {
        for (int r = 1; r <= most; r++) {
            HeapReport heap = run(gil.get(), counts);
            if (!heap.healthy()) {
                String before = r == 1 ? "" : " (the " + (r - 1) + " run(s) before it were healthy)";
                System.out.println(build + " run " + r + ": " + heap.summary() + before);
                return;
            }
        }
        System.out.println(build + " " + most + " runs, all healthy: the race did not show this time");
    }

    private static void report(String build, int runs, Supplier<Gil> gil, Supplier<RefCount> counts)
            throws InterruptedException {
        for (int r = 1; r <= runs; r++) {
            System.out.println(build + " run " + r + ": " + run(gil.get(), counts).summary());
        }
    }
}
