package course.locks;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Fair and unfair locks. A thread holds the lock while another waits for it; the holder
 * releases it and asks for it again at once. An unfair lock (the default) gives it straight
 * back to the holder, who is running, rather than wake the waiter, who is asleep: it "barges"
 * ahead of the queue. A fair lock ({@code new ReentrantLock(true)}) serves the queue in order,
 * so the waiter goes first, every time. Fairness costs a sleep and a wake-up per hand-over,
 * which the benchmark prices.
 */
public final class FairnessDemo {

    // tag::barging[]
    /** Did the releasing thread get the lock back before the thread already waiting for it? */
    static boolean holderBargesAhead(ReentrantLock lock) throws InterruptedException {
        AtomicBoolean waiterHadIt = new AtomicBoolean();
        lock.lock();
        Thread waiter = Thread.ofPlatform().name("waiter").daemon(true).start(() -> {
            lock.lock();
            try {
                waiterHadIt.set(true);
            } finally {
                lock.unlock();
            }
        });
        while (!lock.hasQueuedThread(waiter)) { // the waiter is asleep in the lock's queue
            Thread.onSpinWait();
        }
        lock.unlock();                          // release ...
        lock.lock();                            // ... and ask again at once
        boolean barged = !waiterHadIt.get();    // got it back before the waiter ever had it?
        lock.unlock();
        waiter.join();
        return barged;
    }
    // end::barging[]

    /** In how many of {@code rounds} did the releasing thread barge ahead of the waiter? */
    public static int bargesIn(int rounds, boolean fair) throws InterruptedException {
        int barged = 0;
        for (int i = 0; i < rounds; i++) {
            if (holderBargesAhead(new ReentrantLock(fair))) {
                barged++;
            }
        }
        return barged;
    }

    public static void main(String[] args) throws InterruptedException {
        int rounds = 100;
        System.out.println("unfair lock: the holder got it back first in " + bargesIn(rounds, false) + " of " + rounds
                + " rounds");
        System.out.println("fair lock:   the holder got it back first in " + bargesIn(rounds, true) + " of " + rounds
                + " rounds");
    }

    private FairnessDemo() {
    }
}
