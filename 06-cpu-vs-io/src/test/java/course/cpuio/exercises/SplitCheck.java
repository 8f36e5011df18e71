package course.cpuio.exercises;

import course.cpuio.Primes;
import course.cpuio.RangeWork;
import course.cpuio.SplitJob;
import course.kit.Workers;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The checks of exercise cpuio.split, for any {@link SplitJob} class with a no-argument
 * constructor. None of them measures a speed-up (on a shared machine it may be 1x on any given
 * run); they check what a correct split must do on every run, with work that watches how it is
 * called: {@link HeldWork} holds the parts until one per core runs at once, {@link LastPartHeld}
 * holds the last part until the caller is seen waiting for it, and {@link Turns} makes two parts
 * take turns at every access to shared memory of an {@link Instrumented} copy of the answer.
 */
final class SplitCheck {

    static final Duration HANG_LIMIT = Duration.ofSeconds(6);
    static final long PRIMES_BELOW_200_000 = 17_984;

    private SplitCheck() {
    }

    /** All checks; the ones that force a particular mistake come first, so each is named for what it is. */
    static void all(Class<? extends SplitJob> answer) {
        runsOnePartPerCore(answer);
        waitsForEveryPart(answer);
        sharesNoTotalUnsafely(answer);
        failsWhenAPartFails(answer);
        coversTheRangeOnce(answer);
        leavesNoThreads(answer);
        returnsNoPartialSumWhenInterrupted(answer);
        countsPrimes(answer);
    }

    /** The real work: the primes below 200,000. */
    static void countsPrimes(Class<? extends SplitJob> answer) {
        long count = run(answer, 0, 200_000, Primes::countIn);
        if (count != PRIMES_BELOW_200_000) {
            throw new AssertionError("run(0, 200000, Primes::countIn) returned " + count + ", but there are "
                    + PRIMES_BELOW_200_000 + " primes below 200,000");
        }
    }

    /**
     * Ranges of every kind: empty, one number, fewer numbers than cores, a remainder after the
     * division, a trillion numbers (more than an int can count), negative numbers, ranges that
     * end at Long.MAX_VALUE or begin at Long.MIN_VALUE. For each: every number in exactly one
     * part, no part outside the range, at least one part per core, and the parts' results
     * (which need a long, and may be negative) added up; one sum is odd and near 10^18.
     */
    static void coversTheRangeOnce(Class<? extends SplitJob> answer) {
        int cores = Runtime.getRuntime().availableProcessors();
        java.util.Random random = new java.util.Random();
        long trillion = 1_000_000_000_000L;
        long[][] ranges = {
                {3, 1_000_003}, {10, 13}, {5, 5}, {7, 8}, {0, cores - 1L}, {0, cores}, {-5, cores * 7L + 3},
                {-2 * trillion, 0}, {-trillion / 2, trillion / 2 + 1}, {0, trillion + random.nextInt(1_000)},
                {Long.MAX_VALUE - 1_000_003, Long.MAX_VALUE}, {Long.MIN_VALUE, Long.MIN_VALUE + 1_000_003},
                {Long.MAX_VALUE - trillion, Long.MAX_VALUE}};
        for (long[] range : ranges) {
            long weight = List.of(1L, -1L, 3L, -7L, 1_000_003L).get(random.nextInt(5));
            coversOnce(answer, range[0], range[1], weight, cores);
        }
        // A sum near 10^18, and odd: a long holds it; an int cannot, nor can a double (every double above 2^53 is even).
        coversOnce(answer, 0, trillion + 2L * random.nextInt(500) + 1, 1_000_003L, cores);
    }

    /** One range, its work weighing each number {@code weight}: every number in exactly one part, and the sum. */
    private static void coversOnce(Class<? extends SplitJob> answer, long from, long to, long weight, int cores) {
        ConcurrentLinkedQueue<long[]> parts = new ConcurrentLinkedQueue<>();
        long result = run(answer, from, to, (a, b) -> {
            parts.add(new long[] {a, b});
            return (b - a) * weight;
        });
        String what = "run(" + from + ", " + to + ", work)";
        List<long[]> sorted = new ArrayList<>(parts);
        for (long[] part : sorted) {
            if (part[0] > part[1] || part[0] < from || part[1] > to) {
                throw new AssertionError(what + " called the work on [" + part[0] + ", " + part[1]
                        + "), which is not a part of [" + from + ", " + to + ")" + (part[0] > part[1]
                        ? ": it ends before it begins" : "") + ". Compute each part's ends so they stay within"
                        + " the range, with long arithmetic that cannot overflow (beware (from + to) / 2 near"
                        + " Long.MAX_VALUE, and int or double arithmetic on a range of a trillion)" + describe(sorted));
            }
        }
        sorted.removeIf(p -> p[0] == p[1]);
        sorted.sort(Comparator.comparingLong(p -> p[0]));
        long next = from;
        for (long[] part : sorted) {
            if (part[0] != next) {
                throw new AssertionError(what + ": " + (part[0] > next
                        ? "no part covers the numbers from " + next + " to " + part[0]
                        : "the number " + part[0] + " is in two parts") + describe(sorted));
            }
            next = part[1];
        }
        if (next != to) {
            throw new AssertionError(what + ": no part covers the numbers from " + next + " up to " + to
                    + " (the last part must end at `to`, whatever is left over by the division)" + describe(sorted));
        }
        if (to - from >= cores && sorted.size() < cores) {
            throw new AssertionError(what + " made " + sorted.size() + " part(s) on a machine with " + cores
                    + " cores: split into at least one part per core, or some cores get nothing to do");
        }
        long expected = (to - from) * weight;
        if (result != expected) {
            throw new AssertionError(what + " returned " + result + ", but the parts it ran returned " + expected
                    + " between them (each part returned " + weight + " for each of its numbers): "
                    + (Math.abs(expected) > Integer.MAX_VALUE && result == (int) expected
                    ? "the sum was kept in an int, which cannot hold it. Add up in a long"
                    : Math.abs(expected) > 1L << 53 && Math.abs(result - expected) <= Math.abs(expected) >> 40
                    ? "the sum was kept in a double, which cannot hold every long above 2^53. Add up in a long"
                    : "results were lost, or not waited for"));
        }
    }

    // tag::one-part-per-core[]
    /** One part per core runs at once, never more; and the results still add up. */
    static void runsOnePartPerCore(Class<? extends SplitJob> answer) {
        int cores = Runtime.getRuntime().availableProcessors();
        HeldWork work = new HeldWork(0, 64_000, cores);
        long result = run(answer, 0, 64_000, work);
        int stillRunning = work.insideNow();
        if (stillRunning > 0) {
            throw new AssertionError("run returned " + result + " while " + stillRunning + " part(s) were still"
                    + " running: it added up the results without waiting for every part to finish");
        }
        if (work.startsAnotherWithin(Duration.ofMillis(300))) {
            throw new AssertionError("run returned " + result + " before every part had even started: it added up"
                    + " the results without waiting for every part to finish");
        }
        if (work.peak() > cores) {
            throw new AssertionError(work.peak() + " parts ran at the same time on a machine with " + cores
                    + " cores: the pool must have one thread per core (more threads than cores only take"
                    + " turns on the same cores, and cost memory and switches)");
        }
        BusyMachine.skipIfTooBusy(work.peak() < cores && work.threadsUsed() >= cores, "the answer ran its parts on "
                + work.threadsUsed() + " threads, but never " + cores + " at once within a second");
        if (work.threadsUsed() > cores) {
            throw new AssertionError("the parts ran on " + work.threadsUsed() + " different threads on a machine with "
                    + cores + " cores (at most " + work.peak() + " at once): the pool must have exactly one thread per"
                    + " core, not a thread per part held back by a limit (a cached pool, a thread per part behind a"
                    + " semaphore): each of those threads costs its stack and its start");
        }
        if (work.peak() < cores) {
            throw new AssertionError("at most " + work.peak() + " part(s) ran at the same time on a machine with "
                    + cores + " cores: the parts must run on a pool with one thread per core, all at once");
        }
        if (result > 64_000) {
            throw new AssertionError("run returned " + result + ", more than the 64000 its parts can add up to:"
                    + " some numbers were counted twice (do two parts overlap on their ends?)");
        }
        if (result < 64_000) {
            returnsOnlyAfterTheLastPart(answer); // was the sum made too early? (a timing this run cannot tell)
            throw new AssertionError("the parts' results add up to 64000, but run returned " + result
                    + ": results were lost. Either the parts added into one shared total, or into a collection"
                    + " that is not thread-safe (parts that ran at the same time each read it, added their own"
                    + " result and wrote it back: a lost update), or run added the results up before every part"
                    + " had finished. Let each part return its result (a Future) and add them up in one thread,"
                    + " after get() has waited for each");
        }
    }
    // end::one-part-per-core[]

    /**
     * Two parts take turns at every access to shared memory (a field, an array element, an atomic)
     * in a copy of the answer, and are held at every change of a {@code java.util} collection
     * until the other arrives or cannot: a total that both update with {@code +=}, wherever the
     * {@code +=} is, loses one of their results on every run; a HashMap or ArrayList that both
     * change without a lock is seen being changed by both at once.
     */
    static void sharesNoTotalUnsafely(Class<? extends SplitJob> answer) {
        if (Runtime.getRuntime().availableProcessors() < 2) {
            return; // a pool of one thread runs one part at a time: there is nothing to force
        }
        // tag::shared-total[]
        Class<? extends SplitJob> copy = Instrumented.copyOf(answer, SplitJob.class); // rewritten: see Instrumented
        long result;
        String race;
        boolean stillAtWork;
        try (Turns turns = Turns.begin()) {
            result = runSeeingRaces(copy, turns); // the first two threads to call the work take turns
            long atReturn = turns.progress();
            stillAtWork = turns.progressOnceStill(500) > atReturn;
            race = turns.race();                  // two parts changing one HashMap at once?
        }
        // end::shared-total[]
        if (stillAtWork && result != 64_000) {
            throw new AssertionError("run returned " + result + " while its parts were still at work (they went on"
                    + " after it had returned): it added up the results without waiting for every part to finish."
                    + " Wait for each part (Future.get) before you use its result");
        }
        if (race != null) {
            throw new AssertionError(race + " (the test held the first at the call until the second arrived):"
                    + " the parts shared a collection that is not thread-safe, with no lock between them. Two"
                    + " changes at once can lose one of them or break the collection; on another run the sum"
                    + " comes out short. Let each part return its result (a Future) and add them up in one"
                    + " thread; or, if the parts must share, share something thread-safe");
        }
        if (result != 64_000) {
            returnsOnlyAfterTheLastPart(answer); // was the sum made too early? (this run cannot always tell)
            throw new AssertionError("run returned " + result + ", but its parts' results add up to 64000: results"
                    + " were lost. Either run added up before every part had finished, or the parts added into one"
                    + " shared total: the test made two parts take turns at every access to shared memory, so two"
                    + " parts that add into one total both read it before either writes it back, and the second"
                    + " write undoes the first (a lost update). `total += r` is a read, an add and a write, not one"
                    + " step, wherever it is (before or after the work, on a field, an array, a static or a volatile)."
                    + " Let each part return its result (a Future) and add the results up in one thread, after get()"
                    + " has waited for each");
        }
    }

    /** run with turns; if it throws after two parts were seen changing one collection at once, that is the news. */
    private static long runSeeingRaces(Class<? extends SplitJob> copy, Turns turns) {
        try {
            return run(copy, 0, 64_000, turns.work((a, b) -> b - a));
        } catch (AssertionError e) {
            if (turns.race() != null) {
                throw new AssertionError(turns.race() + " (the test held the first at the call until the second"
                        + " arrived), and then run threw " + rootCause(e.getCause()) + ": the parts shared a collection"
                        + " that is not thread-safe, with no lock between them, and two changes at once broke it. Let"
                        + " each part return its result (a Future) and add them up in one thread", e);
            }
            throw e;
        }
    }

    /** run returns only after the last part has finished, and counts it. */
    static void waitsForEveryPart(Class<? extends SplitJob> answer) {
        long result = returnsOnlyAfterTheLastPart(answer);
        if (result != 10_000) {
            throw new AssertionError("run returned " + result + " instead of 10000 when the last part finished"
                    + " last: results were lost. Either run added up before every part had finished (wait for"
                    + " each: Future.get), or parts added into one shared total, or a collection that is not"
                    + " thread-safe, at the same time (a lost update)");
        }
    }

    /** Holds the last part back until run has returned (or a while has passed); fails if run returned first. */
    private static long returnsOnlyAfterTheLastPart(Class<? extends SplitJob> answer) {
        AtomicBoolean returned = new AtomicBoolean();
        List<Thread> caller = new ArrayList<>();
        LastPartHeld work = new LastPartHeld(0, 10_000, returned, caller);
        long result;
        try (Workers workers = Workers.named("split")) {
            result = workers.runTogether(1, HANG_LIMIT, i -> {
                synchronized (caller) {
                    caller.add(Thread.currentThread());
                }
                try {
                    return create(answer).run(0, 10_000, work);
                } finally {
                    returned.set(true);
                }
            }).getFirst();
        }
        if (work.returnedWhileHeld()) {
            throw new AssertionError("run returned " + result + " while a part was still running (the last part"
                    + " was held back by the test): the results were added up without waiting for every part"
                    + " to finish. Wait for each part (Future.get) before you use its result");
        }
        return result;
    }

    /** An Error a part throws: a failure that {@code catch (Exception e)} does not see. */
    static final class PartError extends Error {
        private static final long serialVersionUID = 1L;

        PartError(String message) {
            super(message);
        }
    }

    /**
     * A part that throws makes run throw the part's own exception, as it is or as the cause (the
     * cause's cause...) of what run throws: the part holding the first number, the last number,
     * or one in the middle; an exception or an Error.
     */
    static void failsWhenAPartFails(Class<? extends SplitJob> answer) {
        long from = 0;
        long to = 100_000;
        java.util.Random random = new java.util.Random();
        long[] broken = {from, to - 1, 1 + random.nextInt(99_998)};
        for (int k = 0; k < broken.length; k++) {
            long number = broken[k];
            Throwable planted = k == 1 ? new PartError("the part holding " + number + " failed on purpose (an Error)")
                    : new IllegalStateException("the part holding " + number + " failed on purpose");
            failsWith(answer, from, to, number, planted);
        }
    }

    private static void failsWith(Class<? extends SplitJob> answer, long from, long to, long broken, Throwable planted) {
        AtomicBoolean thrownOnce = new AtomicBoolean();
        RangeWork work = (a, b) -> {
            if (a <= broken && broken < b && thrownOnce.compareAndSet(false, true)) {
                if (planted instanceof Error error) {
                    throw error;
                }
                throw (RuntimeException) planted;
            }
            return b - a;
        };
        Throwable thrown = null;
        long result = 0;
        try (Workers workers = Workers.named("split")) {
            result = workers.runTogether(1, HANG_LIMIT, i -> create(answer).run(from, to, work)).getFirst();
        } catch (AssertionError e) {
            if (e.getCause() == null) {
                throw e; // stuck, not thrown
            }
            thrown = e.getCause();
        }
        String what = "the work threw " + planted.getClass().getSimpleName() + "(\"" + planted.getMessage() + "\")"
                + " on the part holding " + broken;
        if (thrown == null) {
            throw new AssertionError(what + ", yet run returned " + result + " as if all was well: a failed part was"
                    + " swallowed, and the sum is wrong. Let the failure out: Future.get throws it, wrapped in an"
                    + " ExecutionException" + (planted instanceof Error ? " (an Error too: catch (Exception e) does"
                    + " not see it)" : ""));
        }
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t == planted) {
                return;
            }
        }
        throw new AssertionError(what + ", and run threw " + thrown + ", which does not carry the part's exception"
                + " (neither as it is, nor as its cause): whoever reads the failure cannot tell what went wrong. Throw"
                + " the ExecutionException that Future.get gives, or one with the part's exception as its cause");
    }

    /**
     * How long the one slow part of a failed run works: run throws long before, unless it waits
     * for that part (as it must). A right answer pays this time once.
     */
    static final Duration SLOW_PART = Duration.ofSeconds(1);

    /**
     * No thread of the pool stays behind, after a run that worked and after one that failed. In
     * the failed run the part holding 0 fails at once while another part is still at work (for
     * {@link #SLOW_PART}, unless interrupted): shutdown() alone lets run throw while that part's
     * thread works on; run must wait for it (close()), or stop it (shutdownNow()) and wait. So when
     * run has thrown, the slow part must have ended.
     */
    static void leavesNoThreads(Class<? extends SplitJob> answer) {
        NewThreads threads = NewThreads.snapshot();
        run(answer, 0, 50_000, Primes::countIn);
        threads.expectAllEnded(Duration.ofSeconds(1), "after run returned, threads it started still run: shut"
                + " the pool down (close() it, or shutdown() it) before returning");
        AtomicBoolean slowOneTaken = new AtomicBoolean();
        AtomicReference<Thread> slowOneThread = new AtomicReference<>();
        AtomicBoolean slowOneInterrupted = new AtomicBoolean();
        CountDownLatch slowOneEnded = new CountDownLatch(1);
        try (Workers workers = Workers.named("split")) {
            workers.runTogether(1, HANG_LIMIT, i -> create(answer).run(0, 1_000, (a, b) -> {
                if (a <= 0 && 0 < b) {
                    throw new IllegalStateException("failed on purpose");
                }
                if (slowOneTaken.compareAndSet(false, true)) {
                    slowOneThread.set(Thread.currentThread());
                    slowOneInterrupted.set(workUntilInterrupted(SLOW_PART));
                    slowOneEnded.countDown();
                }
                return b - a;
            }));
        } catch (AssertionError expected) {
            // the failure itself is checked elsewhere; here only the threads count
        }
        boolean endedBeforeRunThrew = slowOneEnded.getCount() == 0;
        String leftBehind = "after run failed (a part threw while another was still at work, for "
                + SLOW_PART.toMillis() + " ms), threads it started still run: shut the pool down on every path out of"
                + " run, and wait for it: shutdown() alone does not wait for a part at work, and its thread stays"
                + " behind. close() the pool (try-with-resources), or shutdownNow() it and awaitTermination()";
        if (slowOneTaken.get() && !inTheCommonPool(slowOneThread.get()) && !endedBeforeRunThrew
                && !stoppedEarly(slowOneEnded, slowOneInterrupted)) {
            throw new AssertionError(leftBehind); // it worked on after run threw, to its end: nobody waited or stopped it
        }
        threads.expectAllEnded(Duration.ofSeconds(1), leftBehind);
    }

    /**
     * Is {@code thread} one of the JVM's common pool (a parallel stream's)? Its parts are not run's
     * to wait for or stop: the pool outlives every caller, and its threads are nobody's to shut down.
     */
    private static boolean inTheCommonPool(Thread thread) {
        return thread instanceof ForkJoinWorkerThread worker && worker.getPool() == ForkJoinPool.commonPool();
    }

    /** A part that works for {@code time}, or until its thread is interrupted; true if it was. */
    private static boolean workUntilInterrupted(Duration time) {
        try {
            Thread.sleep(time);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** Waits for the slow part to end; true if it ended because it was interrupted (shutdownNow()). */
    private static boolean stoppedEarly(CountDownLatch ended, AtomicBoolean interrupted) {
        try {
            ended.await(SLOW_PART.toMillis() + HANG_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return interrupted.get();
    }

    static long run(Class<? extends SplitJob> answer, long from, long to, RangeWork work) {
        try (Workers workers = Workers.named("split")) {
            return workers.runTogether(1, HANG_LIMIT, i -> create(answer).run(from, to, work)).getFirst();
        } catch (AssertionError e) {
            String broken = brokenCollection(e.getCause());
            if (broken != null) {
                throw new AssertionError("run threw " + rootCause(e.getCause()) + " from inside " + broken + ": its"
                        + " parts changed one " + broken.substring(0, broken.indexOf('.')) + ", which is not"
                        + " thread-safe, at the same time, with no lock between them, and two changes at once broke it."
                        + " Let each part return its result (a Future) and add them up in one thread", e);
            }
            throw e;
        }
    }

    /** Collections of java.util that break when two threads change them at once. */
    private static final List<String> NOT_THREAD_SAFE = List.of("ArrayList", "LinkedList", "HashMap", "HashSet",
            "LinkedHashMap", "LinkedHashSet", "TreeMap", "TreeSet", "ArrayDeque", "PriorityQueue", "IdentityHashMap",
            "WeakHashMap");

    /**
     * The method of a not thread-safe java.util collection ({@code "ArrayList.add"}) inside which
     * the root cause of {@code thrown} was thrown, or null: an ArrayIndexOutOfBoundsException from
     * two adds at once, say.
     */
    static String brokenCollection(Throwable thrown) {
        Throwable root = rootCause(thrown);
        if (root == null) {
            return null;
        }
        String found = null;
        for (StackTraceElement frame : root.getStackTrace()) {
            String type = frame.getClassName();
            if (!type.startsWith("java.") && !type.startsWith("jdk.")) {
                break; // past the JDK's frames, into the answer's
            }
            String name = type.startsWith("java.util.") ? type.substring("java.util.".length()) : "";
            String outer = name.contains("$") ? name.substring(0, name.indexOf('$')) : name;
            if (NOT_THREAD_SAFE.contains(outer)) {
                found = outer + "." + frame.getMethodName();
            }
        }
        return found;
    }

    private static Throwable rootCause(Throwable thrown) {
        Throwable root = thrown;
        while (root != null && root.getCause() != null) {
            root = root.getCause();
        }
        return root;
    }

    /**
     * The thread that called run is interrupted while run waits for its parts (held until then):
     * run may let the InterruptedException out, or wait on for every part and return the whole
     * sum; it must not return what it had added up so far as if that were the sum.
     */
    static void returnsNoPartialSumWhenInterrupted(Class<? extends SplitJob> answer) {
        CountDownLatch partStarted = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        RangeWork work = (a, b) -> {
            partStarted.countDown();
            try {
                letGo.await(HANG_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // a pool stopped with shutdownNow(): the part ends at once
            }
            return b - a;
        };
        long[] result = {-1};
        AtomicBoolean returned = new AtomicBoolean();
        Thread caller = Thread.ofPlatform().daemon().name("caller").start(() -> {
            try {
                result[0] = create(answer).run(0, 64_000, work);
                returned.set(true);
            } catch (Throwable e) {
                // letting the interruption (or any failure) out is fine
            }
        });
        try {
            partStarted.await(HANG_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            long end = System.nanoTime() + HANG_LIMIT.toNanos();
            while (caller.getState() != Thread.State.WAITING && caller.getState() != Thread.State.TIMED_WAITING
                    && caller.isAlive() && System.nanoTime() < end) {
                Thread.onSpinWait(); // until run waits for its parts
            }
            long waitsBefore = waitsOf(caller);
            caller.interrupt();
            // the parts stay held until the caller has reacted (waits again, or has ended): parts done
            // at the moment it wakes would let its get() return, and the interrupt would go unseen
            end = System.nanoTime() + HANG_LIMIT.toNanos();
            while (caller.isAlive() && waitsOf(caller) == waitsBefore && System.nanoTime() < end) {
                Thread.onSpinWait();
            }
            letGo.countDown();
            caller.join(HANG_LIMIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } finally {
            letGo.countDown();
        }
        if (caller.isAlive()) {
            throw new AssertionError("run was interrupted while it waited for its parts, and had not returned "
                    + HANG_LIMIT.toSeconds() + " s after the parts were let go");
        }
        if (returned.get() && result[0] != 64_000) {
            throw new AssertionError("run was interrupted while it waited for its parts (each was held until then),"
                    + " and returned " + result[0] + " as if it were the sum (64000): it gave up waiting and returned"
                    + " a partial sum. Let the InterruptedException out (Future.get throws it), or wait on for every"
                    + " part and restore the interrupt; never return a sum of some of the parts");
        }
    }

    /** How many times {@code thread} has waited or parked (ThreadInfo's waited count; -1 once it has ended). */
    private static long waitsOf(Thread thread) {
        var info = ManagementFactory.getThreadMXBean().getThreadInfo(thread.threadId());
        return info == null ? -1 : info.getWaitedCount();
    }

    /** A new answer, through its no-argument constructor (accessible: a copy lives in a class loader of its own). */
    static SplitJob create(Class<? extends SplitJob> answer) throws ReflectiveOperationException {
        var constructor = answer.getDeclaredConstructor();
        constructor.setAccessible(true);
        return constructor.newInstance();
    }

    private static String describe(List<long[]> parts) {
        StringBuilder text = new StringBuilder(" (parts:");
        parts.stream().limit(12).forEach(p -> text.append(" [").append(p[0]).append(", ").append(p[1]).append(')'));
        return text.append(parts.size() > 12 ? " ...)" : ")").toString();
    }

    /**
     * Work that holds each part until one part per core is running, so a split that uses every
     * core shows it on every run, and so does a shared total: every held part has read it before
     * any writes it back. The first parts also wait a moment for one part too many, which a pool
     * with more threads than cores sends at once. A part that waits in vain (a pool too small)
     * gives up after a second, and then no part waits any more.
     */
    static final class HeldWork implements RangeWork {

        private static final long MEET_PATIENCE_NANOS = Duration.ofSeconds(1).toNanos();
        private static final long EXTRA_PATIENCE_NANOS = Duration.ofMillis(150).toNanos();

        private final long total;
        private final int cores;
        private int inside;
        private int peak;
        private long started;
        private boolean gaveUp;
        private boolean firstGroupDone;
        private final java.util.Set<Thread> threads = new java.util.HashSet<>();

        HeldWork(long from, long to, int cores) {
            this.total = to - from;
            this.cores = cores;
        }

        @Override
        public synchronized long count(long from, long to) {
            threads.add(Thread.currentThread());
            inside++;
            peak = Math.max(peak, inside);
            started += to - from;
            notifyAll();
            try {
                boolean met = awaitLocked(MEET_PATIENCE_NANOS, () -> inside >= cores || started >= total || gaveUp);
                if (!met) {
                    gaveUp = true;
                    notifyAll();
                }
                if (met && !firstGroupDone) {
                    awaitLocked(EXTRA_PATIENCE_NANOS, () -> inside > cores || started >= total || firstGroupDone);
                    firstGroupDone = true;
                    notifyAll();
                }
            } finally {
                inside--;
            }
            return to - from;
        }

        /** Not every part had started yet, and another one starts within {@code patience}: nobody waited for it. */
        synchronized boolean startsAnotherWithin(Duration patience) {
            if (started >= total) {
                return false;
            }
            long before = started;
            return awaitLocked(patience.toNanos(), () -> started > before);
        }

        /** How many different threads ran parts. */
        synchronized int threadsUsed() {
            return threads.size();
        }

        synchronized int insideNow() {
            return inside;
        }

        synchronized int peak() {
            return peak;
        }

        private boolean awaitLocked(long patienceNanos, java.util.function.BooleanSupplier condition) {
            long end = System.nanoTime() + patienceNanos;
            while (!condition.getAsBoolean()) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Work that holds the last part of the range until the caller of run is seen waiting (for
     * it) once every other part has finished, or until run has returned without it: then the
     * caller did not wait. A caller that waits with a timeout is let through after 100 ms of it.
     */
    static final class LastPartHeld implements RangeWork {

        private static final long PATIENCE_NANOS = Duration.ofSeconds(1).toNanos();
        private static final long TIMED_WAIT_NANOS = Duration.ofMillis(100).toNanos();

        private final long to;
        private final long total;
        private final AtomicBoolean returned;
        private final List<Thread> caller;
        private final AtomicLong finished = new AtomicLong();
        private volatile boolean returnedWhileHeld;

        LastPartHeld(long from, long to, AtomicBoolean returned, List<Thread> caller) {
            this.to = to;
            this.total = to - from;
            this.returned = returned;
            this.caller = caller;
        }

        @Override
        public long count(long from, long to) {
            if (to == this.to && from < to && !isCaller()) {
                hold(to - from);
            }
            finished.addAndGet(to - from);
            return to - from;
        }

        boolean returnedWhileHeld() {
            return returnedWhileHeld;
        }

        private void hold(long myLength) {
            Thread callerThread = callerThread();
            long end = System.nanoTime() + PATIENCE_NANOS;
            long timedWaitingSince = -1;
            while (System.nanoTime() < end) {
                if (returned.get()) {
                    returnedWhileHeld = true;
                    return;
                }
                if (finished.get() == total - myLength) {
                    Thread.State state = callerThread.getState();
                    if (state == Thread.State.WAITING) {
                        return;
                    }
                    if (state == Thread.State.TIMED_WAITING) {
                        if (timedWaitingSince < 0) {
                            timedWaitingSince = System.nanoTime();
                        } else if (System.nanoTime() - timedWaitingSince > TIMED_WAIT_NANOS) {
                            return;
                        }
                    } else {
                        timedWaitingSince = -1;
                    }
                }
                NewThreads.sleepOneMilli();
            }
        }

        private boolean isCaller() {
            return Thread.currentThread() == callerThread();
        }

        private Thread callerThread() {
            synchronized (caller) {
                return caller.getFirst();
            }
        }
    }
}
