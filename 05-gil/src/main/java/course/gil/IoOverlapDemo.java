package course.gil;

import course.gil.exercises.GilReleasingCalls;
import course.gil.exercises.SwitchingGil;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The article's IO-bound program, on the interpreter: four requests that each take 100 ms. One
 * thread makes them one after the other; four threads make one each. With a GIL that IO calls
 * keep, the four threads are no faster than one; with IO calls that give the GIL up, the four
 * requests wait at the same time.
 *
 * <p>{@link #main} runs your classes: your {@code SwitchingGil} (exercise gil.lock) and your
 * {@code GilReleasingCalls} (exercise gil.release), or the reference solutions with
 * {@code -Psolution}. On the starter the IO calls keep the GIL, so the last line is no faster than
 * the one before it. The demo's proof, {@code IoOverlapDemoIT}, runs right answers of its own.
 */
public final class IoOverlapDemo {

    static final Duration SWITCH_INTERVAL = Duration.ofMillis(5);

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
    /** {@code threads} threads share the REQUESTS requests, with this GIL and these calls. */
    public static Outcome run(int threads, Gil gil, Function<Gil, ExternalCalls> calls, IoDevice device)
            throws InterruptedException {
        CountingDevice counting = new CountingDevice(device);
        Interpreter interpreter = Interpreter.builder(gil).calls(calls).device(counting).build();
        Program requests = Programs.requests(REQUESTS / threads, MILLIS);
        Interpreter.Run run = interpreter.runThreads(Collections.nCopies(threads, requests));
        return new Outcome(run.elapsed(), counting.most.get());
    }
    // end::io-run[]

    public static void main(String[] args) throws InterruptedException {
        System.out.println("GIL: SwitchingGil (exercise gil.lock); IO calls that release it: GilReleasingCalls"
                + " (exercise gil.release)");
        compare(() -> new SwitchingGil(SWITCH_INTERVAL), GilReleasingCalls::new);
    }

    /** One thread, then four threads whose IO keeps the GIL, then four whose IO goes through {@code releasing}. */
    static void compare(Supplier<Gil> gil, Function<Gil, ExternalCalls> releasing) throws InterruptedException {
        IoDevice device = IoDevice.sleeping(); // answers each request after the MILLIS it asks for
        Outcome sequential = run(1, gil.get(), releasing, device);
        print("1 thread,  4 requests        ", sequential, sequential);
        print("4 threads, IO keeps the GIL  ", run(REQUESTS, gil.get(), HoldingCalls::new, device), sequential);
        print("4 threads, IO releases it    ", run(REQUESTS, gil.get(), releasing, device), sequential);
    }

    private static void print(String what, Outcome outcome, Outcome sequential) {
        System.out.printf("%s %4.0f ms  (%.2fx)  at most %d request(s) in flight%n", what,
                outcome.elapsed().toNanos() / 1e6,
                (double) sequential.elapsed().toNanos() / outcome.elapsed().toNanos(), outcome.mostAtOnce());
    }
}
