package course.gil;

/**
 * The reference count of one object: how many references to it exist. A new object starts with
 * one (the reference its creator holds). When the count reaches zero the object is freed at once.
 */
public interface RefCount {

    /** Adds a reference: CPython's {@code Py_INCREF}. */
    void increment();

    /**
     * Drops a reference: CPython's {@code Py_DECREF}.
     *
     * @return true if that was the last reference: the caller must free the object. Exactly one
     *     call may return true in the life of the count.
     */
    boolean decrement();

    /** The count now (CPython's {@code Py_REFCNT}); a snapshot that may be stale at once. */
    long get();
}
