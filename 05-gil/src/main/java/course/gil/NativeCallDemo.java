package course.gil;

import course.gil.exercises.GilReleasingCalls;
import course.gil.exercises.SwitchingGil;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What NumPy does: a native function that touches no interpreter objects gives the GIL up while
 * it runs ({@code Py_BEGIN_ALLOW_THREADS}), so two threads calling it compute at the same time,
 * one per core. The same function declared as needing the GIL runs one call at a time.
 *
 * <p>{@link #main} runs your classes: your {@code SwitchingGil} (exercise gil.lock) and your
 * {@code GilReleasingCalls} (exercise gil.release), or the reference solutions with
 * {@code -Psolution}. On the starter the native calls keep the GIL even when they may give it up,
 * so both lines show one call at a time. The demo's proof, {@code NativeCallDemoIT}, runs right
 * answers of its own.
 */
public final class NativeCallDemo {

    static final Duration SWITCH_INTERVAL = Duration.ofMillis(5);
    static final int CALLS = 20;
    static final long WORK = 3_000_000;

    /** How long the calls took, how many native calls ran at once at most, and each thread's result. */
    public record Outcome(Duration elapsed, int mostAtOnce, List<Long> results) {
    }

    // tag::native-function[]
    /** A heavy loop in "native code": a sum of squares, touching no interpreter object. */
    static long sumOfSquares(long n) {
        long sum = 0;
        for (long i = 0; i < n; i++) {
            sum += i * i % 7;
        }
        return sum;
    }
    // end::native-function[]

    /** A native function that counts the calls running at once. */
    static final class CountingFunction implements NativeFunction {
        private final NativeFunction function;
        private final AtomicInteger inside = new AtomicInteger();
        private final AtomicInteger most = new AtomicInteger();

        CountingFunction(NativeFunction function) {
            this.function = function;
        }

        @Override
        public boolean releasesGil() {
            return function.releasesGil();
        }

        @Override
        public long call(long argument) throws InterruptedException {
            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
            try {
                return function.call(argument);
            } finally {
                inside.decrementAndGet();
            }
        }
    }

    /** Two threads each call {@code function} CALLS times, on an interpreter with this GIL and these calls. */
    public static Outcome run(Gil gil, Function<Gil, ExternalCalls> calls, NativeFunction function)
            throws InterruptedException {
        CountingFunction counting = new CountingFunction(function);
        Interpreter interpreter = Interpreter.builder(gil).calls(calls).natives(counting).build();
        Program program = Programs.nativeCalls(CALLS, WORK);
        Interpreter.Run run = interpreter.runThreads(List.of(program, program));
        return new Outcome(run.elapsed(), counting.most.get(), run.results());
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("GIL: SwitchingGil (exercise gil.lock); native calls: GilReleasingCalls"
                + " (exercise gil.release)");
        compare(() -> new SwitchingGil(SWITCH_INTERVAL), GilReleasingCalls::new);
    }

    /** The native loop declared as keeping the GIL, then as releasing it, with this GIL and these calls. */
    static void compare(Supplier<Gil> gil, Function<Gil, ExternalCalls> calls) throws InterruptedException {
        NativeFunction keeps = NativeFunction.holdingGil(NativeCallDemo::sumOfSquares);
        NativeFunction releases = NativeFunction.releasingGil(NativeCallDemo::sumOfSquares);
        run(gil.get(), calls, releases); // warm up the JIT
        Outcome holding = run(gil.get(), calls, keeps);
        Outcome releasing = run(gil.get(), calls, releases);
        System.out.printf("native loop that keeps the GIL:   %4.0f ms, at most %d call(s) at once%n",
                holding.elapsed().toNanos() / 1e6, holding.mostAtOnce());
        System.out.printf("native loop that releases it:     %4.0f ms, at most %d call(s) at once (%.2fx)%n",
                releasing.elapsed().toNanos() / 1e6, releasing.mostAtOnce(),
                (double) holding.elapsed().toNanos() / releasing.elapsed().toNanos());
    }
}
