package course.locks;

/**
 * Something shared that is freed when its last user lets go: CPython's reference count
 * (lesson 01), in a few lines. A new object has one reference, its creator's.
 */
public interface RefCounted {

    /** A new user holds a reference. */
    void retain();

    /** A user lets go; the last one frees the object. */
    void release();

    /** References held now. */
    int count();

    /** Has the object been freed (its count reached zero)? */
    boolean isFreed();
}
