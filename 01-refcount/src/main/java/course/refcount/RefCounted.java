package course.refcount;

/**
 * An object that counts its owners and frees itself when the last one lets go: what exercises
 * refcount.release and refcount.threads implement. The shape is Netty's {@code ReferenceCounted},
 * the way real Java code counts references to pooled or off-heap buffers.
 *
 * <p>A new object has a count of 1: the reference its creator holds. Every new owner calls
 * {@link #retain()}; every owner that is done calls {@link #release()} once. The release that
 * takes the count to 0 frees the object, and nothing may use it after that.
 */
// tag::interface[]
public interface RefCounted {

    /** The number of owners now; 0 once the object is freed. */
    int refCnt();

    /**
     * Adds an owner.
     *
     * @throws IllegalStateException if the object is already freed: a freed object cannot come back
     */
    void retain();

    /**
     * Removes an owner, and frees the object if it was the last one.
     *
     * @return true if this call freed the object
     * @throws IllegalStateException if the object is already freed: the count never goes below zero
     */
    boolean release();
}
// end::interface[]
