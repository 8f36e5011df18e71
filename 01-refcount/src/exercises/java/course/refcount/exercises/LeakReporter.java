package course.refcount.exercises;

import course.refcount.Leak;
import course.refcount.LeakDetector;
import course.refcount.LeakTracker;
import java.lang.ref.Cleaner;
import java.util.function.Consumer;

/**
 * Exercise refcount.leak-report: find the owner who forgot to release.
 *
 * <p>{@link #track} is called when a resource is created. If the resource later becomes
 * unreachable and its tracker was never closed, nobody released it: report a {@link Leak} to
 * {@code reports}, once, with the description and a throwable whose stack trace shows where
 * {@code track} was called. A resource whose tracker was closed is not a leak: never report it.
 *
 * <p>Use the {@link Cleaner} you are given (do not create one: each Cleaner starts a thread).
 * The cleaner runs an action for you after the collector has found an object unreachable.
 *
 * <p>Run {@code ./mvnw test -pl 01-refcount} to check your answer.
 */
public final class LeakReporter implements LeakDetector {

    private final Cleaner cleaner;
    private final Consumer<Leak> reports;

    public LeakReporter(Cleaner cleaner, Consumer<Leak> reports) {
        this.cleaner = cleaner;
        this.reports = reports;
    }

    @Override
    public LeakTracker track(Object resource, String description) {
        // TODO: nothing watches the resource, so a forgotten one is never reported.
        return () -> {
        };
    }
}
