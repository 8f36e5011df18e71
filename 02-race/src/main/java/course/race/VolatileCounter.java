package course.race;

/**
 * The same counter with a {@code volatile} field. Every read and write now goes to memory,
 * so the JIT can no longer fold a loop of increments into one add, and the race shows in
 * nearly every run. {@code volatile} gives visibility, not atomicity: {@code count++} is
 * still read, add, write.
 */
public final class VolatileCounter implements Counter {

    // tag::volatile-counter[]
    private volatile long count;

    @Override
    public void increment() {
        count++; // still three steps: volatile makes each step visible, not the three atomic
    }
    // end::volatile-counter[]

    @Override
    public long get() {
        return count;
    }
}
