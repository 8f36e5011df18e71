package course.race.exercises;

import course.kit.Interleavings;
import course.kit.Watcher;
import course.race.Counter;
import java.lang.reflect.Constructor;
import java.time.Duration;
import java.util.List;
import org.jetbrains.lincheck.datastructures.Operation;

/**
 * The checks of exercise race.counter, for any {@link Counter} class: the learner's
 * {@code SafeCounter}, and the right and wrong answers in {@code CounterCheckIT}.
 *
 * <p>Lost updates are found by exploring: a model checker ({@link Interleavings}) runs two
 * increments in every interleaving it can make of their reads, writes and lock operations and
 * compares the count with what the increments give one at a time, so no lucky timing lets a
 * race through and no unlucky one is needed to show it. That the count is visible to a thread
 * that watches it is a matter for the JIT, which no model checker imitates: a watcher spins on
 * {@code get()} once the JIT has compiled it, as it would in a long-running program (see
 * {@link RaceJit}: the check sets its JIT conditions itself, so an IDE's run is Maven's).
 */
final class CounterCheck {

    static final Duration WATCH_PATIENCE = Duration.ofMillis(250);
    static final int WATCH_ATTEMPTS = 3;

    private CounterCheck() {
    }

    /** All checks, in the order a learner meets them. */
    static void all(Class<? extends Counter> answer) {
        countsAlone(answer);
        noLostUpdates(answer);
        noIncrementLostToAStall(answer);
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
     * Increments made at once, in every interleaving the model checker can make of them: the
     * count must be what the same increments give one at a time.
     */
    static void noLostUpdates(Class<? extends Counter> answer) {
        Interleavings.of(Increments.class, OneAtATime.class, answer)
                .atMost(300)
                .together(List.of("increment", "increment"), "get")
                .scenario(List.of(), List.of(List.of("increment", "increment"), List.of("increment", "get")), List.of("get"))
                .check("increments made at once on a new counter must all count, and a get() after a thread's"
                        + " own increment must include it");
    }

    /** The calls the model checker makes, on a fresh counter of the answer's class. */
    public static final class Increments {
        private final Counter counter = construct(Interleavings.answer(Counter.class));

        @Operation
        public void increment() {
            counter.increment();
        }

        @Operation
        public long get() {
            return counter.get();
        }
    }

    /** What the same calls do one at a time. */
    public static final class OneAtATime {
        private long count;

        public void increment() {
            count++;
        }

        public long get() {
            return count;
        }
    }
    // end::lost-updates[]

    static final Duration STALL = Duration.ofMillis(200);
    static final Duration HANG_LIMIT = Duration.ofSeconds(2);

    // tag::stall[]
    /**
     * A thread stopped anywhere inside increment() (preempted, paused by the GC) while others
     * increment, one after another: afterwards every increment must count. Tried at each shared
     * access increment() makes, in turn ({@link StallProbe}). A lock makes the others wait; an
     * atomic step has nothing to wait for; a wait that gives up after a while (a spin with a limit,
     * a timed tryLock) either drops an increment or makes it beside the stopped one; and a counter
     * that keeps only some threads apart (a cell or a lock per thread id, modulo a few) lets in a
     * thread it shares with the stopped one.
     */
    static void noIncrementLostToAStall(Class<? extends Counter> answer) {
        RaceJit.require();
        for (int point = 1; ; point++) {
            StallProbe.Outcome outcome = StallProbe.stallAt(answer, point, STALL, HANG_LIMIT);
            if (!outcome.reached()) {
                return;
            }
            if (outcome.count() != outcome.increments()) {
                int others = outcome.increments() - 1;
                throw new AssertionError("one thread stopped inside increment() (after its access number " + point
                        + " to the counter) for up to " + STALL.toMillis() + " ms while " + others + " other"
                        + (others == 1 ? " thread" : " threads, one after another,") + " incremented; then all"
                        + " finished, and get() said " + outcome.count() + ", not " + outcome.increments() + ". "
                        + (outcome.othersEndedDuringStall()
                                ? "The other increments returned while the first was still inside: they did not"
                                        + " wait for it (a spin with a limit, or a timed tryLock, gives up, and then"
                                        + " drops its increment or makes it beside the stopped one; a cell or a lock"
                                        + " chosen by thread id is shared by some thread with the stopped one)"
                                : "The others waited, yet an increment was lost"));
            }
        }
    }
    // end::stall[]

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
        return construct(answer);
    }

    private static Counter construct(Class<? extends Counter> answer) {
        try {
            Constructor<? extends Counter> constructor = answer.getDeclaredConstructor();
            constructor.setAccessible(true); // the model may be in another class loader than the answer
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create a " + answer.getSimpleName(), e);
        }
    }
}
