package course.gil;

import course.gil.exercises.GilReleasingCalls;
import course.gil.exercises.SwitchingGil;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What NumPy does: a native function that touches no interpreter objects gives the GIL up while
 * it runs ({@code Py_BEGIN_ALLOW_THREADS}), so two threads calling it compute at the same time,
 * one per core. The same function declared as needing the GIL runs one call at a time.
 */
public final class NativeCallDemo {

    static final int CALLS = 20;
    static final long WORK = 3_000_000;

    /** How long the calls took, and how many native calls ran at once at most. */
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

    /** Two threads each call {@code function} CALLS times. */
    public static Outcome run(boolean releasesGil, NativeFunction.Body body) throws InterruptedException {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        NativeFunction.Body counted = argument -> {
            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
            try {
                return body.call(argument);
            } finally {
                inside.decrementAndGet();
            }
        };
        NativeFunction function = releasesGil ? NativeFunction.releasingGil(counted) : NativeFunction.holdingGil(counted);
        Interpreter interpreter = Interpreter.builder(new SwitchingGil(Duration.ofMillis(5)))
                .calls(GilReleasingCalls::new).natives(function).build();
        Program program = Programs.nativeCalls(CALLS, WORK);
        Interpreter.Run run = interpreter.runThreads(List.of(program, program));
        return new Outcome(run.elapsed(), most.get(), run.results());
    }

    public static void main(String[] args) throws InterruptedException {
        run(true, NativeCallDemo::sumOfSquares); // warm up the JIT
        Outcome holding = run(false, NativeCallDemo::sumOfSquares);
        Outcome releasing = run(true, NativeCallDemo::sumOfSquares);
        System.out.printf("native loop that keeps the GIL:   %4.0f ms, at most %d call(s) at once%n",
                holding.elapsed().toNanos() / 1e6, holding.mostAtOnce());
        System.out.printf("native loop that releases it:     %4.0f ms, at most %d call(s) at once (%.2fx)%n",
                releasing.elapsed().toNanos() / 1e6, releasing.mostAtOnce(),
                (double) holding.elapsed().toNanos() / releasing.elapsed().toNanos());
    }
}
