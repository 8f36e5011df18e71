package course.locks;

/** Something that counts: the article's {@code Counter}, as a Java interface. */
public interface Counter {

    /** Adds one. */
    void increment();

    /** The count so far. */
    long get();
}
