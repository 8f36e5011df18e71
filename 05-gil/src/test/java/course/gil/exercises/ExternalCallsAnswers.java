package course.gil.exercises;

import course.gil.ExternalCalls;
import course.gil.Gil;
import course.gil.IoDevice;
import course.gil.NativeFunction;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Answers a learner might give to exercise gil.release, right and wrong, for
 * {@code ExternalCallsCheckIT}. Each is a plausible attempt, not a straw man.
 */
public final class ExternalCallsAnswers {

    private ExternalCallsAnswers() {
    }

    // ---- wrong ----

    /** The starter: the calls run with the GIL held. */
    public static final class HoldsTheGil implements ExternalCalls {
        public HoldsTheGil(Gil gil) {
        }

        public long io(IoDevice device, long request) throws InterruptedException {
            return device.call(request);
        }

        public long callNative(NativeFunction function, long argument) throws InterruptedException {
            return function.call(argument);
        }
    }

    /** Releases the GIL and never takes it back. */
    public static final class ReleasesNeverRetakes implements ExternalCalls {
        private final Gil gil;

        public ReleasesNeverRetakes(Gil gil) {
            this.gil = gil;
        }

        public long io(IoDevice device, long request) throws InterruptedException {
            gil.release();
            return device.call(request);
        }

        public long callNative(NativeFunction function, long argument) throws InterruptedException {
            if (!function.releasesGil()) {
                return function.call(argument);
            }
            gil.release();
            return function.call(argument);
        }
    }

    /** Takes the GIL back after the call, but not in a finally: a failed call leaves the thread without it. */
    public static final class RetakeNotInFinally implements ExternalCalls {
        private final Gil gil;

        public RetakeNotInFinally(Gil gil) {
            this.gil = gil;
        }

        public long io(IoDevice device, long request) throws InterruptedException {
            gil.release();
            long answer = device.call(request);
            gil.acquire();
            return answer;
        }

        public long callNative(NativeFunction function, long argument) throws InterruptedException {
            if (!function.releasesGil()) {
                return function.call(argument);
            }
            gil.release();
            long answer = function.call(argument);
            gil.acquire();
            return answer;
        }
    }

    /** Releases and re-takes the GIL after the call, when the waiting is already over. */
    public static final class ReleasesAfterTheCall implements ExternalCalls {
        private final Gil gil;

        public ReleasesAfterTheCall(Gil gil) {
            this.gil = gil;
        }

        public long io(IoDevice device, long request) throws InterruptedException {
            long answer = device.call(request);
            gil.release();
            gil.acquire();
            return answer;
        }

        public long callNative(NativeFunction function, long argument) throws InterruptedException {
            long answer = function.call(argument);
            if (function.releasesGil()) {
                gil.release();
                gil.acquire();
            }
            return answer;
        }
    }

    /** Offers the GIL at a checkpoint instead of releasing it: nobody has asked yet, so it keeps it. */
    public static final class OffersInsteadOfReleasing implements ExternalCalls {
        private final Gil gil;

        public OffersInsteadOfReleasing(Gil gil) {
            this.gil = gil;
        }

        public long io(IoDevice device, long request) throws InterruptedException {
            gil.checkpoint();
            return device.call(request);
        }

        public long callNative(NativeFunction function, long argument) throws InterruptedException {
            gil.checkpoint();
            return function.call(argument);
        }
    }

    /** Releases the GIL around every native call, including those that touch objects. */
    public static final class ReleasesForEveryNativeCall implements ExternalCalls {
        private final Gil gil;

        public ReleasesForEveryNativeCall(Gil gil) {
            this.gil = gil;
        }

        public long io(IoDevice device, long request) throws InterruptedException {
            gil.release();
            try {
                return device.call(request);
            } finally {
                gil.acquire();
            }
        }

        public long callNative(NativeFunction function, long argument) throws InterruptedException {
            gil.release();
            try {
                return function.call(argument);
            } finally {
                gil.acquire();
            }
        }
    }

    /** IO done right; native calls always keep the GIL, even those that could run without it. */
    public static final class NativeAlwaysHoldsTheGil implements ExternalCalls {
        private final Gil gil;

        public NativeAlwaysHoldsTheGil(Gil gil) {
            this.gil = gil;
        }

        public long io(IoDevice device, long request) throws InterruptedException {
            gil.release();
            try {
                return device.call(request);
            } finally {
                gil.acquire();
            }
        }

        public long callNative(NativeFunction function, long argument) throws InterruptedException {
            return function.call(argument);
        }
    }

    /** Takes the GIL back only if nobody holds it: "no need to wait, someone else is running". */
    public static final class RetakesOnlyIfFree implements ExternalCalls {
        private final Gil gil;

        public RetakesOnlyIfFree(Gil gil) {
            this.gil = gil;
        }

        public long io(IoDevice device, long request) throws InterruptedException {
            gil.release();
            try {
                return device.call(request);
            } finally {
                if (gil.holder() == null) {
                    gil.acquire();
                }
            }
        }

        public long callNative(NativeFunction function, long argument) throws InterruptedException {
            if (!function.releasesGil()) {
                return function.call(argument);
            }
            gil.release();
            try {
                return function.call(argument);
            } finally {
                if (gil.holder() == null) {
                    gil.acquire();
                }
            }
        }
    }

    /** Swallows a failed call and returns -1: the program never learns that the IO failed. */
    public static final class SwallowsFailures implements ExternalCalls {
        private final Gil gil;

        public SwallowsFailures(Gil gil) {
            this.gil = gil;
        }

        public long io(IoDevice device, long request) throws InterruptedException {
            gil.release();
            try {
                return device.call(request);
            } catch (RuntimeException e) {
                return -1;
            } finally {
                gil.acquire();
            }
        }

        public long callNative(NativeFunction function, long argument) throws InterruptedException {
            if (!function.releasesGil()) {
                return function.call(argument);
            }
            gil.release();
            try {
                return function.call(argument);
            } finally {
                gil.acquire();
            }
        }
    }

    /** Takes the GIL back when the call fails with an exception, but not with an Error. */
    public static final class CatchesExceptionsOnly implements ExternalCalls {
        private final Gil gil;

        public CatchesExceptionsOnly(Gil gil) {
            this.gil = gil;
        }

        public long io(IoDevice device, long request) throws InterruptedException {
            return outside(() -> device.call(request));
        }

        public long callNative(NativeFunction function, long argument) throws InterruptedException {
            return function.releasesGil() ? outside(() -> function.call(argument)) : function.call(argument);
        }

        private interface Call {
            long run() throws InterruptedException;
        }

        private long outside(Call call) throws InterruptedException {
            gil.release();
            long result;
            try {
                result = call.run();
            } catch (Exception e) { // an Error passes by, and leaves without the GIL
                gil.acquire();
                throw e;
            }
            gil.acquire();
            return result;
        }
    }

    /** io() right; a native call that opts out releases the GIL, with no finally to take it back. */
    public static final class NativeWithoutFinally implements ExternalCalls {
        private final Gil gil;

        public NativeWithoutFinally(Gil gil) {
            this.gil = gil;
        }

        public long io(IoDevice device, long request) throws InterruptedException {
            gil.release();
            try {
                return device.call(request);
            } finally {
                gil.acquire();
            }
        }

        public long callNative(NativeFunction function, long argument) throws InterruptedException {
            if (!function.releasesGil()) {
                return function.call(argument);
            }
            gil.release();
            long result = function.call(argument);
            gil.acquire();
            return result;
        }
    }

    /** A lock of its own around the call, "to keep calls apart": the GIL is given up, and calls still wait for each other. */
    public static final class OwnLockAroundTheCall implements ExternalCalls {
        private final Gil gil;
        private final ReentrantLock calling = new ReentrantLock();

        public OwnLockAroundTheCall(Gil gil) {
            this.gil = gil;
        }

        public long io(IoDevice device, long request) throws InterruptedException {
            gil.release();
            calling.lock();
            try {
                return device.call(request);
            } finally {
                calling.unlock();
                gil.acquire();
            }
        }

        public long callNative(NativeFunction function, long argument) throws InterruptedException {
            if (!function.releasesGil()) {
                return function.call(argument);
            }
            gil.release();
            calling.lock();
            try {
                return function.call(argument);
            } finally {
                calling.unlock();
                gil.acquire();
            }
        }
    }

    /** synchronized methods, the GIL released inside: a second caller waits for the monitor, holding the GIL. */
    public static final class SynchronizedCalls implements ExternalCalls {
        private final Gil gil;

        public SynchronizedCalls(Gil gil) {
            this.gil = gil;
        }

        public synchronized long io(IoDevice device, long request) throws InterruptedException {
            gil.release();
            try {
                return device.call(request);
            } finally {
                gil.acquire();
            }
        }

        public synchronized long callNative(NativeFunction function, long argument) throws InterruptedException {
            if (!function.releasesGil()) {
                return function.call(argument);
            }
            gil.release();
            try {
                return function.call(argument);
            } finally {
                gil.acquire();
            }
        }
    }

    /**
     * "Restores the interrupt" while taking the GIL back, and goes on without it: interrupted while
     * another thread holds the GIL, io() returns normally, and the next instruction runs beside
     * the holder.
     */
    public static final class RetakeGivesUpOnInterrupt implements ExternalCalls {
        private final Gil gil;
        public RetakeGivesUpOnInterrupt(Gil gil) { this.gil = gil; }
        public long io(IoDevice device, long request) throws InterruptedException {
            gil.release();
            try {
                return device.call(request);
            } finally {
                retake();
            }
        }
        public long callNative(NativeFunction function, long argument) throws InterruptedException {
            if (!function.releasesGil()) {
                return function.call(argument);
            }
            gil.release();
            try {
                return function.call(argument);
            } finally {
                retake();
            }
        }
        private void retake() {
            try {
                gil.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A request of 0 or less "asks for nothing", so it keeps the GIL: but a device may block on any request. */
    public static final class SmallRequestsKeepTheGil implements ExternalCalls {
        private final Gil gil;
        public SmallRequestsKeepTheGil(Gil gil) { this.gil = gil; }
        public long io(IoDevice device, long request) throws InterruptedException {
            if (request <= 0) {
                return device.call(request);
            }
            gil.release();
            try {
                return device.call(request);
            } finally {
                gil.acquire();
            }
        }
        public long callNative(NativeFunction function, long argument) throws InterruptedException {
            if (!function.releasesGil()) {
                return function.call(argument);
            }
            gil.release();
            try {
                return function.call(argument);
            } finally {
                gil.acquire();
            }
        }
    }

    /** One helper for both calls, whose lambda cannot throw a checked exception: an interruption comes out wrapped. */
    public static final class WrapsInterruptions implements ExternalCalls {
        private final Gil gil;
        public WrapsInterruptions(Gil gil) { this.gil = gil; }
        interface Call {
            long run() throws Exception;
        }
        public long io(IoDevice device, long request) throws InterruptedException {
            return withoutGil(() -> device.call(request));
        }
        public long callNative(NativeFunction function, long argument) throws InterruptedException {
            return function.releasesGil() ? withoutGil(() -> function.call(argument)) : function.call(argument);
        }
        private long withoutGil(Call call) throws InterruptedException {
            gil.release();
            try {
                return call.run();
            } catch (Exception e) {
                throw e instanceof RuntimeException unchecked ? unchecked : new IllegalStateException(e);
            } finally {
                gil.acquire();
            }
        }
    }

    /**
     * The lambda given to a helper cannot assign a local, so the answer goes in a field: two
     * threads out at once share it, and the first, waiting for the GIL, reads the second's answer.
     */
    public static final class AnswerInAField implements ExternalCalls {
        private final Gil gil;
        private long answer;

        public AnswerInAField(Gil gil) {
            this.gil = gil;
        }

        @FunctionalInterface
        private interface Call {
            long run() throws InterruptedException;
        }

        public long io(IoDevice device, long request) throws InterruptedException {
            withoutGil(() -> answer = device.call(request));
            return answer;
        }

        public long callNative(NativeFunction function, long argument) throws InterruptedException {
            if (!function.releasesGil()) {
                return function.call(argument);
            }
            withoutGil(() -> answer = function.call(argument));
            return answer;
        }

        private void withoutGil(Call call) throws InterruptedException {
            gil.release();
            try {
                call.run();
            } finally {
                gil.acquire();
            }
        }
    }

    /**
     * "Did I give the GIL up?" in a field: the first thread back clears it, and the second, whose
     * flag it was too, returns without taking the GIL back.
     */
    public static final class ReleasedFlagInAField implements ExternalCalls {
        private final Gil gil;
        private boolean released;

        public ReleasedFlagInAField(Gil gil) {
            this.gil = gil;
        }

        public long io(IoDevice device, long request) throws InterruptedException {
            try {
                gil.release();
                released = true;
                return device.call(request);
            } finally {
                retakeIfReleased();
            }
        }

        public long callNative(NativeFunction function, long argument) throws InterruptedException {
            if (!function.releasesGil()) {
                return function.call(argument);
            }
            try {
                gil.release();
                released = true;
                return function.call(argument);
            } finally {
                retakeIfReleased();
            }
        }

        private void retakeIfReleased() throws InterruptedException {
            if (released) {
                released = false;
                gil.acquire();
            }
        }
    }

    /** Waits on for the GIL when interrupted, and swallows the interrupt: nobody learns the thread was asked to stop. */
    public static final class RetakeSwallowsInterrupt implements ExternalCalls {
        private final Gil gil;

        public RetakeSwallowsInterrupt(Gil gil) {
            this.gil = gil;
        }

        private void retake() {
            while (true) {
                try {
                    gil.acquire();
                    return;
                } catch (InterruptedException e) {
                    // try again: the GIL must be taken back
                }
            }
        }

        public long io(IoDevice device, long request) throws InterruptedException {
            gil.release();
            try {
                return device.call(request);
            } finally {
                retake();
            }
        }

        public long callNative(NativeFunction function, long argument) throws InterruptedException {
            if (!function.releasesGil()) {
                return function.call(argument);
            }
            gil.release();
            try {
                return function.call(argument);
            } finally {
                retake();
            }
        }
    }

    /** Asks the first native function whether it may run without the GIL, and trusts that for every later one. */
    public static final class AsksTheFirstFunctionOnly implements ExternalCalls {
        private final Gil gil;
        private Boolean nativeReleases; // "the extension does not change"

        public AsksTheFirstFunctionOnly(Gil gil) {
            this.gil = gil;
        }

        public long io(IoDevice device, long request) throws InterruptedException {
            gil.release();
            try {
                return device.call(request);
            } finally {
                gil.acquire();
            }
        }

        public long callNative(NativeFunction function, long argument) throws InterruptedException {
            if (nativeReleases == null) {
                nativeReleases = function.releasesGil();
            }
            if (!nativeReleases) {
                return function.call(argument);
            }
            gil.release();
            try {
                return function.call(argument);
            } finally {
                gil.acquire();
            }
        }
    }

    /**
     * Only one thread out at a time gives the GIL up ("while someone is out, the GIL is free
     * anyway"): a second thread that calls out meanwhile waits for its device holding the GIL.
     */
    public static final class OneOutAtATime implements ExternalCalls {
        private final Gil gil;
        private final AtomicInteger outside = new AtomicInteger();

        public OneOutAtATime(Gil gil) {
            this.gil = gil;
        }

        @FunctionalInterface
        private interface Call {
            long run() throws InterruptedException;
        }

        public long io(IoDevice device, long request) throws InterruptedException {
            return withoutGil(() -> device.call(request));
        }

        public long callNative(NativeFunction function, long argument) throws InterruptedException {
            if (!function.releasesGil()) {
                return function.call(argument);
            }
            return withoutGil(() -> function.call(argument));
        }

        private long withoutGil(Call call) throws InterruptedException {
            if (!outside.compareAndSet(0, 1)) {
                return call.run();
            }
            gil.release();
            try {
                return call.run();
            } finally {
                outside.set(0);
                gil.acquire();
            }
        }
    }

    // ---- right ----

    /** Each method written out with its own try/finally. */
    public static final class TryFinallyEach implements ExternalCalls {
        private final Gil gil;

        public TryFinallyEach(Gil gil) {
            this.gil = gil;
        }

        public long io(IoDevice device, long request) throws InterruptedException {
            gil.release();
            try {
                return device.call(request);
            } finally {
                gil.acquire();
            }
        }

        public long callNative(NativeFunction function, long argument) throws InterruptedException {
            if (function.releasesGil()) {
                gil.release();
                try {
                    return function.call(argument);
                } finally {
                    gil.acquire();
                }
            }
            return function.call(argument);
        }
    }

    /** The release and the re-take as a scope, closed by try-with-resources. */
    @SuppressWarnings("try") // the scope is never named in its body, and its close() may be interrupted: both on purpose
    public static final class AllowThreadsScope implements ExternalCalls {
        private final Gil gil;

        public AllowThreadsScope(Gil gil) {
            this.gil = gil;
        }

        private interface Scope extends AutoCloseable {
            @Override
            void close() throws InterruptedException;
        }

        private Scope allowThreads() {
            gil.release();
            return gil::acquire;
        }

        public long io(IoDevice device, long request) throws InterruptedException {
            try (Scope unlocked = allowThreads()) {
                return device.call(request);
            }
        }

        public long callNative(NativeFunction function, long argument) throws InterruptedException {
            if (!function.releasesGil()) {
                return function.call(argument);
            }
            try (Scope unlocked = allowThreads()) {
                return function.call(argument);
            }
        }
    }

    /** Re-takes the GIL even if interrupted meanwhile, and restores the interrupt afterwards. */
    public static final class UninterruptibleRetake implements ExternalCalls {
        private final Gil gil;

        public UninterruptibleRetake(Gil gil) {
            this.gil = gil;
        }

        private void retake() {
            boolean interrupted = false;
            while (true) {
                try {
                    gil.acquire();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        public long io(IoDevice device, long request) throws InterruptedException {
            gil.release();
            try {
                return device.call(request);
            } finally {
                retake();
            }
        }

        public long callNative(NativeFunction function, long argument) throws InterruptedException {
            if (!function.releasesGil()) {
                return function.call(argument);
            }
            gil.release();
            try {
                return function.call(argument);
            } finally {
                retake();
            }
        }
    }

    /** Waits, polling, until the GIL looks free before it queues for it again: slower, and right. */
    public static final class PollsBeforeRetaking implements ExternalCalls {
        private final Gil gil;

        public PollsBeforeRetaking(Gil gil) {
            this.gil = gil;
        }

        public long io(IoDevice device, long request) throws InterruptedException {
            gil.release();
            try {
                return device.call(request);
            } finally {
                retake();
            }
        }

        public long callNative(NativeFunction function, long argument) throws InterruptedException {
            if (!function.releasesGil()) {
                return function.call(argument);
            }
            gil.release();
            try {
                return function.call(argument);
            } finally {
                retake();
            }
        }

        private void retake() throws InterruptedException {
            while (gil.holder() != null) {
                Thread.sleep(1); // only a hint: acquire() below is what waits for sure
            }
            gil.acquire();
        }
    }

    /** The release inside the try, and a flag that says whether to take the GIL back. */
    public static final class ReleasedFlag implements ExternalCalls {
        private final Gil gil;
        public ReleasedFlag(Gil gil) { this.gil = gil; }
        public long io(IoDevice device, long request) throws InterruptedException {
            boolean released = false;
            try {
                gil.release();
                released = true;
                return device.call(request);
            } finally {
                if (released) {
                    gil.acquire();
                }
            }
        }
        public long callNative(NativeFunction function, long argument) throws InterruptedException {
            return function.releasesGil() ? io(function::call, argument) : function.call(argument);
        }
    }

    /**
     * The call made on a virtual thread of its own, which the interpreter thread joins with the
     * GIL given up; the call's failure is rethrown as it was, an interrupt of the join restored.
     */
    public static final class CallOnItsOwnThread implements ExternalCalls {
        private final Gil gil;

        public CallOnItsOwnThread(Gil gil) {
            this.gil = gil;
        }

        @FunctionalInterface
        private interface Call {
            long run() throws InterruptedException;
        }

        public long io(IoDevice device, long request) throws InterruptedException {
            return elsewhere(() -> device.call(request));
        }

        public long callNative(NativeFunction function, long argument) throws InterruptedException {
            if (!function.releasesGil()) {
                return function.call(argument);
            }
            return elsewhere(() -> function.call(argument));
        }

        private long elsewhere(Call call) throws InterruptedException {
            long[] answer = new long[1];
            Throwable[] failure = new Throwable[1];
            Thread worker = Thread.ofVirtual().unstarted(() -> {
                try {
                    answer[0] = call.run();
                } catch (Throwable e) {
                    failure[0] = e;
                }
            });
            gil.release();
            try {
                worker.start();
                joinUninterruptibly(worker);
            } finally {
                gil.acquire();
            }
            if (failure[0] != null) {
                throw CallOnItsOwnThread.<RuntimeException>sneaky(failure[0]);
            }
            return answer[0];
        }

        private static void joinUninterruptibly(Thread worker) {
            boolean interrupted = false;
            while (true) {
                try {
                    worker.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        @SuppressWarnings("unchecked")
        private static <T extends Throwable> T sneaky(Throwable failure) throws T {
            throw (T) failure;
        }
    }
}
