package course.refcount.exercises;

import course.refcount.Leak;
import course.refcount.LeakDetector;
import course.refcount.LeakTracker;
import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/** Answers a learner might give to exercise refcount.leak-report, right and wrong, for {@code LeakReporterCheckIT}. */
final class LeakAnswers {

    private LeakAnswers() {
    }

    // ---- wrong ----

    /** The starter: watches nothing. */
    static final class WatchesNothing implements LeakDetector {
        WatchesNothing(Cleaner cleaner, Consumer<Leak> reports) { }
        public LeakTracker track(Object resource, String description) {
            return () -> { };
        }
    }

    /** The cleaning action is a lambda that mentions the resource: the cleaner keeps it alive. */
    static final class ActionMentionsResource implements LeakDetector {
        private final Cleaner cleaner;
        private final Consumer<Leak> reports;
        ActionMentionsResource(Cleaner cleaner, Consumer<Leak> reports) {
            this.cleaner = cleaner;
            this.reports = reports;
        }
        public LeakTracker track(Object resource, String description) {
            Throwable createdAt = new Throwable("created here");
            AtomicBoolean closed = new AtomicBoolean();
            cleaner.register(resource, () -> {
                if (!closed.get()) {
                    reports.accept(new Leak(description + " (" + resource.getClass().getSimpleName() + ")", createdAt));
                }
            });
            return () -> closed.set(true);
        }
    }

    /** An anonymous class as the action, with the resource kept in a field "for the report". */
    static final class AnonymousActionHoldsResource implements LeakDetector {
        private final Cleaner cleaner;
        private final Consumer<Leak> reports;
        AnonymousActionHoldsResource(Cleaner cleaner, Consumer<Leak> reports) {
            this.cleaner = cleaner;
            this.reports = reports;
        }
        public LeakTracker track(Object resource, String description) {
            Throwable createdAt = new Throwable("created here");
            AtomicBoolean closed = new AtomicBoolean();
            cleaner.register(resource, new Runnable() {
                private final Object leaked = resource;
                public void run() {
                    if (!closed.get() && leaked != null) {
                        reports.accept(new Leak(description, createdAt));
                    }
                }
            });
            return () -> closed.set(true);
        }
    }

    /** Keeps every tracked resource in a list, to know what is open: the list keeps them alive. */
    static final class KeepsAList implements LeakDetector {
        private final Cleaner cleaner;
        private final Consumer<Leak> reports;
        private final List<Object> open = new ArrayList<>();
        KeepsAList(Cleaner cleaner, Consumer<Leak> reports) {
            this.cleaner = cleaner;
            this.reports = reports;
        }
        public LeakTracker track(Object resource, String description) {
            Throwable createdAt = new Throwable("created here");
            AtomicBoolean closed = new AtomicBoolean();
            synchronized (open) {
                open.add(resource);
            }
            cleaner.register(resource, () -> {
                if (!closed.get()) {
                    reports.accept(new Leak(description, createdAt));
                }
            });
            return () -> closed.set(true);
        }
    }

    /** The record of "where" is made in the cleaning action: it shows the cleaner's thread. */
    static final class TraceMadeInAction implements LeakDetector {
        private final Cleaner cleaner;
        private final Consumer<Leak> reports;
        TraceMadeInAction(Cleaner cleaner, Consumer<Leak> reports) {
            this.cleaner = cleaner;
            this.reports = reports;
        }
        public LeakTracker track(Object resource, String description) {
            AtomicBoolean closed = new AtomicBoolean();
            cleaner.register(resource, () -> {
                if (!closed.get()) {
                    reports.accept(new Leak(description, new Throwable("leaked")));
                }
            });
            return () -> closed.set(true);
        }
    }

    /** No record of where at all. */
    static final class NoTrace implements LeakDetector {
        private final Cleaner cleaner;
        private final Consumer<Leak> reports;
        NoTrace(Cleaner cleaner, Consumer<Leak> reports) {
            this.cleaner = cleaner;
            this.reports = reports;
        }
        public LeakTracker track(Object resource, String description) {
            AtomicBoolean closed = new AtomicBoolean();
            cleaner.register(resource, () -> {
                if (!closed.get()) {
                    reports.accept(new Leak(description, null));
                }
            });
            return () -> closed.set(true);
        }
    }

    /** close() does nothing: a released resource is reported too. */
    static final class CloseDoesNothing implements LeakDetector {
        private final Cleaner cleaner;
        private final Consumer<Leak> reports;
        CloseDoesNothing(Cleaner cleaner, Consumer<Leak> reports) {
            this.cleaner = cleaner;
            this.reports = reports;
        }
        public LeakTracker track(Object resource, String description) {
            Throwable createdAt = new Throwable("created here");
            cleaner.register(resource, () -> reports.accept(new Leak(description, createdAt)));
            return () -> { };
        }
    }

    /** close() runs the action through clean() without disarming it: it reports at once. */
    static final class CloseCleansUndisarmed implements LeakDetector {
        private final Cleaner cleaner;
        private final Consumer<Leak> reports;
        CloseCleansUndisarmed(Cleaner cleaner, Consumer<Leak> reports) {
            this.cleaner = cleaner;
            this.reports = reports;
        }
        public LeakTracker track(Object resource, String description) {
            Throwable createdAt = new Throwable("created here");
            Cleaner.Cleanable cleanable = cleaner.register(resource, () -> reports.accept(new Leak(description, createdAt)));
            return cleanable::clean;
        }
    }

    /** A WeakHashMap of open resources and no cleaner: nobody ever looks at the map again. */
    static final class WeakMapNoCleaner implements LeakDetector {
        private final Map<Object, Throwable> open = new WeakHashMap<>();
        WeakMapNoCleaner(Cleaner cleaner, Consumer<Leak> reports) { }
        public LeakTracker track(Object resource, String description) {
            synchronized (open) {
                open.put(resource, new Throwable("created here"));
            }
            return () -> {
                synchronized (open) {
                    open.remove(resource);
                }
            };
        }
    }

    /** One "closed" flag for the whole detector: closing one tracker disarms every report. */
    static final class OneFlagForAll implements LeakDetector {
        private final Cleaner cleaner;
        private final Consumer<Leak> reports;
        private volatile boolean closed;
        OneFlagForAll(Cleaner cleaner, Consumer<Leak> reports) {
            this.cleaner = cleaner;
            this.reports = reports;
        }
        public LeakTracker track(Object resource, String description) {
            Throwable createdAt = new Throwable("tracked here");
            Consumer<Leak> out = reports;
            OneFlagForAll detector = this;
            cleaner.register(resource, () -> {
                if (!detector.closed) {
                    out.accept(new Leak(description, createdAt));
                }
            });
            return () -> closed = true;
        }
    }

    /** The record of "where" made once, at the first track(), and given to every report after. */
    static final class FirstTraceForAll implements LeakDetector {
        private final Cleaner cleaner;
        private final Consumer<Leak> reports;
        private Throwable firstCreatedAt; // "a stack trace is expensive: make one"
        FirstTraceForAll(Cleaner cleaner, Consumer<Leak> reports) {
            this.cleaner = cleaner;
            this.reports = reports;
        }
        public LeakTracker track(Object resource, String description) {
            if (firstCreatedAt == null) {
                firstCreatedAt = new Throwable("tracked here");
            }
            Throwable createdAt = firstCreatedAt;
            AtomicBoolean closed = new AtomicBoolean();
            Consumer<Leak> out = reports;
            cleaner.register(resource, () -> {
                if (!closed.get()) {
                    out.accept(new Leak(description, createdAt));
                }
            });
            return () -> closed.set(true);
        }
    }

    /** The description kept in a field of the detector: every report says the last one tracked. */
    static final class LastDescription implements LeakDetector {
        private final Cleaner cleaner;
        private final Consumer<Leak> reports;
        private volatile String description;
        LastDescription(Cleaner cleaner, Consumer<Leak> reports) {
            this.cleaner = cleaner;
            this.reports = reports;
        }
        public LeakTracker track(Object resource, String description) {
            this.description = description;
            Throwable createdAt = new Throwable("tracked here");
            AtomicBoolean closed = new AtomicBoolean();
            LastDescription detector = this;
            cleaner.register(resource, () -> {
                if (!closed.get()) {
                    detector.reports.accept(new Leak(detector.description, createdAt));
                }
            });
            return () -> closed.set(true);
        }
    }

    /** The tracker registered with the cleaner instead of the resource: reported when the tracker goes. */
    static final class WatchesTheTracker implements LeakDetector {
        private static final class Tracker implements LeakTracker {
            volatile boolean closed;
            public void close() { closed = true; }
        }

        private final Cleaner cleaner;
        private final Consumer<Leak> reports;
        WatchesTheTracker(Cleaner cleaner, Consumer<Leak> reports) {
            this.cleaner = cleaner;
            this.reports = reports;
        }
        public LeakTracker track(Object resource, String description) {
            Tracker tracker = new Tracker();
            Throwable createdAt = new Throwable("tracked here");
            AtomicBoolean closed = new AtomicBoolean();
            Consumer<Leak> out = reports;
            cleaner.register(tracker, () -> {
                if (!closed.get()) {
                    out.accept(new Leak(description, createdAt));
                }
            });
            return () -> {
                tracker.close();
                closed.set(true);
            };
        }
    }

    /** A tracker that keeps the resource, "to clean it at close": an owner that keeps its tracker keeps the resource. */
    static final class TrackerKeepsTheResource implements LeakDetector {
        private final Cleaner cleaner;
        private final Consumer<Leak> reports;
        TrackerKeepsTheResource(Cleaner cleaner, Consumer<Leak> reports) {
            this.cleaner = cleaner;
            this.reports = reports;
        }
        public LeakTracker track(Object resource, String description) {
            Throwable createdAt = new Throwable("tracked here");
            AtomicBoolean closed = new AtomicBoolean();
            Consumer<Leak> out = reports;
            Cleaner.Cleanable cleanable = cleaner.register(resource, () -> {
                if (!closed.get()) {
                    out.accept(new Leak(description, createdAt));
                }
            });
            Object[] held = {resource};
            return () -> {
                closed.set(true);
                held[0] = null;
                cleanable.clean();
            };
        }
    }

    /**
     * A Cleaner of its own for each tracked resource, "so one slow report cannot hold up the
     * others", instead of the one it was given: every Cleaner starts a thread, one more for each
     * resource still in use.
     */
    static final class OwnCleanerPerResource implements LeakDetector {
        private final Consumer<Leak> reports;

        OwnCleanerPerResource(Cleaner cleaner, Consumer<Leak> reports) {
            this.reports = reports;
        }

        public LeakTracker track(Object resource, String description) {
            Throwable createdAt = new Throwable("created here");
            AtomicBoolean closed = new AtomicBoolean();
            Consumer<Leak> channel = reports;
            Cleaner.Cleanable cleanable = Cleaner.create().register(resource, () -> {
                if (!closed.get()) {
                    channel.accept(new Leak(description, createdAt));
                }
            });
            return () -> {
                closed.set(true);
                cleanable.clean();
            };
        }
    }

    /**
     * Each description reported once, "so the log is not flooded": a second forgotten resource
     * with the same description (two buffers of one kind) is never reported.
     */
    static final class OneReportPerDescription implements LeakDetector {
        private final Cleaner cleaner;
        private final Consumer<Leak> reports;
        private final java.util.Set<String> reported = java.util.concurrent.ConcurrentHashMap.newKeySet();

        OneReportPerDescription(Cleaner cleaner, Consumer<Leak> reports) {
            this.cleaner = cleaner;
            this.reports = reports;
        }

        public LeakTracker track(Object resource, String description) {
            Throwable createdAt = new Throwable("created here");
            java.util.Set<String> once = reported;
            Consumer<Leak> channel = reports;
            AtomicBoolean closed = new AtomicBoolean();
            Cleaner.Cleanable cleanable = cleaner.register(resource, () -> {
                if (!closed.get() && once.add(description)) {
                    channel.accept(new Leak(description, createdAt));
                }
            });
            return () -> {
                closed.set(true);
                cleanable.clean();
            };
        }
    }

    // ---- right ----

    /** Disarm by a flag only: the action still runs after collection, and says nothing. */
    static final class FlagOnly implements LeakDetector {
        private final Cleaner cleaner;
        private final Consumer<Leak> reports;
        FlagOnly(Cleaner cleaner, Consumer<Leak> reports) {
            this.cleaner = cleaner;
            this.reports = reports;
        }
        public LeakTracker track(Object resource, String description) {
            AtomicBoolean closed = new AtomicBoolean();
            Throwable createdAt = new Throwable("tracked here");
            Consumer<Leak> out = reports; // the lambda captures locals only, not this, not resource
            cleaner.register(resource, () -> {
                if (!closed.get()) {
                    out.accept(new Leak(description, createdAt));
                }
            });
            return () -> closed.set(true);
        }
    }

    /** A record as the action, a tracker class that disarms it and unregisters it. */
    static final class RecordAction implements LeakDetector {
        private record Report(String description, Throwable createdAt, Consumer<Leak> reports, AtomicBoolean armed)
                implements Runnable {
            public void run() {
                if (armed.getAndSet(false)) {
                    reports.accept(new Leak(description, createdAt));
                }
            }
        }

        private static final class Tracker implements LeakTracker {
            private final Report report;
            private final Cleaner.Cleanable cleanable;
            Tracker(Report report, Cleaner.Cleanable cleanable) {
                this.report = report;
                this.cleanable = cleanable;
            }
            public void close() {
                report.armed().set(false);
                cleanable.clean();
            }
        }

        private final Cleaner cleaner;
        private final Consumer<Leak> reports;
        RecordAction(Cleaner cleaner, Consumer<Leak> reports) {
            this.cleaner = cleaner;
            this.reports = reports;
        }
        public LeakTracker track(Object resource, String description) {
            Report report = new Report(description, new Exception("created"), reports, new AtomicBoolean(true));
            return new Tracker(report, cleaner.register(resource, report));
        }
    }

    /** Disarmed by swapping the report channel for one that drops it: an immutable state swapped. */
    static final class SwapsTheChannel implements LeakDetector {
        private record Action(String description, Throwable createdAt, AtomicReference<Consumer<Leak>> channel)
                implements Runnable {
            public void run() {
                channel.get().accept(new Leak(description, createdAt));
            }
        }

        private final Cleaner cleaner;
        private final Consumer<Leak> reports;
        SwapsTheChannel(Cleaner cleaner, Consumer<Leak> reports) {
            this.cleaner = cleaner;
            this.reports = reports;
        }
        public LeakTracker track(Object resource, String description) {
            AtomicReference<Consumer<Leak>> channel = new AtomicReference<>(reports);
            Cleaner.Cleanable cleanable = cleaner.register(resource,
                    new Action(description, new Throwable("tracked here"), channel));
            return () -> {
                channel.set(leak -> { }); // released: whatever runs the action now reports nothing
                cleanable.clean();
            };
        }
    }

    /** The tracker is its own cleaning action; close() unregisters it through the Cleanable it keeps. */
    static final class TrackerIsTheAction implements LeakDetector {
        private final Cleaner cleaner;
        private final Consumer<Leak> reports;

        TrackerIsTheAction(Cleaner cleaner, Consumer<Leak> reports) {
            this.cleaner = cleaner;
            this.reports = reports;
        }

        public LeakTracker track(Object resource, String description) {
            Tracker tracker = new Tracker(description, new Throwable("created here"), reports);
            tracker.cleanable = cleaner.register(resource, tracker);
            return tracker;
        }

        private static final class Tracker implements LeakTracker, Runnable {
            private final String description;
            private final Throwable createdAt;
            private final Consumer<Leak> reports;
            private volatile boolean closed;
            private Cleaner.Cleanable cleanable;

            Tracker(String description, Throwable createdAt, Consumer<Leak> reports) {
                this.description = description;
                this.createdAt = createdAt;
                this.reports = reports;
            }

            public void run() {
                if (!closed) {
                    reports.accept(new Leak(description, createdAt));
                }
            }

            public void close() {
                closed = true;
                cleanable.clean();
            }
        }
    }
}
