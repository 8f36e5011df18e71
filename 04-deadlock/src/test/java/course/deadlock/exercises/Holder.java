package course.deadlock.exercises;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A thread that holds everything an account can be locked by: its lock, the account object's
 * monitor and the lock object's monitor, until it is released. Whatever a transfer locks the
 * account with, it waits for this thread, and ThreadMXBean names this thread as the owner.
 */
final class Holder {

    private final CountDownLatch holding = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final Thread thread;

    private Holder(CheckAccount account) {
        thread = Thread.ofPlatform().name("holder of " + account).daemon(true).unstarted(() -> hold(account));
    }

    /** Starts holding {@code account}, and returns once it holds it. */
    static Holder of(CheckAccount account) {
        Holder holder = new Holder(account);
        holder.thread.start();
        try {
            if (!holder.holding.await(5, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the holder of " + account + " could not take its locks");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return holder;
    }

    private void hold(CheckAccount account) {
        synchronized (account) {
            synchronized (account.steppingLock()) {
                account.mutex().lock();
                try {
                    holding.countDown();
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    account.mutex().unlock();
                }
            }
        }
    }

    long threadId() {
        return thread.threadId();
    }

    /** Lets go of everything, and waits a moment for the thread to end. */
    void release() {
        release.countDown();
        try {
            thread.join(Duration.ofSeconds(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
