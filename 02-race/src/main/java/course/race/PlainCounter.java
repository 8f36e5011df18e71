package course.race;

/**
 * The article's counter, written the obvious way. {@code count++} is three steps: read the
 * field, add one, write it back. Two threads can both read 5 and both write 6.
 */
public final class PlainCounter implements Counter {

    // tag::plain-counter[]
    private long count;

    @Override
    public void increment() {
        count++; // read, add, write: three steps, and another thread can run between them
    }
    // end::plain-counter[]

    @Override
    public long get() {
        return count;
    }
}
