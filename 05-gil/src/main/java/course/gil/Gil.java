package course.gil;

/**
 * The global interpreter lock: one lock for the whole interpreter. A thread must hold it to run
 * instructions, and with them to touch any object or reference count.
 *
 * <p>The protocol, as in CPython since 3.2:
 * <ul>
 *   <li>{@link #acquire()}: a thread that finds the GIL taken waits. If it has waited one
 *       <em>switch interval</em> (CPython: 5 ms, {@code sys.setswitchinterval}) and the GIL has
 *       not changed hands meanwhile, it sets a <em>drop request</em> and goes on waiting.
 *   <li>{@link #checkpoint()}: the holder calls it between two instructions. If a drop request
 *       is set, the holder drops the GIL, waits until another thread has taken it (so that it
 *       cannot take it straight back: "forced switching"), then queues up to take it again.
 *   <li>{@link #release()}: the holder gives the GIL up for good or for a while: it has finished,
 *       or it is about to block on IO, or to run native code that touches no objects.
 * </ul>
 *
 * <p>The two probes, {@link #holder()} and {@link #dropRequested()}, let tests and demos watch
 * the GIL from outside without changing what it does.
 */
public interface Gil {

    /** Takes the GIL, waiting while another thread holds it. */
    void acquire() throws InterruptedException;

    /** Gives the GIL up. Only the holder may call it. */
    void release();

    /**
     * Called by the holder between two instructions: if a waiting thread has asked for the GIL,
     * hand it over, and return once this thread holds it again. Returns at once otherwise.
     */
    void checkpoint() throws InterruptedException;

    /** The thread that holds the GIL now, or null. */
    Thread holder();

    /** Whether a waiting thread has asked the holder to drop the GIL, and the request is still open. */
    boolean dropRequested();
}
