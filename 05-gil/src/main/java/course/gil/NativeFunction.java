package course.gil;

/**
 * A function written in native code, as a C extension's are in CPython. One that touches no
 * interpreter objects may give the GIL up while it runs: that is what NumPy's loops do with
 * {@code Py_BEGIN_ALLOW_THREADS} / {@code Py_END_ALLOW_THREADS}. One that touches objects (their
 * reference counts, their contents) must keep it.
 */
public interface NativeFunction {

    /** Whether this function touches no objects, and so may run without the GIL. */
    boolean releasesGil();

    long call(long argument) throws InterruptedException;

    /** A native function that touches no objects: it may run without the GIL. */
    static NativeFunction releasingGil(Body body) {
        return of(true, body);
    }

    /** A native function that touches objects: it needs the GIL. */
    static NativeFunction holdingGil(Body body) {
        return of(false, body);
    }

    /** The work of a native function. */
    @FunctionalInterface
    interface Body {
        long call(long argument) throws InterruptedException;
    }

    private static NativeFunction of(boolean releases, Body body) {
        return new NativeFunction() {
            @Override
            public boolean releasesGil() {
                return releases;
            }

            @Override
            public long call(long argument) throws InterruptedException {
                return body.call(argument);
            }
        };
    }
}
