package course.gil.exercises;

import course.gil.ExternalCalls;
import course.gil.Gil;
import course.gil.IoDevice;
import course.gil.NativeFunction;

/**
 * Exercise gil.release: let other threads run while one waits for IO or runs native code.
 *
 * <p>The interpreter calls these methods for its IO and NATIVE instructions, on a thread that
 * holds the GIL. Right now the thread keeps the GIL while it waits, so every other interpreter
 * thread waits too. Give the GIL up around the call, as CPython's {@code Py_BEGIN_ALLOW_THREADS}
 * and {@code Py_END_ALLOW_THREADS} do, and take it back before returning, whatever happens. A
 * native function may run without the GIL only if it says so ({@link NativeFunction#releasesGil()}):
 * one that touches objects needs it.
 *
 * <p>Run {@code ./mvnw test -pl 05-gil} to check your answer.
 */
public final class GilReleasingCalls implements ExternalCalls {

    private final Gil gil;

    public GilReleasingCalls(Gil gil) {
        this.gil = gil;
    }

    @Override
    public long io(IoDevice device, long request) throws InterruptedException {
        // TODO: this thread holds the GIL while it waits for the device: nobody else can run.
        return device.call(request);
    }

    @Override
    public long callNative(NativeFunction function, long argument) throws InterruptedException {
        // TODO: a native function that touches no objects (function.releasesGil()) may run without the GIL.
        return function.call(argument);
    }
}
