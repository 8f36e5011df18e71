package course.locks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Reentrancy: a thread that already holds a {@link ReentrantLock} may take it again. The lock
 * counts the holds and is free only when every {@code lock()} has had its {@code unlock()}.
 * So a locked method may call another locked method of the same object. Java's
 * {@code synchronized} is reentrant too. A lock that is not (here a one-permit
 * {@link Semaphore}) makes the same call wait for itself, for ever; the demo waits 100 ms.
 */
public final class ReentrancyDemo {

    // tag::reentrancy[]
    static final class Inventory {
        private final ReentrantLock lock = new ReentrantLock();
        private final List<String> log = new ArrayList<>();
        private int items;

        void add(int n) {
            lock.lock();
            try {
                log.add("add(" + n + "): hold count " + lock.getHoldCount());
                items += n;
            } finally {
                lock.unlock();
            }
        }

        void restock() {
            lock.lock();
            try {
                log.add("restock(): hold count " + lock.getHoldCount());
                if (items < 10) {
                    add(10 - items); // takes the lock this thread already holds: fine, it is reentrant
                }
            } finally {
                lock.unlock();
            }
            log.add("after restock(): hold count " + lock.getHoldCount() + ", locked " + lock.isLocked());
        }
    }
    // end::reentrancy[]

    // tag::not-reentrant[]
    /** The same calls with a lock that is not reentrant: a one-permit semaphore. */
    static boolean nonReentrantRestockFinishes() throws InterruptedException {
        Semaphore permit = new Semaphore(1);
        permit.acquire();                                     // restock() takes the "lock" ...
        try {
            // ... and calls add(), which asks for it again. A semaphore has no owner: it does not
            // know that this thread is the one holding it, so add() would wait for ever.
            boolean gotItAgain = permit.tryAcquire(100, TimeUnit.MILLISECONDS);
            if (gotItAgain) {
                permit.release();
            }
            return gotItAgain;
        } finally {
            permit.release();
        }
    }
    // end::not-reentrant[]

    /** Runs restock() on an inventory of 3 items and returns what it logged. */
    public static List<String> restockLog() {
        Inventory inventory = new Inventory();
        inventory.add(3);
        inventory.log.clear();
        inventory.restock();
        return List.copyOf(inventory.log);
    }

    public static void main(String[] args) throws InterruptedException {
        restockLog().forEach(System.out::println);
        System.out.println("with a non-reentrant lock, the inner call got the lock: " + nonReentrantRestockFinishes());
    }
}
