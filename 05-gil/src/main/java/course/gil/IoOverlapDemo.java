package course.gil;

import course.gil.exercises.GilReleasingCalls;
import course.gil.exercises.SwitchingGil;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The article's IO-bound program, on the interpreter: four requests that each take 100 ms. One
 * thread makes them one after the other; four threads make one each. With a GIL that IO calls
 * keep, the four threads are no faster than one; with IO calls that give the GIL up (your
 * {@code GilReleasingCalls}, exercise gil.release), the four requests wait at the same time.
 */
public final class IoOverlapDemo {

    static final int REQUESTS = 4;
    static final long MILLIS = 100;

    /** How long the requests took, and how many were in flight at once at most. */
    public record Outcome(Duration elapsed, int mostAtOnce) {
    }

    /** A device that counts the calls in flight. */
    static final class CountingDevice implements IoDevice {
        private final IoDevice device;
        private final AtomicInteger inFlight = new AtomicInteger();
        private final AtomicInteger most = new AtomicInteger();

        CountingDevice(IoDevice device) {
            this.device = device;
        }

        @Override
        public long call(long request) throws InterruptedException {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                return device.call(request);
            } finally {
                inFlight.decrementAndGet();
            }
        }
    }

    // tag::io-run[]
    /** {@code threads} threads share the REQUESTS requests; the device answers each after MILLIS. */
    public static Outcome run(int threads, Function<Gil, ExternalCalls> calls, IoDevice device)
            throws InterruptedException {
        CountingDevice counting = new CountingDevice(device);
        Interpreter interpreter = Interpreter.builder(new SwitchingGil(Duration.ofMillis(5)))
                .calls(calls).device(counting).build();
        Program requests = Programs.requests(REQUESTS / threads, MILLIS);
        Interpreter.Run run = interpreter.runThreads(Collections.nCopies(threads, requests));
        return new Outcome(run.elapsed(), counting.most.get());
    }
    // end::io-run[]

    public static void main(String[] args) throws InterruptedException {
        Outcome sequential = run(1, GilReleasingCalls::new, IoDevice.sleeping());
        print("1 thread,  4 requests        ", sequential, sequential);
        print("4 threads, IO keeps the GIL  ", run(REQUESTS, HoldingCalls::new, IoDevice.sleeping()), sequential);
        print("4 threads, IO releases it    ", run(REQUESTS, GilReleasingCalls::new, IoDevice.sleeping()), sequential);
    }

    private static void print(String what, Outcome outcome, Outcome sequential) {
        System.out.printf("%s %4.0f ms  (%.2fx)  at most %d request(s) in flight%n", what,
                outcome.elapsed().toNanos() / 1e6,
                (double) sequential.elapsed().toNanos() / outcome.elapsed().toNanos(), outcome.mostAtOnce());
    }
}
