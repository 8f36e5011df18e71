package course.gil.exercises;

import course.gil.ExternalCalls;
import course.gil.Gil;
import course.gil.IoDevice;
import course.gil.NativeFunction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The checks of exercise gil.release, for any {@link ExternalCalls} class with a {@code (Gil)}
 * constructor. They use a {@link OneLockGil}, not the learner's own GIL, so this exercise does not
 * depend on gil.lock. Each check is a scene: an interpreter thread holds the GIL and calls out; a
 * device (or native function) played by the check looks at who holds the GIL during the call and
 * lets another thread take it; that thread keeps the GIL until the caller is waiting for it.
 */
final class ExternalCallsCheck {

    static final Duration PATIENCE = Duration.ofMillis(250);
    static final Duration HANG_LIMIT = Duration.ofMillis(500);

    private ExternalCallsCheck() {
    }

    static void all(Class<? extends ExternalCalls> answer) {
        ioRunsWithoutTheGil(answer);
        failedIoStillTakesTheGilBack(answer);
        releasingNativeCallRunsWithoutTheGil(answer);
        nativeCallThatTouchesObjectsKeepsTheGil(answer);
    }

    /** What a blocking call looks like to a scene: the call, given the device the scene plays. */
    @FunctionalInterface
    private interface CallOut {
        long call(ExternalCalls calls, IoDevice device) throws InterruptedException;
    }

    static void ioRunsWithoutTheGil(Class<? extends ExternalCalls> answer) {
        callsOutWithoutTheGil(answer, "io()", "IO performed", (calls, device) -> calls.io(device, 21));
    }

    static void releasingNativeCallRunsWithoutTheGil(Class<? extends ExternalCalls> answer) {
        callsOutWithoutTheGil(answer, "callNative()", "a native function that touches no objects was called",
                (calls, device) -> calls.callNative(NativeFunction.releasingGil(device::call), 21));
    }

    // tag::without-the-gil[]
    /**
     * The interpreter thread calls out; while the call blocks, another thread must be able to take
     * the GIL; when the call returns, the interpreter thread must wait until it has the GIL again.
     */
    private static void callsOutWithoutTheGil(Class<? extends ExternalCalls> answer, String method, String what,
                                              CallOut callOut) {
        OneLockGil gil = new OneLockGil();
        ExternalCalls calls = create(answer, gil);
        AtomicReference<Thread> holderDuringCall = new AtomicReference<>();
        AtomicReference<Thread> holderAfterCall = new AtomicReference<>();
        AtomicBoolean callReturned = new AtomicBoolean();
        AtomicBoolean deviceAnswered = new AtomicBoolean();
        AtomicBoolean otherRan = new AtomicBoolean();
        AtomicBoolean callReturnedWhileOtherHeld = new AtomicBoolean();
        CountDownLatch inCall = new CountDownLatch(1);
        CountDownLatch otherHasIt = new CountDownLatch(1);
        long[] result = new long[1];
        AtomicReference<Thread> other = new AtomicReference<>();
        IoDevice device = request -> {
            holderDuringCall.set(gil.holder());
            inCall.countDown();
            if (gil.holder() != Thread.currentThread()) {
                Actors.within(PATIENCE, () -> otherHasIt.getCount() == 0, other.get()); // let the other thread run now
            }
            deviceAnswered.set(true);
            return request * 2;
        };
        try (Actors actors = new Actors()) {
            Thread caller = actors.start("interpreter", () -> {
                gil.acquire();
                result[0] = callOut.call(calls, device);
                callReturned.set(true);
                holderAfterCall.set(gil.holder());
                if (gil.holder() == Thread.currentThread()) {
                    gil.release();
                }
            });
            other.set(actors.start("other", () -> {
                inCall.await();
                if (!Actors.within(PATIENCE, gil::tryAcquire, caller)) {
                    return; // it could not run while the caller waited for the device
                }
                otherRan.set(true);
                otherHasIt.countDown();
                // keep the GIL until the device has answered and the caller waits for the GIL (or
                // returned, which it must not do now)
                Actors.within(PATIENCE, () -> callReturned.get() || deviceAnswered.get() && Actors.isBlocked(caller));
                callReturnedWhileOtherHeld.set(callReturned.get());
                gil.release();
            }));
            actors.finish(HANG_LIMIT, "the interpreter thread called " + method + " holding the GIL");
        }
        Thread holderAfter = holderAfterCall.get();
        if (holderDuringCall.get() != null && holderDuringCall.get().getName().equals("interpreter")) {
            throw new AssertionError(what + " while holding the GIL: during the call, holder() said the"
                    + " calling thread, so no other interpreter thread could run until it came back. Release the"
                    + " GIL before the call");
        }
        if (!otherRan.get()) {
            throw new AssertionError("while the interpreter thread waited in " + method + ", another thread could not"
                    + " take the GIL within " + PATIENCE.toMillis() + " ms");
        }
        if (callReturnedWhileOtherHeld.get()) {
            throw new AssertionError("two threads inside the interpreter at once: " + method + " returned while"
                    + " another thread held the GIL. Take the GIL back (wait for it) before returning: the next"
                    + " instruction runs under the GIL");
        }
        if (holderAfter == null || !holderAfter.getName().equals("interpreter")) {
            throw new AssertionError(method + " returned without the GIL (holder() says "
                    + (holderAfter == null ? "nobody" : holderAfter.getName()) + "): the next instruction would run without"
                    + " it. Take it back before returning");
        }
        if (result[0] != 42) {
            throw new AssertionError(method + " returned " + result[0] + ", not the answer of the call (42)");
        }
    }
    // end::without-the-gil[]

    /** The device fails: the exception comes out of io(), and the caller holds the GIL again. */
    static void failedIoStillTakesTheGilBack(Class<? extends ExternalCalls> answer) {
        OneLockGil gil = new OneLockGil();
        ExternalCalls calls = create(answer, gil);
        UncheckedIOException failure = new UncheckedIOException(new IOException("connection reset by peer"));
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Thread> holderAfter = new AtomicReference<>();
        try (Actors actors = new Actors()) {
            actors.start("interpreter", () -> {
                gil.acquire();
                try {
                    calls.io(request -> {
                        throw failure;
                    }, 1);
                } catch (RuntimeException e) {
                    thrown.set(e);
                }
                holderAfter.set(gil.holder());
                if (gil.holder() == Thread.currentThread()) {
                    gil.release();
                }
            });
            actors.finish(HANG_LIMIT, "the interpreter thread called io() on a device that fails");
        }
        if (thrown.get() != failure) {
            throw new AssertionError("the device threw " + failure + ", and io() "
                    + (thrown.get() == null ? "returned normally" : "threw " + thrown.get() + " instead")
                    + ": let the device's exception through, so the program can handle it");
        }
        if (holderAfter.get() == null || !holderAfter.get().getName().equals("interpreter")) {
            throw new AssertionError("the device failed, and io() threw without taking the GIL back (holder() says "
                    + (holderAfter.get() == null ? "nobody" : holderAfter.get().getName()) + "): the interpreter"
                    + " would handle the error, and run on, without the GIL. Take it back in a finally block");
        }
    }

    /** A native function that touches objects runs under the GIL. */
    static void nativeCallThatTouchesObjectsKeepsTheGil(Class<? extends ExternalCalls> answer) {
        OneLockGil gil = new OneLockGil();
        ExternalCalls calls = create(answer, gil);
        AtomicReference<Thread> holderDuringCall = new AtomicReference<>();
        AtomicReference<Thread> holderAfter = new AtomicReference<>();
        long[] result = new long[1];
        NativeFunction touchesObjects = NativeFunction.holdingGil(argument -> {
            holderDuringCall.set(gil.holder());
            return argument + 1;
        });
        try (Actors actors = new Actors()) {
            actors.start("interpreter", () -> {
                gil.acquire();
                result[0] = calls.callNative(touchesObjects, 41);
                holderAfter.set(gil.holder());
                if (gil.holder() == Thread.currentThread()) {
                    gil.release();
                }
            });
            actors.finish(HANG_LIMIT, "the interpreter thread called a native function that touches objects");
        }
        if (holderDuringCall.get() == null || !holderDuringCall.get().getName().equals("interpreter")) {
            throw new AssertionError("a native function that touches objects ran without the GIL (holder() said "
                    + (holderDuringCall.get() == null ? "nobody" : holderDuringCall.get().getName()) + " during the"
                    + " call): it changes reference counts, and another thread could change them at the same time."
                    + " Only a function whose releasesGil() is true may run without it");
        }
        if (holderAfter.get() == null || !holderAfter.get().getName().equals("interpreter")) {
            throw new AssertionError("callNative() returned without the GIL (holder() says "
                    + (holderAfter.get() == null ? "nobody" : holderAfter.get().getName()) + ")");
        }
        if (result[0] != 42) {
            throw new AssertionError("callNative() returned " + result[0] + ", not the function's answer (42)");
        }
    }

    static ExternalCalls create(Class<? extends ExternalCalls> answer, Gil gil) {
        try {
            return answer.getDeclaredConstructor(Gil.class).newInstance(gil);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create a " + answer.getSimpleName() + "(Gil)", e);
        }
    }
}
