package course.locks.exercises;

import course.locks.BlockingBuffer;
import course.locks.Shelf;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Exercise locks.buffer, solved. One lock guards the shelf; two conditions made from it let
 * putters wait for room and takers wait for an item, each kind on its own queue. Every wait
 * is in a {@code while} loop: a wake-up only says the state <em>was</em> right, and another
 * thread may have changed it again before this one has the lock back. Because each condition
 * has only one kind of waiter, {@code signal()} (wake one) is enough.
 */
public final class BoundedBuffer<T> implements BlockingBuffer<T> {

    private final Shelf<T> shelf;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notFull = lock.newCondition();   // putters wait here
    private final Condition notEmpty = lock.newCondition();  // takers wait here

    public BoundedBuffer(Shelf<T> shelf) {
        this.shelf = shelf;
    }

    // tag::solution[]
    @Override
    public void put(T item) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (shelf.size() == shelf.capacity()) {
                notFull.await();      // lets the lock go while it waits; has it again on return
            }
            shelf.add(item);
            notEmpty.signal();        // one item came: one taker may go on
        } finally {
            lock.unlock();
        }
    }

    @Override
    public T take() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (shelf.size() == 0) {
                notEmpty.await();     // checked again after every wake-up
            }
            T item = shelf.remove();
            notFull.signal();         // one slot came free: one putter may go on
            return item;
        } finally {
            lock.unlock();
        }
    }
    // end::solution[]
}
