package course.gil;

/**
 * How an interpreter thread leaves the interpreter: the {@link Op#IO} and {@link Op#NATIVE}
 * instructions call these. The calling thread holds the GIL when it calls, and must hold it
 * again when the call returns (or throws): the next instruction runs under the GIL.
 */
public interface ExternalCalls {

    /** A blocking call to the outside world: a socket read, an HTTP request, a file. */
    long io(IoDevice device, long request) throws InterruptedException;

    /** A call into native code (a C extension, in CPython). */
    long callNative(NativeFunction function, long argument) throws InterruptedException;
}
