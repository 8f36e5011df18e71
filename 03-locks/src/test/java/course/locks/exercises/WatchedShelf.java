package course.locks.exercises;

import course.locks.Shelf;
import java.util.ArrayDeque;
import java.util.NoSuchElementException;

/**
 * A shelf for the checks. Every access goes through a {@link Rendezvous} (two threads inside
 * at once is caught, and made to happen if nothing prevents it); adding to a full shelf and
 * taking from an empty one are recorded as violations before the shelf refuses them, as the
 * real one does. A check can also run a step of its own inside the first {@code add}: while
 * the putting thread is inside the buffer, holding whatever the buffer locks.
 */
final class WatchedShelf implements Shelf<String> {

    final Rendezvous rendezvous = new Rendezvous();
    private final ArrayDeque<String> items = new ArrayDeque<>();
    private final int capacity;
    private Runnable insideFirstAdd;
    private Runnable insideFirstRemove;

    WatchedShelf(int capacity) {
        this.capacity = capacity;
    }

    /** Puts items straight on the shelf, as if put there earlier (by the check's own thread, before any buffer). */
    WatchedShelf holding(String... earlier) {
        items.addAll(java.util.List.of(earlier));
        return this;
    }

    /** Runs {@code step} inside the first add, before the item goes on the shelf. */
    WatchedShelf duringFirstAdd(Runnable step) {
        insideFirstAdd = step;
        return this;
    }

    /** Runs {@code step} inside the next remove, before the item leaves the shelf. */
    WatchedShelf duringNextRemove(Runnable step) {
        insideFirstRemove = step;
        return this;
    }

    @Override
    public int size() {
        rendezvous.enter(Rendezvous.Access.READ, "size()");
        try {
            return items.size();
        } finally {
            rendezvous.exit();
        }
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public void add(String item) {
        rendezvous.enter(Rendezvous.Access.WRITE, "add(\"" + item + "\")");
        try {
            Runnable step = insideFirstAdd;
            insideFirstAdd = null;
            if (step != null) {
                step.run();
            }
            if (items.size() == capacity) {
                rendezvous.violation("thread \"" + Thread.currentThread().getName() + "\" added \"" + item
                        + "\" to a full shelf (" + capacity + " of " + capacity + ")");
                throw new IllegalStateException("the shelf is full");
            }
            items.addLast(item);
        } finally {
            rendezvous.exit();
        }
    }

    @Override
    public String remove() {
        rendezvous.enter(Rendezvous.Access.WRITE, "remove()");
        try {
            Runnable step = insideFirstRemove;
            insideFirstRemove = null;
            if (step != null) {
                step.run();
            }
            if (items.isEmpty()) {
                rendezvous.violation("thread \"" + Thread.currentThread().getName() + "\" took from an empty shelf");
                throw new NoSuchElementException("the shelf is empty");
            }
            return items.removeFirst();
        } finally {
            rendezvous.exit();
        }
    }

    /** What is on the shelf, read by the check once the threads have ended. */
    String contents() {
        return items.toString();
    }
}
