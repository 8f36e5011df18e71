package course.gil.exercises;

import course.gil.ExternalCalls;
import course.gil.Gil;
import course.gil.IoDevice;
import course.gil.NativeFunction;

/**
 * Exercise gil.release, solved: give the GIL up before the call, take it back in a
 * {@code finally}, so that the next instruction runs under the GIL even if the call failed.
 *
 * <p>Also right: the release and the re-take in a small {@code AutoCloseable} scope used with
 * try-with-resources; or each method written out with its own try/finally.
 */
public final class GilReleasingCalls implements ExternalCalls {

    private final Gil gil;

    public GilReleasingCalls(Gil gil) {
        this.gil = gil;
    }

    /** A call made outside the interpreter. */
    @FunctionalInterface
    private interface Call {
        long run() throws InterruptedException;
    }

    // tag::solution[]
    @Override
    public long io(IoDevice device, long request) throws InterruptedException {
        return withoutGil(() -> device.call(request));
    }

    @Override
    public long callNative(NativeFunction function, long argument) throws InterruptedException {
        if (!function.releasesGil()) {
            return function.call(argument); // it touches objects: it needs the GIL
        }
        return withoutGil(() -> function.call(argument));
    }

    private long withoutGil(Call call) throws InterruptedException {
        gil.release();       // Py_BEGIN_ALLOW_THREADS
        try {
            return call.run();
        } finally {
            gil.acquire();   // Py_END_ALLOW_THREADS: back under the GIL before the next instruction
        }
    }
    // end::solution[]
}
