package course.race;

import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;

/**
 * The lost update, every time. Two threads each do one {@code count++}, written out as its
 * three steps, and a barrier holds both between the read and the write: both read 5, both
 * write 6, and one increment is gone. Nothing here depends on luck or on the JIT.
 */
public final class ForcedLostUpdateDemo {

    /** What happened, step by step, and the final count. */
    public record Outcome(List<String> steps, int finalCount) {
    }

    private int count = 5; // guarded by nothing: that is the point

    // tag::forced-interleaving[]
    /** One {@code count++}, in its three steps, with both threads meeting after the read. */
    private void incrementInSteps(CyclicBarrier bothHaveRead, List<String> steps)
            throws InterruptedException, BrokenBarrierException {
        String me = Thread.currentThread().getName();
        int seen = count;                     // step 1: read
        steps.add(me + " reads " + seen);
        bothHaveRead.await();                 // the other thread reads before anyone writes
        int next = seen + 1;                  // step 2: add
        count = next;                         // step 3: write
        steps.add(me + " writes " + next);
    }
    // end::forced-interleaving[]

    /** Runs the two threads once. */
    public static Outcome run() throws InterruptedException {
        ForcedLostUpdateDemo demo = new ForcedLostUpdateDemo();
        CyclicBarrier bothHaveRead = new CyclicBarrier(2);
        List<String> steps = new CopyOnWriteArrayList<>();
        Thread a = Thread.ofPlatform().name("thread A").unstarted(() -> demo.quietly(bothHaveRead, steps));
        Thread b = Thread.ofPlatform().name("thread B").unstarted(() -> demo.quietly(bothHaveRead, steps));
        a.start();
        b.start();
        a.join();
        b.join();
        return new Outcome(List.copyOf(steps), demo.count);
    }

    private void quietly(CyclicBarrier bothHaveRead, List<String> steps) {
        try {
            incrementInSteps(bothHaveRead, steps);
        } catch (InterruptedException | BrokenBarrierException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Outcome outcome = run();
        outcome.steps().forEach(System.out::println);
        System.out.println("two increments of 5 give " + outcome.finalCount() + ", not 7");
    }
}
