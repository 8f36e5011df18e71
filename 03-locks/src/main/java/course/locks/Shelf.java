package course.locks;

import java.util.ArrayDeque;
import java.util.NoSuchElementException;

/**
 * Where a buffer keeps its items: a plain first-in, first-out queue that does no locking of
 * its own and no waiting (think of a block of shared memory with slots). It refuses what
 * cannot be done: taking from an empty shelf, or adding beyond its capacity.
 */
public interface Shelf<T> {

    /** Items on the shelf now. */
    int size();

    /** How many items the shelf can hold. */
    int capacity();

    /** Adds an item at the back; throws {@link IllegalStateException} if the shelf is full. */
    void add(T item);

    /** Removes the item at the front; throws {@link NoSuchElementException} if the shelf is empty. */
    T remove();

    /** A shelf with room for {@code capacity} items. */
    static <T> Shelf<T> withCapacity(int capacity) {
        return new Shelf<>() {
            private final ArrayDeque<T> items = new ArrayDeque<>();

            @Override
            public int size() {
                return items.size();
            }

            @Override
            public int capacity() {
                return capacity;
            }

            @Override
            public void add(T item) {
                if (items.size() == capacity) {
                    throw new IllegalStateException("the shelf is full (" + capacity + " items)");
                }
                items.addLast(item);
            }

            @Override
            public T remove() {
                if (items.isEmpty()) {
                    throw new NoSuchElementException("the shelf is empty");
                }
                return items.removeFirst();
            }
        };
    }
}
