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
 *   <li>no GIL, atomic counts (your {@code AtomicRefCount}, exercise gil.atomic-count): right again.
 * </ul>
 * How often the second one breaks depends on timing, and on how busy the machine is.
 */
public final class NoGilRaceDemo {

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
        report("GIL, plain counts     ", runs, () -> new SwitchingGil(Duration.ofMillis(5)), PlainRefCount::new);
        report("no GIL, plain counts  ", runs, NoGil::new, PlainRefCount::new);
        report("no GIL, atomic counts ", runs, NoGil::new, AtomicRefCount::new);
    }

    private static void report(String build, int runs, Supplier<Gil> gil, Supplier<RefCount> counts)
            throws InterruptedException {
        for (int r = 1; r <= runs; r++) {
            System.out.println(build + " run " + r + ": " + run(gil.get(), counts).summary());
        }
    }
}
