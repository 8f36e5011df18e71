package course.gil;

import course.gil.exercises.SwitchingGil;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Two CPU-bound interpreter threads, one GIL: they take turns. Each holds the GIL until the other
 * has waited one switch interval and asked for it, so the turns last about one interval (5 ms,
 * CPython's default). Both threads use one shared object with plain reference counts, and its
 * count stays right: only one thread runs instructions at a time.
 *
 * <p>{@link #main} runs your {@code SwitchingGil} (exercise gil.lock), or the reference solution
 * with {@code -Psolution}. Before you solve it, the first thread keeps the GIL to the end and the
 * second waits the whole time: one turn each. The demo's proof, {@code GilHandoffDemoIT}, runs
 * right answers of its own.
 */
public final class GilHandoffDemo {

    static final Duration SWITCH_INTERVAL = Duration.ofMillis(5);
    static final long COUNT = 1_000_000;

    /** One turn: who held the GIL, from when, for how long (milliseconds). */
    public record Turn(String thread, double fromMillis, double millis) {
    }

    /** What a run showed: the turns, in order, and the checker's report. */
    public record Outcome(List<Turn> turns, Duration elapsed, HeapReport heap) {
    }

    // tag::handoff-run[]
    public static Outcome run(Gil gil) throws InterruptedException {
        TracingGil traced = new TracingGil(gil);
        Interpreter interpreter = Interpreter.builder(traced).counts(PlainRefCount::new).build();
        interpreter.share(0); // x: one object both threads use
        Interpreter.Run run = interpreter.runThreads(List.of(
                Programs.countdown(1, COUNT, 0),
                Programs.countdown(1, COUNT, 0)));
        return new Outcome(turns(traced.takes(), traced.nanosSinceStart()), run.elapsed(), run.heap());
    }
    // end::handoff-run[]

    /** The takes as turns, timed from the first take; the last turn lasts until {@code endNanos}. */
    static List<Turn> turns(List<TracingGil.Take> takes, long endNanos) {
        List<Turn> turns = new ArrayList<>();
        long first = takes.isEmpty() ? 0 : takes.get(0).nanos();
        for (int i = 0; i < takes.size(); i++) {
            long from = takes.get(i).nanos();
            long to = i + 1 < takes.size() ? takes.get(i + 1).nanos() : endNanos;
            turns.add(new Turn(takes.get(i).thread(), (from - first) / 1e6, (to - from) / 1e6));
        }
        return turns;
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("GIL: SwitchingGil (exercise gil.lock)");
        show(run(new SwitchingGil(SWITCH_INTERVAL)));
    }

    /** The first turns, the median turn, and the shared object's health. */
    static void show(Outcome outcome) {
        List<Turn> turns = outcome.turns();
        System.out.printf("two threads counting down from %,d, switch interval %d ms: %d turns in %.0f ms%n",
                COUNT, SWITCH_INTERVAL.toMillis(), turns.size(), outcome.elapsed().toNanos() / 1e6);
        for (Turn turn : turns.subList(0, Math.min(8, turns.size()))) {
            System.out.printf("  %-14s holds the GIL from %6.1f ms for %5.1f ms%n",
                    turn.thread(), turn.fromMillis(), turn.millis());
        }
        if (turns.size() > 8) {
            System.out.printf("  ... and %d more turns%n", turns.size() - 8);
        }
        double[] lengths = turns.stream().mapToDouble(Turn::millis).sorted().toArray();
        System.out.printf("median turn: %.1f ms%n", lengths[lengths.length / 2]);
        System.out.println("shared object: " + outcome.heap().summary());
    }
}
