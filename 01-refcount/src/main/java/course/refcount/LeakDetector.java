package course.refcount;

/**
 * Reports objects that become unreachable without being released: what exercise
 * refcount.leak-report implements. Netty's {@code ResourceLeakDetector} does this for its buffers.
 */
// tag::interface[]
public interface LeakDetector {

    /**
     * Starts watching {@code resource}. If it becomes unreachable before the returned tracker
     * is closed, a {@link Leak} is reported, saying where {@code track} was called.
     */
    LeakTracker track(Object resource, String description);
}
// end::interface[]
