package course.race;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Check-then-act: a lazy value that is built on first use. "If nobody has built it yet,
 * build it" is a check and an act; two threads can both pass the check before either acts,
 * and the expensive object is built twice (two connection pools, two caches, two of a thing
 * that was meant to be one).
 *
 * <p>Here the build waits until a second thread has also passed the check, so the race
 * happens on every run instead of once in a blue moon.
 */
public final class LazyInitRaceDemo {

    // tag::check-then-act[]
    /** A lazily built value, written the obvious, unsafe way. */
    static final class UnsafeLazy<T> {
        private final Supplier<T> factory;
        private T value;

        UnsafeLazy(Supplier<T> factory) {
            this.factory = factory;
        }

        T get() {
            if (value == null) {          // check ...
                value = factory.get();    // ... then act: another thread may be between the two
            }
            return value;
        }
    }
    // end::check-then-act[]

    /** Two threads ask for the value at once; returns how many times it was built. */
    public static int buildsWithTwoThreads() throws InterruptedException {
        AtomicInteger builds = new AtomicInteger();
        CountDownLatch bothChecked = new CountDownLatch(2);
        UnsafeLazy<Object> lazy = new UnsafeLazy<>(() -> {
            builds.incrementAndGet();
            bothChecked.countDown();
            awaitQuietly(bothChecked); // hold the first builder until the second has passed the check too
            return new Object();
        });
        Thread a = Thread.ofPlatform().name("first caller").start(lazy::get);
        Thread b = Thread.ofPlatform().name("second caller").start(lazy::get);
        a.join();
        b.join();
        return builds.get();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("built " + buildsWithTwoThreads() + " times; meant to be built once");
    }
}
