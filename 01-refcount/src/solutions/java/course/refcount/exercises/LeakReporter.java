package course.refcount.exercises;

import course.refcount.Leak;
import course.refcount.LeakDetector;
import course.refcount.LeakTracker;
import java.lang.ref.Cleaner;
import java.util.function.Consumer;

/**
 * Exercise refcount.leak-report, solved. {@code track} records where it was called (a
 * {@link Throwable} made there carries the stack) and registers a {@link Watch} with the
 * cleaner. The watch knows the description, the record and the report channel, but not the
 * resource: if it did, the cleaner would keep the resource reachable and never run it.
 * Closing the tracker marks the watch closed and runs it at once ({@code clean()} runs an
 * action at most once, and unregisters it), so a released resource is never reported.
 */
public final class LeakReporter implements LeakDetector {

    private final Cleaner cleaner;
    private final Consumer<Leak> reports;

    public LeakReporter(Cleaner cleaner, Consumer<Leak> reports) {
        this.cleaner = cleaner;
        this.reports = reports;
    }

    // tag::solution[]
    @Override
    public LeakTracker track(Object resource, String description) {
        Watch watch = new Watch(description, new Throwable("created here"), reports);
        Cleaner.Cleanable cleanable = cleaner.register(resource, watch);
        return () -> {
            watch.closed = true;   // released properly ...
            cleanable.clean();     // ... so run the watch now, quietly, and forget the resource
        };
    }

    /** The cleaning action. A static class: it cannot refer to the resource by accident. */
    private static final class Watch implements Runnable {
        private final String description;
        private final Throwable createdAt;
        private final Consumer<Leak> reports;
        private volatile boolean closed; // set by the owner's thread, read by the cleaner's

        Watch(String description, Throwable createdAt, Consumer<Leak> reports) {
            this.description = description;
            this.createdAt = createdAt;
            this.reports = reports;
        }

        @Override
        public void run() {
            if (!closed) {
                reports.accept(new Leak(description, createdAt));
            }
        }
    }
    // end::solution[]
}
