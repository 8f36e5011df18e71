package course.locks.exercises;

import course.locks.BlockingBuffer;
import course.locks.Shelf;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** Answers a learner might give to exercise locks.buffer, right and wrong, for {@code BufferCheckIT}. */
final class BufferAnswers {

    private BufferAnswers() {
    }

    // ---- wrong ----

    /** The starter: no lock, no waiting. */
    static final class NoWaiting implements BlockingBuffer<String> {
        private final Shelf<String> shelf;
        NoWaiting(Shelf<String> shelf) { this.shelf = shelf; }
        public void put(String item) { shelf.add(item); }
        public String take() { return shelf.remove(); }
    }

    /** if instead of while around await(), two conditions, signal(). */
    static final class IfInsteadOfWhile implements BlockingBuffer<String> {
        private final Shelf<String> shelf;
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition notFull = lock.newCondition();
        private final Condition notEmpty = lock.newCondition();
        IfInsteadOfWhile(Shelf<String> shelf) { this.shelf = shelf; }
        public void put(String item) throws InterruptedException {
            lock.lock();
            try {
                if (shelf.size() == shelf.capacity()) {
                    notFull.await();
                }
                shelf.add(item);
                notEmpty.signal();
            } finally {
                lock.unlock();
            }
        }
        public String take() throws InterruptedException {
            lock.lock();
            try {
                if (shelf.size() == 0) {
                    notEmpty.await();
                }
                String item = shelf.remove();
                notFull.signal();
                return item;
            } finally {
                lock.unlock();
            }
        }
    }

    /** if instead of while, with signalAll(). */
    static final class IfWithSignalAll implements BlockingBuffer<String> {
        private final Shelf<String> shelf;
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition notFull = lock.newCondition();
        private final Condition notEmpty = lock.newCondition();
        IfWithSignalAll(Shelf<String> shelf) { this.shelf = shelf; }
        public void put(String item) throws InterruptedException {
            lock.lock();
            try {
                if (shelf.size() == shelf.capacity()) {
                    notFull.await();
                }
                shelf.add(item);
                notEmpty.signalAll();
            } finally {
                lock.unlock();
            }
        }
        public String take() throws InterruptedException {
            lock.lock();
            try {
                if (shelf.size() == 0) {
                    notEmpty.await();
                }
                String item = shelf.remove();
                notFull.signalAll();
                return item;
            } finally {
                lock.unlock();
            }
        }
    }

    /** One condition for both kinds of waiter, and signal(): the one woken may be of the wrong kind. */
    static final class OneConditionSignal implements BlockingBuffer<String> {
        private final Shelf<String> shelf;
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition changed = lock.newCondition();
        OneConditionSignal(Shelf<String> shelf) { this.shelf = shelf; }
        public void put(String item) throws InterruptedException {
            lock.lock();
            try {
                while (shelf.size() == shelf.capacity()) {
                    changed.await();
                }
                shelf.add(item);
                changed.signal();
            } finally {
                lock.unlock();
            }
        }
        public String take() throws InterruptedException {
            lock.lock();
            try {
                while (shelf.size() == 0) {
                    changed.await();
                }
                String item = shelf.remove();
                changed.signal();
                return item;
            } finally {
                lock.unlock();
            }
        }
    }

    /** synchronized, wait() in a while loop, notify(): one wait set for both kinds, one woken. */
    static final class SynchronizedNotify implements BlockingBuffer<String> {
        private final Shelf<String> shelf;
        SynchronizedNotify(Shelf<String> shelf) { this.shelf = shelf; }
        public synchronized void put(String item) throws InterruptedException {
            while (shelf.size() == shelf.capacity()) {
                wait();
            }
            shelf.add(item);
            notify();
        }
        public synchronized String take() throws InterruptedException {
            while (shelf.size() == 0) {
                wait();
            }
            String item = shelf.remove();
            notify();
            return item;
        }
    }

    /** synchronized, wait() under an if, notifyAll(). */
    static final class SynchronizedIfNotifyAll implements BlockingBuffer<String> {
        private final Shelf<String> shelf;
        SynchronizedIfNotifyAll(Shelf<String> shelf) { this.shelf = shelf; }
        public synchronized void put(String item) throws InterruptedException {
            if (shelf.size() == shelf.capacity()) {
                wait();
            }
            shelf.add(item);
            notifyAll();
        }
        public synchronized String take() throws InterruptedException {
            if (shelf.size() == 0) {
                wait();
            }
            String item = shelf.remove();
            notifyAll();
            return item;
        }
    }

    /** Forgets to signal the takers after a put. */
    static final class NoSignalAfterPut implements BlockingBuffer<String> {
        private final Shelf<String> shelf;
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition notFull = lock.newCondition();
        private final Condition notEmpty = lock.newCondition();
        NoSignalAfterPut(Shelf<String> shelf) { this.shelf = shelf; }
        public void put(String item) throws InterruptedException {
            lock.lock();
            try {
                while (shelf.size() == shelf.capacity()) {
                    notFull.await();
                }
                shelf.add(item);
            } finally {
                lock.unlock();
            }
        }
        public String take() throws InterruptedException {
            lock.lock();
            try {
                while (shelf.size() == 0) {
                    notEmpty.await();
                }
                String item = shelf.remove();
                notFull.signal();
                return item;
            } finally {
                lock.unlock();
            }
        }
    }

    /** Signals the wrong condition: after a take, the takers' one. */
    static final class SignalsWrongCondition implements BlockingBuffer<String> {
        private final Shelf<String> shelf;
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition notFull = lock.newCondition();
        private final Condition notEmpty = lock.newCondition();
        SignalsWrongCondition(Shelf<String> shelf) { this.shelf = shelf; }
        public void put(String item) throws InterruptedException {
            lock.lock();
            try {
                while (shelf.size() == shelf.capacity()) {
                    notFull.await();
                }
                shelf.add(item);
                notEmpty.signal();
            } finally {
                lock.unlock();
            }
        }
        public String take() throws InterruptedException {
            lock.lock();
            try {
                while (shelf.size() == 0) {
                    notEmpty.await();
                }
                String item = shelf.remove();
                notEmpty.signal();
                return item;
            } finally {
                lock.unlock();
            }
        }
    }

    /** awaitUninterruptibly(): a waiting taker cannot be stopped. */
    static final class AwaitUninterruptibly implements BlockingBuffer<String> {
        private final Shelf<String> shelf;
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition notFull = lock.newCondition();
        private final Condition notEmpty = lock.newCondition();
        AwaitUninterruptibly(Shelf<String> shelf) { this.shelf = shelf; }
        public void put(String item) {
            lock.lock();
            try {
                while (shelf.size() == shelf.capacity()) {
                    notFull.awaitUninterruptibly();
                }
                shelf.add(item);
                notEmpty.signal();
            } finally {
                lock.unlock();
            }
        }
        public String take() {
            lock.lock();
            try {
                while (shelf.size() == 0) {
                    notEmpty.awaitUninterruptibly();
                }
                String item = shelf.remove();
                notFull.signal();
                return item;
            } finally {
                lock.unlock();
            }
        }
    }

    /** Busy waiting: lets the lock go and spins until the state looks right. */
    static final class SpinsInsteadOfWaiting implements BlockingBuffer<String> {
        private final Shelf<String> shelf;
        private final ReentrantLock lock = new ReentrantLock();
        SpinsInsteadOfWaiting(Shelf<String> shelf) { this.shelf = shelf; }
        public void put(String item) throws InterruptedException {
            while (true) {
                lock.lockInterruptibly();
                try {
                    if (shelf.size() < shelf.capacity()) {
                        shelf.add(item);
                        return;
                    }
                } finally {
                    lock.unlock();
                }
                Thread.onSpinWait();
            }
        }
        public String take() throws InterruptedException {
            while (true) {
                lock.lockInterruptibly();
                try {
                    if (shelf.size() > 0) {
                        return shelf.remove();
                    }
                } finally {
                    lock.unlock();
                }
                Thread.onSpinWait();
            }
        }
    }

    /** A new lock (and new conditions) per call: nobody is kept out, and signals go nowhere. */
    static final class NewLockPerCall implements BlockingBuffer<String> {
        private final Shelf<String> shelf;
        NewLockPerCall(Shelf<String> shelf) { this.shelf = shelf; }
        public void put(String item) throws InterruptedException {
            ReentrantLock lock = new ReentrantLock();
            Condition notFull = lock.newCondition();
            lock.lock();
            try {
                while (shelf.size() == shelf.capacity()) {
                    notFull.await();
                }
                shelf.add(item);
            } finally {
                lock.unlock();
            }
        }
        public String take() throws InterruptedException {
            ReentrantLock lock = new ReentrantLock();
            Condition notEmpty = lock.newCondition();
            lock.lock();
            try {
                while (shelf.size() == 0) {
                    notEmpty.await();
                }
                return shelf.remove();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Wakes takers only when a put finds the shelf empty, putters only when a take finds it full: wake-ups skipped. */
    static final class SignalOnlyOnTransition implements BlockingBuffer<String> {
        private final Shelf<String> shelf;
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition notFull = lock.newCondition();
        private final Condition notEmpty = lock.newCondition();
        SignalOnlyOnTransition(Shelf<String> shelf) { this.shelf = shelf; }
        public void put(String item) throws InterruptedException {
            lock.lockInterruptibly();
            try {
                while (shelf.size() == shelf.capacity()) {
                    notFull.await();
                }
                boolean wasEmpty = shelf.size() == 0;
                shelf.add(item);
                if (wasEmpty) {
                    notEmpty.signal();
                }
            } finally {
                lock.unlock();
            }
        }
        public String take() throws InterruptedException {
            lock.lockInterruptibly();
            try {
                while (shelf.size() == 0) {
                    notEmpty.await();
                }
                boolean wasFull = shelf.size() == shelf.capacity();
                String item = shelf.remove();
                if (wasFull) {
                    notFull.signal();
                }
                return item;
            } finally {
                lock.unlock();
            }
        }
    }

    /** A timed await that gives up: after 200 ms with no item, take() throws (and put() does too). */
    static final class TimedAwaitGivesUp implements BlockingBuffer<String> {
        private final Shelf<String> shelf;
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition notFull = lock.newCondition();
        private final Condition notEmpty = lock.newCondition();
        TimedAwaitGivesUp(Shelf<String> shelf) { this.shelf = shelf; }
        public void put(String item) throws InterruptedException {
            lock.lockInterruptibly();
            try {
                while (shelf.size() == shelf.capacity()) {
                    if (!notFull.await(200, TimeUnit.MILLISECONDS)) {
                        throw new IllegalStateException("timed out waiting for room");
                    }
                }
                shelf.add(item);
                notEmpty.signal();
            } finally {
                lock.unlock();
            }
        }
        public String take() throws InterruptedException {
            lock.lockInterruptibly();
            try {
                while (shelf.size() == 0) {
                    if (!notEmpty.await(200, TimeUnit.MILLISECONDS)) {
                        return null;
                    }
                }
                String item = shelf.remove();
                notFull.signal();
                return item;
            } finally {
                lock.unlock();
            }
        }
    }

    /** Waits a few times, then gives up: a retry that ends. */
    static final class ThreeWaitsThenGivesUp implements BlockingBuffer<String> {
        private final Shelf<String> shelf;
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition notFull = lock.newCondition();
        private final Condition notEmpty = lock.newCondition();
        ThreeWaitsThenGivesUp(Shelf<String> shelf) { this.shelf = shelf; }
        public void put(String item) throws InterruptedException {
            lock.lockInterruptibly();
            try {
                for (int tries = 0; shelf.size() == shelf.capacity(); tries++) {
                    if (tries == 3) {
                        throw new IllegalStateException("no room after three waits");
                    }
                    notFull.await(50, TimeUnit.MILLISECONDS);
                }
                shelf.add(item);
                notEmpty.signal();
            } finally {
                lock.unlock();
            }
        }
        public String take() throws InterruptedException {
            lock.lockInterruptibly();
            try {
                for (int tries = 0; shelf.size() == 0; tries++) {
                    if (tries == 3) {
                        throw new IllegalStateException("no item after three waits");
                    }
                    notEmpty.await(50, TimeUnit.MILLISECONDS);
                }
                String item = shelf.remove();
                notFull.signal();
                return item;
            } finally {
                lock.unlock();
            }
        }
    }

    /** Polling: lets the lock go, sleeps a little, and looks again; nobody wakes it. */
    static final class PollsWithSleep implements BlockingBuffer<String> {
        private final Shelf<String> shelf;
        private final ReentrantLock lock = new ReentrantLock();
        PollsWithSleep(Shelf<String> shelf) { this.shelf = shelf; }
        public void put(String item) throws InterruptedException {
            lock.lockInterruptibly();
            try {
                while (shelf.size() == shelf.capacity()) {
                    lock.unlock();
                    try {
                        Thread.sleep(10);
                    } finally {
                        lock.lockInterruptibly();
                    }
                }
                shelf.add(item);
            } finally {
                lock.unlock();
            }
        }
        public String take() throws InterruptedException {
            lock.lockInterruptibly();
            try {
                while (shelf.size() == 0) {
                    lock.unlock();
                    try {
                        Thread.sleep(10);
                    } finally {
                        lock.lockInterruptibly();
                    }
                }
                return shelf.remove();
            } finally {
                lock.unlock();
            }
        }
    }

    /** take() waits with await(), put() with awaitUninterruptibly() ("a producer must not lose its item"): a waiting putter cannot be stopped. */
    static final class PutterWaitsUninterruptibly implements BlockingBuffer<String> {
        private final Shelf<String> shelf;
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition notFull = lock.newCondition();
        private final Condition notEmpty = lock.newCondition();
        PutterWaitsUninterruptibly(Shelf<String> shelf) { this.shelf = shelf; }
        public void put(String item) {
            lock.lock();
            try {
                while (shelf.size() == shelf.capacity()) {
                    notFull.awaitUninterruptibly();
                }
                shelf.add(item);
                notEmpty.signal();
            } finally {
                lock.unlock();
            }
        }
        public String take() throws InterruptedException {
            lock.lockInterruptibly();
            try {
                while (shelf.size() == 0) {
                    notEmpty.await();
                }
                String item = shelf.remove();
                notFull.signal();
                return item;
            } finally {
                lock.unlock();
            }
        }
    }

    /** Keeps its own count of the items ("cheaper than asking the shelf"), from 0: over a shelf that already holds items, a putter adds to a full shelf and a taker waits beside items. */
    static final class OwnCountOfItems implements BlockingBuffer<String> {
        private final Shelf<String> shelf;
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition notFull = lock.newCondition();
        private final Condition notEmpty = lock.newCondition();
        private int count;
        OwnCountOfItems(Shelf<String> shelf) { this.shelf = shelf; }
        public void put(String item) throws InterruptedException {
            lock.lockInterruptibly();
            try {
                while (count == shelf.capacity()) {
                    notFull.await();
                }
                shelf.add(item);
                count++;
                notEmpty.signal();
            } finally {
                lock.unlock();
            }
        }
        public String take() throws InterruptedException {
            lock.lockInterruptibly();
            try {
                while (count == 0) {
                    notEmpty.await();
                }
                String item = shelf.remove();
                count--;
                notFull.signal();
                return item;
            } finally {
                lock.unlock();
            }
        }
    }

    // ---- right ----

    /** Two conditions, woken with signalAll(): more wake-ups than needed, never too few. */
    static final class TwoConditionsSignalAll implements BlockingBuffer<String> {
        private final Shelf<String> shelf;
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition notFull = lock.newCondition();
        private final Condition notEmpty = lock.newCondition();
        TwoConditionsSignalAll(Shelf<String> shelf) { this.shelf = shelf; }
        public void put(String item) throws InterruptedException {
            lock.lockInterruptibly();
            try {
                while (shelf.size() == shelf.capacity()) {
                    notFull.await();
                }
                shelf.add(item);
                notEmpty.signalAll();
            } finally {
                lock.unlock();
            }
        }
        public String take() throws InterruptedException {
            lock.lockInterruptibly();
            try {
                while (shelf.size() == 0) {
                    notEmpty.await();
                }
                String item = shelf.remove();
                notFull.signalAll();
                return item;
            } finally {
                lock.unlock();
            }
        }
    }

    /** One condition for both kinds, and signalAll(): every waiter looks again. */
    static final class OneConditionSignalAll implements BlockingBuffer<String> {
        private final Shelf<String> shelf;
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition changed = lock.newCondition();
        OneConditionSignalAll(Shelf<String> shelf) { this.shelf = shelf; }
        public void put(String item) throws InterruptedException {
            lock.lockInterruptibly();
            try {
                while (shelf.size() == shelf.capacity()) {
                    changed.await();
                }
                shelf.add(item);
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
        public String take() throws InterruptedException {
            lock.lockInterruptibly();
            try {
                while (shelf.size() == 0) {
                    changed.await();
                }
                String item = shelf.remove();
                changed.signalAll();
                return item;
            } finally {
                lock.unlock();
            }
        }
    }

    /** The classic monitor: synchronized, wait() in a while loop, notifyAll(). */
    static final class SynchronizedWaitNotifyAll implements BlockingBuffer<String> {
        private final Shelf<String> shelf;
        private final Object monitor = new Object();
        SynchronizedWaitNotifyAll(Shelf<String> shelf) { this.shelf = shelf; }
        public void put(String item) throws InterruptedException {
            synchronized (monitor) {
                while (shelf.size() == shelf.capacity()) {
                    monitor.wait();
                }
                shelf.add(item);
                monitor.notifyAll();
            }
        }
        public String take() throws InterruptedException {
            synchronized (monitor) {
                while (shelf.size() == 0) {
                    monitor.wait();
                }
                String item = shelf.remove();
                monitor.notifyAll();
                return item;
            }
        }
    }

    /** Semaphores: one counts free slots, one counts items (both from what the shelf holds at the start), one guards the shelf. */
    static final class Semaphores implements BlockingBuffer<String> {
        private final Shelf<String> shelf;
        private final Semaphore slots;
        private final Semaphore items;
        private final Semaphore mutex = new Semaphore(1);
        Semaphores(Shelf<String> shelf) {
            this.shelf = shelf;
            this.slots = new Semaphore(shelf.capacity() - shelf.size());
            this.items = new Semaphore(shelf.size());
        }
        public void put(String item) throws InterruptedException {
            slots.acquire();
            mutex.acquire();
            try {
                shelf.add(item);
            } finally {
                mutex.release();
            }
            items.release();
        }
        public String take() throws InterruptedException {
            items.acquire();
            String item;
            mutex.acquire();
            try {
                item = shelf.remove();
            } finally {
                mutex.release();
            }
            slots.release();
            return item;
        }
    }

    /** A fair lock and two conditions: hand-overs in arrival order. */
    static final class FairLockTwoConditions implements BlockingBuffer<String> {
        private final Shelf<String> shelf;
        private final ReentrantLock lock = new ReentrantLock(true);
        private final Condition notFull = lock.newCondition();
        private final Condition notEmpty = lock.newCondition();
        FairLockTwoConditions(Shelf<String> shelf) { this.shelf = shelf; }
        public void put(String item) throws InterruptedException {
            lock.lockInterruptibly();
            try {
                while (shelf.size() >= shelf.capacity()) {
                    notFull.await();
                }
                shelf.add(item);
                notEmpty.signal();
            } finally {
                lock.unlock();
            }
        }
        public String take() throws InterruptedException {
            lock.lockInterruptibly();
            try {
                while (shelf.size() <= 0) {
                    notEmpty.await();
                }
                String item = shelf.remove();
                notFull.signal();
                return item;
            } finally {
                lock.unlock();
            }
        }
    }

    /** A timed await in the while loop, with signals: it wakes itself now and then, but is woken too. */
    static final class TimedAwaitLoop implements BlockingBuffer<String> {
        private final Shelf<String> shelf;
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition notFull = lock.newCondition();
        private final Condition notEmpty = lock.newCondition();
        TimedAwaitLoop(Shelf<String> shelf) { this.shelf = shelf; }
        public void put(String item) throws InterruptedException {
            lock.lockInterruptibly();
            try {
                while (shelf.size() == shelf.capacity()) {
                    notFull.await(100, TimeUnit.MILLISECONDS);
                }
                shelf.add(item);
                notEmpty.signal();
            } finally {
                lock.unlock();
            }
        }
        public String take() throws InterruptedException {
            lock.lockInterruptibly();
            try {
                while (shelf.size() == 0) {
                    notEmpty.await(100, TimeUnit.MILLISECONDS);
                }
                String item = shelf.remove();
                notFull.signal();
                return item;
            } finally {
                lock.unlock();
            }
        }
    }

    /** Wakes all takers when a put finds the shelf empty (and all putters when a take finds it full): enough. */
    static final class SignalAllOnTransition implements BlockingBuffer<String> {
        private final Shelf<String> shelf;
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition notFull = lock.newCondition();
        private final Condition notEmpty = lock.newCondition();
        SignalAllOnTransition(Shelf<String> shelf) { this.shelf = shelf; }
        public void put(String item) throws InterruptedException {
            lock.lockInterruptibly();
            try {
                while (shelf.size() == shelf.capacity()) {
                    notFull.await();
                }
                if (shelf.size() == 0) {
                    notEmpty.signalAll();
                }
                shelf.add(item);
            } finally {
                lock.unlock();
            }
        }
        public String take() throws InterruptedException {
            lock.lockInterruptibly();
            try {
                while (shelf.size() == 0) {
                    notEmpty.await();
                }
                if (shelf.size() == shelf.capacity()) {
                    notFull.signalAll();
                }
                return shelf.remove();
            } finally {
                lock.unlock();
            }
        }
    }
}
