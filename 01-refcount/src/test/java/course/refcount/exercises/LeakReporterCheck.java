package course.refcount.exercises;

import static org.awaitility.Awaitility.await;

import course.refcount.Leak;
import course.refcount.LeakDetector;
import course.refcount.LeakTracker;
import java.lang.ref.Cleaner;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The checks of exercise refcount.leak-report, for any {@link LeakDetector} class with a
 * {@code (Cleaner, Consumer<Leak>)} constructor.
 *
 * <p>Garbage collection is not on a timetable, so the checks never wait for luck. A resource is
 * created and dropped in a method of its own, and watched through a {@link WeakReference}; the
 * check asks for a collection ({@code System.gc()}) until the reference is cleared, which, with
 * the serial collector the tests run on, takes one request. If it is still not cleared after a
 * few, something still refers to the resource. The check also registers an action of its own for
 * the same resource with the same cleaner: once that has run and the cleaner's thread has nothing
 * left to do, every action due for the resource has run, the learner's included.
 */
final class LeakReporterCheck {

    static final Duration COLLECT_LIMIT = Duration.ofMillis(600);
    static final Duration REPORT_LIMIT = Duration.ofSeconds(3);

    private static final AtomicReference<Thread> CLEANER_THREAD = new AtomicReference<>();
    private static final Cleaner CLEANER = Cleaner.create(body -> {
        Thread thread = new Thread(body, "leak-check cleaner");
        thread.setDaemon(true);
        CLEANER_THREAD.set(thread);
        return thread;
    });

    private LeakReporterCheck() {
    }

    /** The checks' cleaner, made once per class loader (a test class calls this before its tests start). */
    static Cleaner cleaner() {
        return CLEANER;
    }

    static void all(Class<? extends LeakDetector> answer) {
        reportsAForgottenResource(answer);
        saysWhereItWasCreated(answer);
        staysQuietWhenReleased(answer);
        manyTrackersEachTheirOwn(answer);
    }

    /**
     * A resource whose tracker is never closed is reported, once, after it becomes unreachable, by
     * the cleaner the detector was given (on its thread).
     */
    static void reportsAForgottenResource(Class<? extends LeakDetector> answer) {
        List<Leak> reports = new CopyOnWriteArrayList<>();
        AtomicReference<Thread> reportedOn = new AtomicReference<>();
        LeakDetector detector = create(answer, leak -> {
            reportedOn.compareAndSet(null, Thread.currentThread());
            reports.add(leak);
        });
        Watched forgotten = trackAndForget(detector, "forgotten buffer");
        awaitCollected(forgotten);
        awaitReport(reports, forgotten);
        expectReports(reports, "forgotten buffer", 1);
        expectOnTheGivenCleaner(reportedOn.get());
    }

    private static void expectOnTheGivenCleaner(Thread reportedOn) {
        Thread given = CLEANER_THREAD.get();
        if (reportedOn != given) {
            throw new AssertionError("the forgotten buffer was reported on the thread \"" + reportedOn.getName()
                    + "\", not on the thread of the Cleaner given to the constructor (\"" + given.getName() + "\"):"
                    + " a Cleaner of your own starts a thread of its own, one more for every Cleaner made and still"
                    + " in use. Register the cleaning action with the Cleaner you are given");
        }
    }

    // tag::where-created[]
    /** The report says where the resource was tracked: this check's own method is in its stack. */
    static void saysWhereItWasCreated(Class<? extends LeakDetector> answer) {
        List<Leak> reports = new CopyOnWriteArrayList<>();
        LeakDetector detector = create(answer, reports::add);
        Watched forgotten = trackAndForget(detector, "buffer made in trackAndForget");
        awaitCollected(forgotten);
        awaitReport(reports, forgotten);
        Leak leak = reports.getFirst();
        Throwable createdAt = leak.createdAt();
        boolean pointsAtCreator = createdAt != null && Arrays.stream(createdAt.getStackTrace())
                .anyMatch(frame -> frame.getMethodName().equals("trackAndForget"));
        if (!pointsAtCreator) {
            throw new AssertionError("the leak report does not say where the resource was created: "
                    + (createdAt == null ? "createdAt is null" : "its stack trace is\n" + frames(createdAt))
                    + "\nand it should show the method that called track(), trackAndForget. Make the Throwable"
                    + " inside track(), while the creator's method is still on the stack; made in the cleaning"
                    + " action it only shows the cleaner's thread");
        }
    }
    // end::where-created[]

    /** A resource whose tracker was closed is never reported: not at close, not after collection. */
    static void staysQuietWhenReleased(Class<? extends LeakDetector> answer) {
        List<Leak> reports = new CopyOnWriteArrayList<>();
        LeakDetector detector = create(answer, reports::add);
        Watched released = trackCloseAndForget(detector, "released buffer");
        if (!reports.isEmpty()) {
            throw new AssertionError("closing the tracker of a released resource reported it as a leak: " + reports
                    + ". close() means \"released properly\": it must disarm the report, not send it");
        }
        Watched forgotten = trackAndForget(detector, "forgotten buffer");
        awaitCollected(released);
        awaitCollected(forgotten);
        awaitReport(reports, forgotten);  // the cleaner is at work ...
        awaitCleanerIdle(released, forgotten); // ... and has finished with both resources
        expectReports(reports, "released buffer", 0);
        expectReports(reports, "forgotten buffer", 1);
    }

    /** How many resources {@link #manyTrackersEachTheirOwn} tracks with one detector (and two twins). */
    static final int MANY = 12;
    /** The one description of two forgotten resources of {@link #manyTrackersEachTheirOwn}. */
    static final String TWINS = "twin buffer";

    /**
     * One detector, many resources made in two different methods: some trackers closed (some of
     * them twice), some never; some trackers kept by their owner after the resource is dropped,
     * as a wrapper object might keep its tracker; and two forgotten resources with one description.
     * Every resource nobody released is reported once, under its own description, with a stack
     * that names the method that made it; no released one is ever reported.
     */
    static void manyTrackersEachTheirOwn(Class<? extends LeakDetector> answer) {
        List<Leak> reports = new CopyOnWriteArrayList<>();
        LeakDetector detector = create(answer, reports::add);
        List<LeakTracker> keptTrackers = new ArrayList<>();
        List<Watched> forgotten = new ArrayList<>();
        List<Watched> released = new ArrayList<>();
        for (int i = 0; i < MANY; i++) {
            boolean release = i % 3 != 2;         // two of three are released, one of them closed twice
            boolean fromOther = i % 2 == 1;       // half are made in another method
            boolean keepTracker = i % 4 < 2;      // half of the owners keep their tracker
            Made made = fromOther ? makeElsewhere(detector, "buffer #" + i) : makeHere(detector, "buffer #" + i);
            if (release) {
                made.tracker().close();
                if (i % 3 == 1) {
                    made.tracker().close(); // closing twice is still one release
                }
            }
            if (keepTracker) {
                keptTrackers.add(made.tracker());
            }
            (release ? released : forgotten).add(made.watched());
        }
        List<Watched> twins = List.of(makeHere(detector, TWINS).watched(), makeElsewhere(detector, TWINS).watched());
        if (!reports.isEmpty()) {
            throw new AssertionError("closing the trackers of released resources reported leaks: " + reports
                    + ". close() means \"released properly\": it must disarm the report, not send it");
        }
        List<Watched> all = new ArrayList<>(forgotten);
        all.addAll(released);
        all.addAll(twins);
        for (Watched watched : all) {
            awaitCollected(watched, keptTrackers);
        }
        for (Watched watched : forgotten) {
            awaitReport(reports, watched);
        }
        awaitCleanerIdle(all);
        for (Watched watched : released) {
            expectReports(reports, watched.description(), 0);
        }
        for (Watched watched : forgotten) {
            expectReports(reports, watched.description(), 1);
            expectCreator(reports, watched);
        }
        if (reported(reports, TWINS) != 2) {
            throw new AssertionError("two resources were tracked as \"" + TWINS + "\" (one description, as two"
                    + " buffers of one kind have) and both forgotten, and the " + TWINS + " was reported "
                    + reported(reports, TWINS) + " time(s), expected 2: two leaks, two reports, whatever their"
                    + " descriptions");
        }
        if (keptTrackers.isEmpty()) {
            throw new IllegalStateException("no tracker kept"); // keeps the kept trackers reachable until here
        }
    }

    /** A resource made, tracked and dropped: its tracker, and how it is watched. */
    private record Made(LeakTracker tracker, Watched watched) {
    }

    private static Made makeHere(LeakDetector detector, String description) {
        byte[] resource = new byte[256];
        LeakTracker tracker = detector.track(resource, description);
        return new Made(tracker, watch(resource, description, "makeHere"));
    }

    private static Made makeElsewhere(LeakDetector detector, String description) {
        byte[] resource = new byte[256];
        LeakTracker tracker = detector.track(resource, description);
        return new Made(tracker, watch(resource, description, "makeElsewhere"));
    }

    /** The report of {@code watched} names, in its stack, the method that made the resource. */
    private static void expectCreator(List<Leak> reports, Watched watched) {
        Leak leak = reports.stream().filter(l -> watched.description().equals(l.description())).findFirst().orElseThrow();
        Throwable createdAt = leak.createdAt();
        boolean pointsAtCreator = createdAt != null && Arrays.stream(createdAt.getStackTrace())
                .anyMatch(frame -> frame.getMethodName().equals(watched.creator()));
        if (!pointsAtCreator) {
            throw new AssertionError("the leak report of the " + watched.description() + ", made in "
                    + watched.creator() + "(), does not say so: "
                    + (createdAt == null ? "createdAt is null" : "its stack trace is\n" + frames(createdAt))
                    + "\nEach resource's report needs its own record of where track() was called for it, made"
                    + " inside that call");
        }
    }

    // ---- how resources are made, dropped and watched ----

    /**
     * A dropped resource: a weak reference to it, whether the check's own cleaning action for it
     * ran, and the method that made it.
     */
    private record Watched(String description, WeakReference<Object> resource, AtomicBoolean checkActionRan,
                           String creator) {
    }

    /** Creates a resource, tracks it and forgets it: when this returns, nothing strong refers to it. */
    private static Watched trackAndForget(LeakDetector detector, String description) {
        byte[] resource = new byte[1024]; // think of a pooled buffer
        detector.track(resource, description);
        return watch(resource, description, "trackAndForget");
    }

    /** Creates a resource, tracks it, releases it properly (closes the tracker), and drops it. */
    private static Watched trackCloseAndForget(LeakDetector detector, String description) {
        byte[] resource = new byte[1024];
        LeakTracker tracker = detector.track(resource, description);
        tracker.close();
        return watch(resource, description, "trackCloseAndForget");
    }

    private static Watched watch(Object resource, String description, String creator) {
        AtomicBoolean ran = new AtomicBoolean();
        CLEANER.register(resource, () -> ran.set(true));
        return new Watched(description, new WeakReference<>(resource), ran, creator);
    }

    /** Asks for collections until the resource is gone; fails if it stays reachable. */
    private static void awaitCollected(Watched watched) {
        awaitCollected(watched, List.of());
    }

    /** The same, while the owner still keeps {@code keptTrackers}: a tracker must not keep its resource. */
    private static void awaitCollected(Watched watched, List<LeakTracker> keptTrackers) {
        try {
            await().atMost(COLLECT_LIMIT).pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20))
                    .until(() -> {
                        if (watched.resource().refersTo(null)) {
                            return true; // already collected with another one
                        }
                        System.gc();
                        return watched.resource().refersTo(null);
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the " + watched.description() + " never became unreachable, although the test"
                    + " dropped every reference it had: something your detector keeps still refers to it. The"
                    + " cleaner keeps each cleaning action reachable until it runs, so an action (a lambda, an inner"
                    + " class) that mentions the resource keeps it alive for ever, and is never run; so does a list or"
                    + " map of tracked resources" + (keptTrackers.isEmpty() ? "" : "; and so does a tracker that"
                    + " refers to the resource (" + keptTrackers.size() + " trackers were still kept by their owners,"
                    + " whose resources were dropped)"));
        }
    }

    /**
     * Waits for a report of {@code watched}. Fails if none has come once the cleaner has run the
     * check's own action for the same resource and then has had nothing left to do, twice in a
     * row, 20 ms apart: by then it has run every action due for that resource.
     */
    private static void awaitReport(List<Leak> reports, Watched watched) {
        boolean[] idleBefore = {false};
        try {
            await().atMost(REPORT_LIMIT).pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20))
                    .until(() -> {
                        if (reported(reports, watched.description()) > 0) {
                            return true;
                        }
                        boolean idle = watched.checkActionRan().get() && isIdle(CLEANER_THREAD.get());
                        if (idle && idleBefore[0]) {
                            throw new AssertionError(noReport(watched, reports));
                        }
                        idleBefore[0] = idle;
                        System.gc();
                        return false;
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(noReport(watched, reports));
        }
    }

    private static String noReport(Watched watched, List<Leak> reports) {
        return "the " + watched.description() + " was collected without being released, and nothing reported it"
                + (reports.isEmpty() ? "" : " (reports seen: " + reports + ")") + ". Register a cleaning action"
                + " with the Cleaner given to the constructor in track(): the cleaner runs it once the resource is"
                + " unreachable";
    }

    /**
     * Waits until the cleaner has run the check's own actions for both resources and then has
     * nothing left to do, twice in a row, 20 ms apart: every cleaning action due for the two
     * resources (they were collected by the same collection) has run by then.
     */
    private static void awaitCleanerIdle(Watched released, Watched forgotten) {
        awaitCleanerIdle(List.of(released, forgotten));
    }

    /** The same, for any number of resources collected together. */
    private static void awaitCleanerIdle(List<Watched> collected) {
        try {
            await().atMost(REPORT_LIMIT).pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20))
                    .until(new java.util.concurrent.Callable<Boolean>() {
                        private boolean idleBefore;

                        @Override
                        public Boolean call() {
                            boolean idle = collected.stream().allMatch(w -> w.checkActionRan().get())
                                    && isIdle(CLEANER_THREAD.get());
                            boolean twice = idle && idleBefore;
                            idleBefore = idle;
                            return twice;
                        }
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the cleaner's thread did not become idle within " + REPORT_LIMIT.toMillis()
                    + " ms after the resources were collected: a cleaning action that blocks or takes long"
                    + " holds up every other cleaning action of that cleaner. Keep it short");
        }
    }

    private static boolean isIdle(Thread thread) {
        Thread.State state = thread == null ? Thread.State.TERMINATED : thread.getState();
        return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
    }

    private static void expectReports(List<Leak> reports, String description, int expected) {
        long count = reported(reports, description);
        if (count != expected) {
            throw new AssertionError("the " + description + " was reported " + count + " time(s), expected "
                    + expected + (expected == 0
                            ? ": its tracker was closed, so it was released properly and is no leak. close() must"
                                    + " disarm the cleaning action"
                            : ": one leak, one report"));
        }
    }

    private static long reported(List<Leak> reports, String description) {
        return reports.stream().filter(leak -> description.equals(leak.description())).count();
    }

    private static String frames(Throwable t) {
        StringBuilder text = new StringBuilder();
        Arrays.stream(t.getStackTrace()).limit(6).forEach(f -> text.append("    at ").append(f).append('\n'));
        return text.toString();
    }

    private static LeakDetector create(Class<? extends LeakDetector> answer, Consumer<Leak> reports) {
        try {
            var constructor = answer.getDeclaredConstructor(Cleaner.class, Consumer.class);
            constructor.setAccessible(true);
            return constructor.newInstance(CLEANER, reports);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create a " + answer.getName() + "(Cleaner, Consumer<Leak>)", e);
        }
    }
}
