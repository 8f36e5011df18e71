package course.refcount;

/** The receipt {@link LeakDetector#track} gives: close it when the object is properly released. */
public interface LeakTracker {

    /** The object was released as it should be: it is not a leak, do not report it. */
    void close();
}
