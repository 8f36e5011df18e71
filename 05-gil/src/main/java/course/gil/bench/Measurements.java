package course.gil.bench;

import course.gil.BiasedRefCount;
import course.gil.ExternalCalls;
import course.gil.Gil;
import course.gil.HeapReport;
import course.gil.HoldingCalls;
import course.gil.Interpreter;
import course.gil.IoDevice;
import course.gil.NativeFunction;
import course.gil.NoGil;
import course.gil.PlainRefCount;
import course.gil.Program;
import course.gil.Programs;
import course.gil.RefCount;
import course.gil.exercises.AtomicRefCount;
import course.gil.exercises.GilReleasingCalls;
import course.gil.exercises.SwitchingGil;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The measurements themselves, each run in a JVM of its own by {@link GilBenchmark}. Each one
 * checks that the work was really done (every program returned, the heap checker found nothing
 * wrong, every object made was freed) before its time counts: a fast run that did not do the
 * work is a broken run, not a speed-up.
 */
final class Measurements {

    static final Duration SWITCH_INTERVAL = Duration.ofMillis(5); // CPython's default
    static final int TASKS = 4;              // the article: the same CPU-bound task, four times
    static final long COUNT = 3_000_000;     // one task: count down from this
    static final int WARMUP_ROUNDS = 1;   // in each JVM, before the measured run
    static final int ROUNDS = 7;          // rounds of all configurations, interleaved

    private Measurements() {
    }

    /** A build of the interpreter: its GIL and its reference counts. */
    enum Build {
        GIL("GIL build (plain counts)", () -> new SwitchingGil(SWITCH_INTERVAL), PlainRefCount::new, false),
        FREE_THREADED("free-threaded (atomic counts)", NoGil::new, AtomicRefCount::new, false),
        FREE_THREADED_BIASED("free-threaded (biased counts)", NoGil::new, BiasedRefCount::new, false),
        FREE_THREADED_SHARED("free-threaded, one object shared by all threads", NoGil::new, AtomicRefCount::new, true);

        final String label;
        final Supplier<Gil> gil;
        final Supplier<RefCount> counts;
        final boolean sharedObject;

        Build(String label, Supplier<Gil> gil, Supplier<RefCount> counts, boolean sharedObject) {
            this.label = label;
            this.gil = gil;
            this.counts = counts;
            this.sharedObject = sharedObject;
        }
    }

    /** One measured run: elapsed time, CPU time of the interpreter threads, cores kept busy. */
    record Sample(double millis, double cpuMillis, double coresBusy) {
    }

    /**
     * One measured configuration: the median and the best time of the measured rounds, and the
     * medians of the cores kept busy (CPU time of the interpreter threads over elapsed time) and
     * of the CPU time itself (the work done, which the machine's load hardly changes), and the most
     * cores kept busy in any one run (under a GIL, never more than one).
     */
    record Result(String what, int threads, double medianMillis, double bestMillis, double coresBusy,
                  double cpuMillis, double mostCoresBusy) {
    }

    // tag::cpu-bound[]
    /** TASKS countdowns of COUNT, shared out among {@code threads} interpreter threads: warm up, then measure once. */
    static Sample cpuBound(Build build, int threads) throws InterruptedException {
        Sample sample = null;
        for (int round = 0; round <= WARMUP_ROUNDS; round++) {
            Interpreter interpreter = Interpreter.builder(build.gil.get()).counts(build.counts).build();
            List<Program> programs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                programs.add(build.sharedObject
                        ? Programs.countdown(TASKS / threads, COUNT, 0)
                        : Programs.countdownOwnObject(TASKS / threads, COUNT, t)); // each thread its own object
            }
            if (build.sharedObject) {
                interpreter.share(0);
            }
            Interpreter.Run run = interpreter.runThreads(programs);
            requireWorkDone(run, threads, build.sharedObject ? 1 : threads, build.sharedObject ? 0 : threads);
            sample = new Sample(run.elapsed().toNanos() / 1e6, run.cpu().toNanos() / 1e6, run.coresBusy());
        }
        return sample; // the last run, after the warm-up
    }
    // end::cpu-bound[]

    /** The article's IO-bound program: 4 requests of 50 ms, shared out among {@code threads} threads. */
    static Result ioBound(String label, Function<Gil, ExternalCalls> calls, int threads) throws InterruptedException {
        List<Double> times = new ArrayList<>();
        List<Double> busy = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        for (int round = 0; round < 1 + ROUNDS; round++) {
            Interpreter interpreter = Interpreter.builder(new SwitchingGil(SWITCH_INTERVAL)).calls(calls)
                    .device(IoDevice.sleeping()).build();
            Interpreter.Run run = interpreter.runThreads(
                    Collections.nCopies(threads, Programs.requests(TASKS / threads, 50)));
            requireWorkDone(run, threads, 0, 0);
            if (round >= 1) {
                times.add(run.elapsed().toNanos() / 1e6);
                busy.add(run.coresBusy());
                cpu.add(run.cpu().toNanos() / 1e6);
            }
        }
        return result(label, threads, times, busy, cpu);
    }

    // tag::convoy[]
    /**
     * The convoy effect: an IO-bound thread makes {@code requests} quick IO calls (0.1 ms each)
     * while a CPU-bound thread runs. After each call it must get the GIL back from the CPU-bound
     * thread, which lets go only when asked, one switch interval later. Returns the IO thread's
     * average time per request, in milliseconds.
     */
    static double convoy(Duration switchInterval, int requests, boolean withCpuThread) throws InterruptedException {
        AtomicBoolean ioDone = new AtomicBoolean();
        AtomicLong ioFinishedAt = new AtomicLong();
        NativeFunction keepGoing = NativeFunction.holdingGil(argument -> ioDone.get() ? 0 : 1);
        NativeFunction finished = NativeFunction.holdingGil(argument -> {
            ioFinishedAt.set(System.nanoTime());
            ioDone.set(true);
            return 0;
        });
        IoDevice quick = request -> {
            LockSupport.parkNanos(100_000); // data arrives in a tenth of a millisecond
            return request;
        };
        Interpreter interpreter = Interpreter.builder(new SwitchingGil(switchInterval))
                .calls(GilReleasingCalls::new).device(quick).natives(keepGoing, finished).build();
        interpreter.share(0);
        Program io = Program.builder().function("main", 0, 1)
                .push(requests).store(0)
                .label("next")
                .push(0).io().pop()
                .load(0).push(-1).add().store(0)
                .push(0).load(0).less().jumpIfTrue("next")
                .push(0).callNative(1)                    // tell the CPU-bound thread to stop
                .ret().build();
        Program cpu = Program.builder().function("main", 0, 0)
                .label("again")
                .push(10_000).call("countdown").pop()
                .push(0).callNative(0).jumpIfTrue("again") // until the IO thread is done
                .push(0).ret()
                .function("countdown", 1, 1)
                .label("loop").read(0).load(0).push(-1).add().store(0).push(0).load(0).less().jumpIfTrue("loop")
                .push(0).ret()
                .build();
        long start = System.nanoTime();
        Interpreter.Run run = interpreter.runThreads(withCpuThread ? List.of(cpu, io) : List.of(io));
        requireWorkDone(run, withCpuThread ? 2 : 1, 1, 0);
        return (ioFinishedAt.get() - start) / 1e6 / requests;
    }
    // end::convoy[]

    /** Fails loudly unless every thread returned and the checker found the heap as it should be. */
    private static void requireWorkDone(Interpreter.Run run, int threads, long created, long freed) {
        HeapReport heap = run.heap();
        if (run.results().size() != threads || !heap.healthy() || heap.created() != created || heap.freed() != freed) {
            throw new IllegalStateException("the work was not done: " + run.results().size() + " of " + threads
                    + " threads returned; " + heap.summary() + " (expected " + created + " objects made and "
                    + freed + " freed). Is this the starter? Run the benchmark with -Psolution.");
        }
    }

    /** The figures of one configuration over several samples. */
    static Result result(String what, int threads, List<Sample> samples) {
        return result(what, threads, samples.stream().map(Sample::millis).toList(),
                samples.stream().map(Sample::coresBusy).toList(), samples.stream().map(Sample::cpuMillis).toList());
    }

    private static Result result(String what, int threads, List<Double> times, List<Double> busy,
                                 List<Double> cpu) {
        return new Result(what, threads, median(times), Collections.min(times), median(busy), median(cpu),
                Collections.max(busy));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
