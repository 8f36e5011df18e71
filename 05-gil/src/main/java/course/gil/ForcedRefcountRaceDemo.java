package course.gil;

import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * No GIL, plain reference counts, and one forced interleaving: two interpreter threads use the
 * same object at the same moment, both read its count (1) before either writes, and both write
 * 2. One reference is now uncounted. When both drop their references the count reaches 0, and
 * the object is freed while a variable still refers to it; the next use of it is a use after
 * free. The interpreter's checker reports both. Nothing here depends on luck.
 */
public final class ForcedRefcountRaceDemo {

    /** What happened, step by step, and what the checker found. */
    public record Outcome(List<String> steps, HeapReport heap) {
    }

    // tag::stepped-count[]
    /**
     * A plain count, as the GIL build has, whose first two increments meet between their read
     * and their write, and again after it, so that both are written before either thread goes on.
     * (The decrements then happen one after the other; they need no help.)
     */
    static final class SteppedCount implements RefCount {
        private final CyclicBarrier bothHaveRead = new CyclicBarrier(2);
        private final CyclicBarrier bothHaveWritten = new CyclicBarrier(2);
        private final AtomicInteger increments = new AtomicInteger();
        private final List<String> steps;
        private long count = 1; // the variable's reference

        SteppedCount(List<String> steps) {
            this.steps = steps;
        }

        @Override
        public void increment() {
            boolean forced = increments.incrementAndGet() <= 2;
            long seen = count;                                   // read
            step("reads count " + seen);
            if (forced) {
                awaitQuietly(bothHaveRead);                      // the other thread reads too
            }
            count = seen + 1;                                    // write
            step("writes count " + (seen + 1));
            if (forced) {
                awaitQuietly(bothHaveWritten);
            }
        }

        @Override
        public synchronized boolean decrement() {
            count--;
            step("drops its reference: count " + count + (count == 0 ? ", so the object is freed" : ""));
            return count == 0;
        }
        // end::stepped-count[]

        @Override
        public synchronized long get() {
            return count;
        }

        private void step(String what) {
            steps.add(Thread.currentThread().getName() + " " + what);
        }
    }

    // tag::forced-run[]
    public static Outcome run() throws InterruptedException {
        List<String> steps = new CopyOnWriteArrayList<>();
        Interpreter interpreter = Interpreter.builder(new NoGil()).counts(() -> new SteppedCount(steps)).build();
        interpreter.share(0);                                    // x = object(): count 1
        Program useX = Program.builder().function("main", 0, 0).read(0).push(0).ret().build();
        interpreter.runThreads(List.of(useX, useX));             // two threads: x, at the same moment
        steps.add("interpreter-A uses x again");
        interpreter.runThreads(List.of(useX));                   // x is still bound: use it again
        return new Outcome(List.copyOf(steps), interpreter.heap().report());
    }
    // end::forced-run[]

    public static void main(String[] args) throws InterruptedException {
        Outcome outcome = run();
        outcome.steps().forEach(System.out::println);
        System.out.println("the checker found:");
        outcome.heap().examples().forEach(example -> System.out.println("  " + example));
        System.out.println(outcome.heap().summary());
    }

    private static void awaitQuietly(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (InterruptedException | BrokenBarrierException e) {
            Thread.currentThread().interrupt();
        }
    }
}
