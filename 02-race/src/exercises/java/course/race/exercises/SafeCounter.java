package course.race.exercises;

import course.race.Counter;

/**
 * Exercise race.counter: a counter that loses nothing.
 *
 * <p>Many threads call {@link #increment()} at once, and any thread may call {@link #get()}
 * while they do. Make sure that no increment is ever lost, and that a thread that watches
 * {@code get()} sees the count go up.
 *
 * <p>Run {@code ./mvnw test -pl 02-race} to check your answer.
 */
public final class SafeCounter implements Counter {

    private long count;

    @Override
    public void increment() {
        // TODO: count++ is read, add, write. Two threads can both read 5 and both write 6.
        count++;
    }

    @Override
    public long get() {
        // TODO: a thread that reads the count while others write must see their increments.
        return count;
    }
}
