package course.race.exercises;

import course.kit.Watcher;
import course.kit.Workers;
import course.race.Counter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;

/**
 * The checks of exercise race.counter, for any {@link Counter} class: the learner's
 * {@code SafeCounter}, and the right and wrong answers in {@code CounterCheckIT}.
 *
 * <p>Lost updates are a natural race, so the check runs rounds of four threads until it sees
 * one or its time budget is spent. Two things make that reliable: more threads than cores
 * (a thread can be switched out between its read and its write even on one free core), and
 * telling the JIT not to inline {@code increment()}, so the test loop cannot be folded into one
 * big add (see {@link RaceJit}: the check sets it up itself, so an IDE's run is Maven's). A visible count is checked by a watcher that spins on
 * {@code get()} once the JIT has compiled it, as it would be in a long-running program.
 */
final class CounterCheck {

    static final int THREADS = 4;
    static final int INCREMENTS = 100_000;
    static final int MIN_ROUNDS = 5;
    static final Duration LOST_UPDATE_BUDGET = Duration.ofMillis(400);
    static final Duration CPU_BUDGET = Duration.ofMillis(600);
    static final Duration MAX_WALL = Duration.ofSeconds(4);
    private static final ThreadMXBean THREADS_MX = ManagementFactory.getThreadMXBean();
    static final Duration HANG_LIMIT = Duration.ofSeconds(6);
    static final Duration WATCH_PATIENCE = Duration.ofMillis(250);
    static final int WATCH_ATTEMPTS = 3;

    private CounterCheck() {
    }

    /** All checks, in the order a learner meets them. */
    static void all(Class<? extends Counter> answer) {
        countsAlone(answer);
        noLostUpdates(answer);
        watcherSeesIncrements(answer);
    }

    /** One thread: the counter counts at all. */
    static void countsAlone(Class<? extends Counter> answer) {
        Counter counter = create(answer);
        if (counter.get() != 0) {
            throw new AssertionError("a new counter reads " + counter.get() + ", not 0");
        }
        for (int i = 0; i < 1000; i++) {
            counter.increment();
        }
        if (counter.get() != 1000) {
            throw new AssertionError("one thread incremented 1,000 times and get() says " + counter.get());
        }
    }

    // tag::lost-updates[]
    /**
     * Rounds of THREADS threads x INCREMENTS increments until an update is lost, or until the budget
     * is spent: at least MIN_ROUNDS rounds, LOST_UPDATE_BUDGET of wall time and CPU_BUDGET of the
     * incrementers' CPU time (so a busy machine, which gives them little CPU, gets more rounds).
     */
    static void noLostUpdates(Class<? extends Counter> answer) {
        long start = System.nanoTime();
        long cpuUsed = 0;
        for (int round = 1; !budgetSpent(round, start, cpuUsed); round++) {
            Counter counter = create(answer);
            List<Long> cpu;
            try (Workers workers = Workers.named("incrementer")) {
                cpu = workers.runTogether(THREADS, HANG_LIMIT, i -> {
                    long before = THREADS_MX.getCurrentThreadCpuTime();
                    for (int n = 0; n < INCREMENTS; n++) {
                        counter.increment();
                    }
                    return THREADS_MX.getCurrentThreadCpuTime() - before;
                });
            }
            cpuUsed += cpu.stream().mapToLong(Long::longValue).sum();
            long expected = (long) THREADS * INCREMENTS;
            long counted = counter.get(); // after the threads ended: join() makes their writes visible
            if (counted != expected) {
                throw new AssertionError(String.format(
                        "lost %,d of %,d increments (%d threads x %,d, round %d): count++ reads, adds and writes"
                                + " in three steps, and two threads that read the same value both write value + 1",
                        expected - counted, expected, THREADS, INCREMENTS, round));
            }
        }
    }

    private static boolean budgetSpent(int round, long startNanos, long cpuUsedNanos) {
        long wall = System.nanoTime() - startNanos;
        if (wall > MAX_WALL.toNanos()) {
            return true;
        }
        return round > MIN_ROUNDS && wall >= LOST_UPDATE_BUDGET.toNanos() && cpuUsedNanos >= CPU_BUDGET.toNanos();
    }
    // end::lost-updates[]

    // tag::watcher[]
    /** A thread that spins until get() reaches 1 must see the increment another thread made. */
    static void watcherSeesIncrements(Class<? extends Counter> answer) {
        boolean seen = Watcher.seesEveryTime(WATCH_ATTEMPTS, () -> {
            Counter counter = create(answer);
            return new Watcher.Experiment() {
                public boolean spin(long deadlineNanos) {
                    return watch(counter, deadlineNanos);
                }

                public void act() {
                    counter.increment();
                }
            };
        }, "watch", WATCH_PATIENCE);
        if (!seen) {
            throw new AssertionError("a thread spinning until get() reached 1 never saw it ("
                    + WATCH_PATIENCE.toMillis() + " ms after increment() returned): get() reads the count with"
                    + " nothing (no lock, no volatile, no atomic) that makes another thread's write visible,"
                    + " so the compiled loop read it once and never again");
        }
    }

    /** Spins until the counter reads at least 1; false if the deadline passes first. */
    private static boolean watch(Counter counter, long deadlineNanos) {
        while (counter.get() < 1) {
            if (System.nanoTime() > deadlineNanos) {
                return false;
            }
        }
        return true;
    }
    // end::watcher[]

    private static Counter create(Class<? extends Counter> answer) {
        RaceJit.require();
        try {
            return answer.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create a " + answer.getSimpleName(), e);
        }
    }
}
