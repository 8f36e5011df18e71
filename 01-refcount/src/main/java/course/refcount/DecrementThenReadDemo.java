package course.refcount;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An atomic count is not enough: the decision to free must be made on the value the atomic
 * step returned. Two owners release an object with a count of 2 at the same moment, and a
 * barrier holds both threads between their decrement and their decision.
 * <ul>
 *   <li>"decrement, then read the count again": both decrements happen, both threads then read
 *       0, and both free the object. A double free, on every run. (Had a third thread retained
 *       it in between, both would have read 1 and neither would have freed it.)
 *   <li>"decide on what decrementAndGet returned": one thread got 1, the other got 0; only the
 *       second frees, however the threads interleave.
 * </ul>
 */
public final class DecrementThenReadDemo {

    /** How many times the object was freed by two releases from a count of 2. */
    public record Outcome(int frees, int finalCount) {
    }

    // tag::read-again[]
    static void releaseReadingAgain(AtomicInteger count, AtomicInteger frees, CyclicBarrier pause)
            throws InterruptedException, BrokenBarrierException {
        count.decrementAndGet();
        pause.await();                 // the other thread decrements here too
        if (count.get() == 0) {        // a second look: it sees the other thread's decrement as well
            frees.incrementAndGet();   // free
        }
    }
    // end::read-again[]

    // tag::decide-on-result[]
    static void releaseDecidingOnResult(AtomicInteger count, AtomicInteger frees, CyclicBarrier pause)
            throws InterruptedException, BrokenBarrierException {
        int left = count.decrementAndGet(); // one step: change the count and learn what it became
        pause.await();                      // the same pause changes nothing now
        if (left == 0) {                    // only the thread whose decrement reached 0 frees
            frees.incrementAndGet();        // free
        }
    }
    // end::decide-on-result[]

    /** A release written one way or the other. */
    @FunctionalInterface
    interface Release {
        void run(AtomicInteger count, AtomicInteger frees, CyclicBarrier pause) throws Exception;
    }

    /** Two threads release an object with a count of 2 at the same moment. */
    public static Outcome twoReleases(boolean readAgain) throws InterruptedException {
        AtomicInteger count = new AtomicInteger(2);
        AtomicInteger frees = new AtomicInteger();
        CyclicBarrier pause = new CyclicBarrier(2);
        Release release = readAgain ? DecrementThenReadDemo::releaseReadingAgain
                : DecrementThenReadDemo::releaseDecidingOnResult;
        Runnable owner = () -> {
            try {
                release.run(count, frees, pause);
            } catch (Exception e) {
                Thread.currentThread().interrupt();
            }
        };
        Thread first = Thread.ofPlatform().name("owner 1").start(owner);
        Thread second = Thread.ofPlatform().name("owner 2").start(owner);
        first.join();
        second.join();
        return new Outcome(frees.get(), count.get());
    }

    public static void main(String[] args) throws InterruptedException {
        Outcome again = twoReleases(true);
        System.out.println("decrement, then read again:      freed " + again.frees() + " times");
        Outcome result = twoReleases(false);
        System.out.println("decide on decrementAndGet():     freed " + result.frees() + " time");
    }
}
