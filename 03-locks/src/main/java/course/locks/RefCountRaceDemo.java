package course.locks;

import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.function.Supplier;

/**
 * Lesson 01's reference count meets lesson 02's race. An object has two users, so its count is
 * 2. At the same moment one user hands the object to a third (retain: 2 to 3) and the other
 * drops it (release: 2 to 1). The right result is 2. With a plain {@code count++} and
 * {@code count--}, forced to interleave, both read 2: the retain writes 3, then the release
 * writes 1. The object now has two users and a count of 1, and when one of them lets go it is
 * freed under the other one's feet. CPython's GIL is what keeps its reference counts out of
 * this; a lock or an atomic count does it in Java.
 */
public final class RefCountRaceDemo {

    /** A count with no protection; its two updates are written out as read, pause, write. */
    static final class RacyRefCount {
        private int count = 2;
        private boolean freed;

        // tag::racy-refcount[]
        void retainInSteps(CyclicBarrier bothHaveRead, CountDownLatch retainWritten)
                throws InterruptedException, BrokenBarrierException {
            int seen = count;           // read 2
            bothHaveRead.await();       // the release reads 2 as well
            count = seen + 1;           // write 3
            retainWritten.countDown();
        }

        void releaseInSteps(CyclicBarrier bothHaveRead, CountDownLatch retainWritten)
                throws InterruptedException, BrokenBarrierException {
            int seen = count;           // read 2
            bothHaveRead.await();
            retainWritten.await();      // write after the retain, so the retain is the one lost
            count = seen - 1;           // write 1: the retain's 3 is gone
            if (count == 0) {
                freed = true;
            }
        }
        // end::racy-refcount[]

        void release() {
            if (--count == 0) {
                freed = true;
            }
        }
    }

    /** What happened to the racy count, step by step. */
    public static List<String> racyStory() throws InterruptedException {
        RacyRefCount ref = new RacyRefCount();
        List<String> story = new CopyOnWriteArrayList<>();
        story.add("two users, count " + ref.count);
        CyclicBarrier bothHaveRead = new CyclicBarrier(2);
        CountDownLatch retainWritten = new CountDownLatch(1);
        Thread lender = Thread.ofPlatform().name("lender").start(() -> quietly(() -> ref.retainInSteps(bothHaveRead, retainWritten)));
        Thread dropper = Thread.ofPlatform().name("dropper").start(() -> quietly(() -> ref.releaseInSteps(bothHaveRead, retainWritten)));
        lender.join();
        dropper.join();
        story.add("one retain and one release at once: two users (the lender and the third), count " + ref.count);
        ref.release();
        story.add("the lender lets go: one user left (the third), count " + ref.count + ", freed " + ref.freed);
        return List.copyOf(story);
    }

    /** The same story with a correct count: the retain and the release run at once, really in parallel. */
    public static List<String> safeStory(Supplier<RefCounted> counts) throws InterruptedException {
        RefCounted ref = counts.get();
        ref.retain(); // two users
        List<String> story = new CopyOnWriteArrayList<>();
        story.add("two users, count " + ref.count());
        CyclicBarrier start = new CyclicBarrier(2);
        Thread lender = Thread.ofPlatform().name("lender").start(() -> quietly(() -> {
            start.await();
            ref.retain();
        }));
        Thread dropper = Thread.ofPlatform().name("dropper").start(() -> quietly(() -> {
            start.await();
            ref.release();
        }));
        lender.join();
        dropper.join();
        story.add("one retain and one release at once: two users (the lender and the third), count " + ref.count());
        ref.release();
        story.add("the lender lets go: one user left (the third), count " + ref.count() + ", freed " + ref.isFreed());
        return List.copyOf(story);
    }

    /**
     * Two threads each retain and release a million times while the creator holds its
     * reference: the count must come back to 1 and the object must never be freed.
     */
    public static int countAfterHammering(RefCounted ref, int pairsPerThread) throws InterruptedException {
        CyclicBarrier start = new CyclicBarrier(2);
        Runnable hammer = () -> quietly(() -> {
            start.await();
            for (int i = 0; i < pairsPerThread; i++) {
                ref.retain();
                ref.release();
            }
        });
        Thread a = Thread.ofPlatform().name("hammer-1").start(hammer);
        Thread b = Thread.ofPlatform().name("hammer-2").start(hammer);
        a.join();
        b.join();
        return ref.count();
    }

    private interface Step {
        void run() throws InterruptedException, BrokenBarrierException;
    }

    private static void quietly(Step step) {
        try {
            step.run();
        } catch (InterruptedException | BrokenBarrierException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("plain int count:");
        racyStory().forEach(line -> System.out.println("  " + line));
        System.out.println("LockedRefCount:");
        safeStory(LockedRefCount::new).forEach(line -> System.out.println("  " + line));
        System.out.println("AtomicRefCount:");
        safeStory(AtomicRefCount::new).forEach(line -> System.out.println("  " + line));
        LockedRefCount locked = new LockedRefCount();
        AtomicRefCount atomic = new AtomicRefCount();
        System.out.println("2 threads x 1,000,000 retain/release pairs, LockedRefCount: count "
                + countAfterHammering(locked, 1_000_000) + ", freed " + locked.isFreed());
        System.out.println("2 threads x 1,000,000 retain/release pairs, AtomicRefCount: count "
                + countAfterHammering(atomic, 1_000_000) + ", freed " + atomic.isFreed());
    }
}
