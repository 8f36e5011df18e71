package course.locks;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code tryLock(timeout)}: wait for a lock, but not for ever. Another thread holds the lock
 * for as long as the demo lets it; the caller gives up after 100 ms and can do something else
 * (report "busy", try another resource, back off and retry) instead of hanging.
 */
public final class TryLockTimeoutDemo {

    /** What the caller saw: did it get the lock, and how long did it wait. */
    public record Outcome(boolean acquired, long waitedMillis) {
    }

    // tag::try-lock[]
    static Outcome tryToUpdate(ReentrantLock lock) throws InterruptedException {
        long start = System.nanoTime();
        if (!lock.tryLock(100, TimeUnit.MILLISECONDS)) {   // wait at most 100 ms
            return new Outcome(false, elapsedMillis(start)); // gave up: the caller decides what next
        }
        try {
            return new Outcome(true, elapsedMillis(start));  // got it: do the update here
        } finally {
            lock.unlock();                                   // only a lock we got is released
        }
    }
    // end::try-lock[]

    /** Tries the update while another thread holds the lock. */
    public static Outcome whileAnotherThreadHoldsTheLock() throws InterruptedException {
        ReentrantLock lock = new ReentrantLock();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread holder = Thread.ofPlatform().name("holder").daemon(true).start(() -> {
            lock.lock();
            try {
                held.countDown();
                done.await();                              // hold the lock until the caller has given up
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                lock.unlock();
            }
        });
        held.await();
        Outcome outcome = tryToUpdate(lock);
        done.countDown();
        holder.join();
        return outcome;
    }

    /** Tries the update when nobody holds the lock. */
    public static Outcome whenTheLockIsFree() throws InterruptedException {
        return tryToUpdate(new ReentrantLock());
    }

    private static long elapsedMillis(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("lock free:             " + whenTheLockIsFree());
        System.out.println("held by another thread: " + whileAnotherThreadHoldsTheLock());
    }
}
