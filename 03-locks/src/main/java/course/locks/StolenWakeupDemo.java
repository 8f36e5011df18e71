package course.locks;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Why the wait for a condition sits in a {@code while} loop. A taker finds a one-slot
 * mailbox empty and waits. A letter arrives and the taker is signalled, but a signal only
 * means "it was true a moment ago": before the woken taker has the lock again, a third
 * thread that was already queued for the lock takes the letter. A taker that checked with
 * {@code if} does not look again and takes from an empty box; a taker that checked with
 * {@code while} looks again, sees the box empty, and waits for the next letter.
 *
 * <p>The demo makes the theft happen every time: the thief is queued for the lock while the
 * letter is put in, so it is ahead of the woken taker in the lock's queue.
 */
public final class StolenWakeupDemo {

    /** A one-slot mailbox with one condition, "not empty". */
    static final class Mailbox {
        final ReentrantLock lock = new ReentrantLock();
        private final Condition notEmpty = lock.newCondition();
        private String letter; // guarded by lock; null when empty

        // tag::if-await[]
        String takeCheckingOnce() throws InterruptedException {
            lock.lock();
            try {
                if (letter == null) {      // checked once ...
                    notEmpty.await();
                }
                return removeLetter();     // ... and not again after waking up: may find nothing
            } finally {
                lock.unlock();
            }
        }
        // end::if-await[]

        // tag::while-await[]
        String takeCheckingAgain() throws InterruptedException {
            lock.lock();
            try {
                while (letter == null) {   // checked again after every wake-up
                    notEmpty.await();      // releases the lock while it waits, takes it back before returning
                }
                return removeLetter();
            } finally {
                lock.unlock();
            }
        }
        // end::while-await[]

        /** Puts a letter in; the caller holds the lock. */
        void putWhileLocked(String newLetter) {
            letter = newLetter;
            notEmpty.signal();
        }

        boolean hasWaitingTaker() {
            lock.lock();
            try {
                return lock.hasWaiters(notEmpty);
            } finally {
                lock.unlock();
            }
        }

        private String removeLetter() {
            String taken = letter;
            letter = null;
            return taken;
        }
    }

    /** Who got what. */
    public record Outcome(String waiterGot, String thiefGot) {
    }

    /** Runs the theft once; the waiting taker checks with {@code if} or with {@code while}. */
    public static Outcome run(boolean checkAgain) throws InterruptedException {
        Mailbox box = new Mailbox();
        String[] got = new String[2];
        Thread waiter = Thread.ofPlatform().name("waiter").daemon(true).start(() ->
                got[0] = quietly(() -> checkAgain ? box.takeCheckingAgain() : box.takeCheckingOnce()));
        while (!box.hasWaitingTaker()) {
            Thread.sleep(1);
        }
        // tag::theft[]
        box.lock.lock();                                   // the postman holds the lock ...
        Thread thief = Thread.ofPlatform().name("thief").daemon(true).start(() ->
                got[1] = quietly(box::takeCheckingAgain)); // ... the thief queues for it ...
        try {
            while (!box.lock.hasQueuedThread(thief)) {
                Thread.onSpinWait();
            }
            box.putWhileLocked("first letter");            // ... and the waiter is woken behind the thief
        } finally {
            box.lock.unlock();
        }
        // end::theft[]
        thief.join();
        while (waiter.isAlive() && !box.hasWaitingTaker()) { // the waiter returns, or waits again
            Thread.sleep(1);
        }
        if (waiter.isAlive()) {                            // a careful waiter waits again: send another
            box.lock.lock();
            try {
                box.putWhileLocked("second letter");
            } finally {
                box.lock.unlock();
            }
        }
        waiter.join();
        return new Outcome(got[0], got[1]);
    }

    private interface Take {
        String take() throws InterruptedException;
    }

    private static String quietly(Take take) {
        try {
            return take.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("if:    " + run(false));
        System.out.println("while: " + run(true));
    }
}
