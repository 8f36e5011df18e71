package course.gil;

/**
 * The count of the default (GIL) build: a plain field. Each change is a read, an add and a write,
 * three steps that another thread could split; under the GIL no other thread runs while they do.
 */
public final class PlainRefCount implements RefCount {

    // tag::plain-count[]
    private long count = 1;

    @Override
    public void increment() {
        count++;
    }

    @Override
    public boolean decrement() {
        return --count == 0;
    }
    // end::plain-count[]

    @Override
    public long get() {
        return count;
    }
}
