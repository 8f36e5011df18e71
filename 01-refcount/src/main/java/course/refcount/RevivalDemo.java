package course.refcount;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A freed object must not come back to life. An object has one owner (count 1). One thread
 * releases it, which frees it; at the same moment another thread, which found the object
 * somewhere (a cache, a shared map), retains it.
 *
 * <p>A retain written as "if the count is above 0, increment it" checks, then acts. The demo
 * holds the retaining thread between its check and its increment while the release frees the
 * object: the retain then takes the count from 0 to 1 and hands out a freed object.
 *
 * <p>A compare-and-set loop makes the check and the change one step: "change 1 into 2, if it is
 * still 1". Held at the same place, its compare-and-set fails because the count moved to 0; it
 * looks again, sees 0, and refuses.
 */
public final class RevivalDemo {

    /** What the retaining thread got: did it succeed, and was the object already freed? */
    public record Outcome(boolean retained, boolean freed, int finalCount) {
    }

    // tag::check-then-increment[]
    static boolean retainCheckThenIncrement(AtomicInteger count, Runnable pause) {
        if (count.get() > 0) {          // check: the object is alive ...
            pause.run();                // ... the last owner releases it here ...
            count.incrementAndGet();    // ... and this brings it back: 0 becomes 1
            return true;
        }
        return false;
    }
    // end::check-then-increment[]

    // tag::cas-loop[]
    static boolean retainWithCas(AtomicInteger count, Runnable pause) {
        while (true) {
            int seen = count.get();
            if (seen == 0) {
                return false;                            // freed: refuse
            }
            pause.run();                                 // the last owner releases it here
            if (count.compareAndSet(seen, seen + 1)) {   // only if nobody changed it since we looked
                return true;
            }
            // somebody did: look again
        }
    }
    // end::cas-loop[]

    /** A retain written one way or the other. */
    @FunctionalInterface
    interface Retain {
        boolean run(AtomicInteger count, Runnable pause);
    }

    /** The retaining thread looks at the count, then the last owner releases, then it goes on. */
    public static Outcome retainDuringLastRelease(boolean withCas) throws InterruptedException {
        AtomicInteger count = new AtomicInteger(1);
        AtomicBoolean freed = new AtomicBoolean();
        AtomicBoolean retained = new AtomicBoolean();
        CountDownLatch retainerLooked = new CountDownLatch(1);
        CountDownLatch released = new CountDownLatch(1);
        Runnable pauseOnce = () -> {
            if (retainerLooked.getCount() > 0) {
                retainerLooked.countDown();
                awaitQuietly(released);
            }
        };
        Retain retain = withCas ? RevivalDemo::retainWithCas : RevivalDemo::retainCheckThenIncrement;
        Thread retainer = Thread.ofPlatform().name("retainer").start(() -> retained.set(retain.run(count, pauseOnce)));
        Thread releaser = Thread.ofPlatform().name("last owner").start(() -> {
            awaitQuietly(retainerLooked);
            if (count.decrementAndGet() == 0) {
                freed.set(true);
            }
            released.countDown();
        });
        retainer.join();
        releaser.join();
        return new Outcome(retained.get(), freed.get(), count.get());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Outcome checkThenAct = retainDuringLastRelease(false);
        System.out.println("check, then increment: retained " + checkThenAct.retained() + ", object freed "
                + checkThenAct.freed() + ", count now " + checkThenAct.finalCount() + " (a freed object, back in use)");
        Outcome cas = retainDuringLastRelease(true);
        System.out.println("compare-and-set loop:  retained " + cas.retained() + ", object freed "
                + cas.freed() + ", count now " + cas.finalCount());
    }
}
