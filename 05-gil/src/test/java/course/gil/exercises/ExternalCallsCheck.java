package course.gil.exercises;

import course.gil.ExternalCalls;
import course.gil.Gil;
import course.gil.IoDevice;
import course.gil.NativeFunction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
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
        everyFailureTakesTheGilBack(answer);
        interruptedRetakeNeverReturnsWithoutTheGil(answer);
        callsOfTwoThreadsOverlap(answer);
        twoCallersKeepTheirOwn(answer);
    }

    /** What a blocking call looks like to a scene: the call, given the device the scene plays. */
    @FunctionalInterface
    private interface CallOut {
        long call(ExternalCalls calls, IoDevice device) throws InterruptedException;
    }

    /**
     * Requests and arguments of every kind: what a call means is the device's business, so none
     * (zero, a negative one, a huge one) is a reason to wait with the GIL held.
     */
    static final List<Long> REQUESTS = List.of(21L, 0L, -21L, Long.MAX_VALUE / 2);

    static void ioRunsWithoutTheGil(Class<? extends ExternalCalls> answer) {
        for (long request : REQUESTS) {
            callsOutWithoutTheGil(answer, "io(device, " + request + ")", "IO performed",
                    (calls, device) -> calls.io(device, request), request * 2);
        }
    }

    static void releasingNativeCallRunsWithoutTheGil(Class<? extends ExternalCalls> answer) {
        for (long argument : REQUESTS) {
            callsOutWithoutTheGil(answer, "callNative(function, " + argument + ")",
                    "a native function that touches no objects was called",
                    (calls, device) -> calls.callNative(NativeFunction.releasingGil(device::call), argument),
                    argument * 2);
        }
    }

    // tag::without-the-gil[]
    /**
     * The interpreter thread calls out; while the call blocks, another thread must be able to take
     * the GIL; when the call returns, the interpreter thread must wait until it has the GIL again.
     */
    private static void callsOutWithoutTheGil(Class<? extends ExternalCalls> answer, String method, String what,
                                              CallOut callOut, long answerOfTheCall) {
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
            throw new AssertionError(what + " while holding the GIL (" + method + "): during the call, holder()"
                    + " said the calling thread, so no other interpreter thread could run until it came back. Release"
                    + " the GIL before every such call, whatever its request");
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
        if (result[0] != answerOfTheCall) {
            throw new AssertionError(method + " returned " + result[0] + ", not the answer of the call ("
                    + answerOfTheCall + ")");
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

    // tag::interrupted-retake[]
    /**
     * The call is over, another thread holds the GIL, and the caller, waiting to take it back, is
     * interrupted. io() may let the InterruptedException out, or wait on for the GIL; what it must
     * not do is return normally without it: the caller would run its next instruction beside the
     * holder.
     */
    static void interruptedRetakeNeverReturnsWithoutTheGil(Class<? extends ExternalCalls> answer) {
        OneLockGil gil = new OneLockGil();
        ExternalCalls calls = create(answer, gil);
        CountDownLatch inCall = new CountDownLatch(1);
        CountDownLatch otherHasIt = new CountDownLatch(1);
        CountDownLatch callerInterrupted = new CountDownLatch(1);
        AtomicBoolean deviceAnswered = new AtomicBoolean();
        AtomicBoolean returnedNormally = new AtomicBoolean();
        AtomicBoolean interruptKept = new AtomicBoolean();
        AtomicReference<Thread> holderAfter = new AtomicReference<>();
        AtomicReference<Thread> caller = new AtomicReference<>();
        try (Actors actors = new Actors()) {
            caller.set(actors.start("interpreter", () -> {
                gil.acquire();
                try {
                    calls.io(request -> {
                        inCall.countDown();
                        Actors.within(PATIENCE, () -> otherHasIt.getCount() == 0);
                        deviceAnswered.set(true);
                        return request;
                    }, 1);
                    returnedNormally.set(true);
                    interruptKept.set(Thread.currentThread().isInterrupted());
                } catch (InterruptedException e) {
                    // letting the interruption out is fine
                }
                holderAfter.set(gil.holder());
                if (gil.holder() == Thread.currentThread()) {
                    gil.release();
                }
            }));
            actors.start("other", () -> {
                inCall.await();
                if (!Actors.within(PATIENCE, gil::tryAcquire, caller.get())) {
                    return; // the caller kept the GIL during its call: other checks say so
                }
                otherHasIt.countDown();
                // the caller's device answers; once the caller waits for the GIL, interrupt it
                if (Actors.within(PATIENCE, () -> deviceAnswered.get() && Actors.isBlocked(caller.get()))) {
                    caller.get().interrupt();
                    callerInterrupted.countDown();
                    Actors.within(PATIENCE, () -> !caller.get().isAlive() || Actors.isBlocked(caller.get()));
                }
                gil.release();
            });
            actors.finish(HANG_LIMIT.plus(PATIENCE.multipliedBy(3)), "the interpreter thread was interrupted while"
                    + " it waited to take the GIL back after io()");
        }
        if (callerInterrupted.getCount() == 0 && returnedNormally.get()
                && (holderAfter.get() == null || !holderAfter.get().getName().equals("interpreter"))) {
            throw new AssertionError("io() returned normally without the GIL (holder() says "
                    + (holderAfter.get() == null ? "nobody" : holderAfter.get().getName()) + "): its thread was"
                    + " interrupted while it waited to take the GIL back, and io() gave up the wait and returned as"
                    + " if all was well. Either wait on for the GIL (and restore the interrupt afterwards), or let the"
                    + " InterruptedException out; never return without the GIL");
        }
        if (callerInterrupted.getCount() == 0 && returnedNormally.get() && !interruptKept.get()) {
            throw new AssertionError("io() returned normally, and its thread's interrupt was gone: the thread was"
                    + " interrupted while it waited to take the GIL back, and io() waited on but swallowed the"
                    + " interruption, so the program never learns it was asked to stop. Restore it"
                    + " (Thread.currentThread().interrupt()) once you hold the GIL, or let the InterruptedException"
                    + " out");
        }
    }
    // end::interrupted-retake[]

    /**
     * A native function that touches objects runs under the GIL, also after one that touches none
     * ran without it: each function says for itself whether it may run without the GIL.
     */
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
                calls.callNative(NativeFunction.releasingGil(argument -> argument), 0);
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
                    + " call, made after one to a function that touches none): it changes reference counts, and"
                    + " another thread could change them at the same time. Only a function whose releasesGil() is"
                    + " true may run without it: ask each function, every call");
        }
        if (holderAfter.get() == null || !holderAfter.get().getName().equals("interpreter")) {
            throw new AssertionError("callNative() returned without the GIL (holder() says "
                    + (holderAfter.get() == null ? "nobody" : holderAfter.get().getName()) + ")");
        }
        if (result[0] != 42) {
            throw new AssertionError("callNative() returned " + result[0] + ", not the function's answer (42)");
        }
    }

    /** A failure of each kind a call can end with: unchecked, an Error, and an interruption. */
    private static List<Throwable> failures() {
        return List.of(new UncheckedIOException(new IOException("connection reset by peer")),
                new OutOfMemoryError("native buffer"), new InterruptedException("the call was interrupted"));
    }

    /** The ways out of the interpreter, by name, each given the body the call runs. */
    private static Map<String, CallOut> waysOut() {
        Map<String, CallOut> ways = new LinkedHashMap<>();
        ways.put("io()", (calls, device) -> calls.io(device, 1));
        ways.put("callNative() of a function that touches no objects",
                (calls, device) -> calls.callNative(NativeFunction.releasingGil(device::call), 1));
        ways.put("callNative() of a function that touches objects",
                (calls, device) -> calls.callNative(NativeFunction.holdingGil(device::call), 1));
        return ways;
    }

    /**
     * Every way out, ending with every kind of failure: the failure comes out unchanged, and the
     * caller holds the GIL again, whatever the call threw.
     */
    static void everyFailureTakesTheGilBack(Class<? extends ExternalCalls> answer) {
        for (Map.Entry<String, CallOut> way : waysOut().entrySet()) {
            for (Throwable failure : failures()) {
                failsAndTakesTheGilBack(answer, way.getKey(), way.getValue(), failure);
            }
        }
    }

    private static void failsAndTakesTheGilBack(Class<? extends ExternalCalls> answer, String method, CallOut callOut,
                                                Throwable failure) {
        OneLockGil gil = new OneLockGil();
        ExternalCalls calls = create(answer, gil);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Thread> holderAfter = new AtomicReference<>();
        IoDevice failing = request -> {
            throw sneaky(failure);
        };
        try (Actors actors = new Actors()) {
            actors.start("interpreter", () -> {
                gil.acquire();
                try {
                    callOut.call(calls, failing);
                } catch (Throwable e) {
                    thrown.set(e);
                }
                holderAfter.set(gil.holder());
                if (gil.holder() == Thread.currentThread()) {
                    gil.release();
                }
            });
            actors.finish(HANG_LIMIT, "the interpreter thread called " + method + ", which threw " + failure);
        }
        if (thrown.get() != failure) {
            throw new AssertionError("the call in " + method + " threw " + failure + ", and " + method + " "
                    + (thrown.get() == null ? "returned normally" : "threw " + thrown.get() + " instead")
                    + ": let every failure of the call through, unchanged");
        }
        if (holderAfter.get() == null || !holderAfter.get().getName().equals("interpreter")) {
            throw new AssertionError("the call in " + method + " threw " + failure.getClass().getSimpleName()
                    + ", and " + method + " let it out without taking the GIL back (holder() says "
                    + (holderAfter.get() == null ? "nobody" : holderAfter.get().getName()) + "): whatever the call"
                    + " throws (an unchecked exception, an Error, an InterruptedException), take the GIL back in a"
                    + " finally block");
        }
    }

    /** Throws any throwable, checked or not, from a device's call. */
    @SuppressWarnings("unchecked")
    private static <T extends Throwable> RuntimeException sneaky(Throwable failure) throws T {
        throw (T) failure;
    }

    /**
     * Two interpreter threads call out at once: while one waits for its device, the other takes the
     * GIL and calls out too, so both calls are under way at the same moment: that is the whole
     * point of giving the GIL up. Each device waits (within {@link #PATIENCE}) for the other call.
     */
    static void callsOfTwoThreadsOverlap(Class<? extends ExternalCalls> answer) {
        for (Map.Entry<String, CallOut> way : waysOut().entrySet()) {
            if (!way.getKey().contains("touches objects")) {
                twoCallsAtOnce(answer, way.getKey(), way.getValue());
            }
        }
    }

    private static void twoCallsAtOnce(Class<? extends ExternalCalls> answer, String method, CallOut callOut) {
        OneLockGil gil = new OneLockGil();
        ExternalCalls calls = create(answer, gil);
        CountDownLatch inCall = new CountDownLatch(2);
        AtomicBoolean overlapped = new AtomicBoolean(true);
        List<Thread> callers = new CopyOnWriteArrayList<>();
        IoDevice device = request -> {
            inCall.countDown();
            Thread[] others = callers.stream().filter(t -> t != Thread.currentThread()).toArray(Thread[]::new);
            if (!Actors.within(PATIENCE, () -> inCall.getCount() == 0, others)) {
                overlapped.set(false); // the other thread's call did not start while this one was under way
            }
            return request * 2;
        };
        long[] results = new long[2];
        try (Actors actors = new Actors()) {
            for (int t = 0; t < 2; t++) {
                int me = t;
                callers.add(actors.start("interpreter-" + (char) ('A' + t), () -> {
                    gil.acquire();
                    results[me] = callOut.call(calls, device);
                    if (gil.holder() == Thread.currentThread()) {
                        gil.release();
                    }
                }));
            }
            actors.finish(HANG_LIMIT.plus(PATIENCE.multipliedBy(2)), "two interpreter threads called " + method
                    + " at once");
        }
        if (!overlapped.get()) {
            throw new AssertionError("two interpreter threads called " + method + " at once, and the second call"
                    + " began only after the first had ended: something kept them apart (a lock of your own, a"
                    + " synchronized method, a semaphore around the call). While a thread waits outside the"
                    + " interpreter, nothing but the GIL may stand between the other threads and their own calls");
        }
        if (results[0] != 2 || results[1] != 2) {
            throw new AssertionError("two interpreter threads called " + method + " at once, and they returned "
                    + results[0] + " and " + results[1] + ", not the answer of their calls (2 each)");
        }
    }

    /**
     * Two interpreter threads out at once, and a third that takes the GIL meanwhile: the first call
     * answers, and its thread waits for the GIL; only then does the second call answer. Each thread
     * must come back with its own call's answer, holding the GIL, and neither may keep it during its
     * call. What belongs to one call (its answer, whether its thread gave the GIL up) kept in a
     * field is overwritten by the other thread's call before the first thread reads it.
     */
    static void twoCallersKeepTheirOwn(Class<? extends ExternalCalls> answer) {
        for (Map.Entry<String, CallOut> way : waysOut().entrySet()) {
            if (!way.getKey().contains("touches objects")) {
                keepTheirOwn(answer, way.getKey(), way.getValue());
            }
        }
    }

    private static void keepTheirOwn(Class<? extends ExternalCalls> answer, String method, CallOut callOut) {
        OneLockGil gil = new OneLockGil();
        ExternalCalls calls = create(answer, gil);
        long[] answers = {10, 20};
        long[] results = new long[2];
        Thread[] holdersDuring = new Thread[2];
        Thread[] holdersAfter = new Thread[2];
        Thread[] callers = new Thread[2];
        CountDownLatch firstOut = new CountDownLatch(1);
        CountDownLatch bothOut = new CountDownLatch(2);
        CountDownLatch[] mayAnswer = {new CountDownLatch(1), new CountDownLatch(1)};
        AtomicBoolean[] answered = {new AtomicBoolean(), new AtomicBoolean()};
        try (Actors actors = new Actors()) {
            for (int t = 0; t < 2; t++) {
                int me = t;
                IoDevice device = request -> {
                    holdersDuring[me] = gil.holder();
                    firstOut.countDown();
                    bothOut.countDown();
                    Actors.within(PATIENCE, () -> mayAnswer[me].getCount() == 0);
                    answered[me].set(true);
                    return answers[me];
                };
                callers[t] = actors.start("interpreter-" + (char) ('A' + t), () -> {
                    if (me == 1 && (!firstOut.await(HANG_LIMIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                            || !Actors.within(PATIENCE, gil::tryAcquire, callers[0]))) {
                        return; // the first kept the GIL during its call: other checks say so
                    }
                    if (me == 0) {
                        gil.acquire();
                    }
                    results[me] = callOut.call(calls, device);
                    holdersAfter[me] = gil.holder();
                    if (gil.holder() == Thread.currentThread()) {
                        gil.release();
                    }
                });
            }
            actors.start("holder", () -> {
                boolean holds = bothOut.await(HANG_LIMIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                        && Actors.within(PATIENCE, gil::tryAcquire, callers);
                for (int t = 0; t < 2; t++) {
                    int me = t;
                    mayAnswer[me].countDown();
                    Actors.within(PATIENCE, () -> answered[me].get() && (Actors.isBlocked(callers[me])
                            || !callers[me].isAlive()), callers[me]);
                }
                if (holds) {
                    gil.release();
                }
            });
            actors.finish(HANG_LIMIT.plus(PATIENCE.multipliedBy(4)), "two interpreter threads called " + method
                    + " at once while a third took the GIL");
        }
        for (int t = 0; t < 2; t++) {
            if (holdersDuring[t] == callers[t]) {
                throw new AssertionError("two interpreter threads called " + method + " at once, and the "
                        + (t == 0 ? "first" : "second") + " kept the GIL during its call: nobody else could run"
                        + " until it came back. Every call gives the GIL up, however many others are out already");
            }
        }
        if (results[0] != answers[0] || results[1] != answers[1]) {
            throw new AssertionError("two interpreter threads called " + method + " at once; the first call answered "
                    + answers[0] + " and the second " + answers[1] + " (after the first thread's), and they returned "
                    + results[0] + " and " + results[1] + ": one call's answer reached the other thread. Keep what"
                    + " belongs to one call in locals, not in a field that every thread's calls share");
        }
        for (int t = 0; t < 2; t++) {
            if (holdersAfter[t] != callers[t]) {
                throw new AssertionError("two interpreter threads called " + method + " at once, and the "
                        + (t == 0 ? "first" : "second") + " returned without the GIL (holder() says "
                        + (holdersAfter[t] == null ? "nobody" : holdersAfter[t].getName()) + "): whether a thread"
                        + " gave the GIL up, and must take it back, is that thread's own (a local), not a field"
                        + " another thread's call changes");
            }
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
