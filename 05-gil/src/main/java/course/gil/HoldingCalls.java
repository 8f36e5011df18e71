package course.gil;

/**
 * External calls that never give the GIL up: while one thread waits for IO or runs native code,
 * every other interpreter thread waits too. Correct, and slow. (Exercise gil.release does better.)
 */
public final class HoldingCalls implements ExternalCalls {

    public HoldingCalls(Gil gil) {
        // the GIL is not needed: it is simply kept
    }

    @Override
    public long io(IoDevice device, long request) throws InterruptedException {
        return device.call(request);
    }

    @Override
    public long callNative(NativeFunction function, long argument) throws InterruptedException {
        return function.call(argument);
    }
}
