package course.refcount.exercises;

import course.kit.Interleavings;
import course.refcount.RefCounted;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jetbrains.lincheck.datastructures.Operation;

/**
 * The checks of exercise refcount.threads, for any {@link RefCounted} class with a
 * {@code (Runnable free)} constructor. First the one-thread rules of {@link CountedCheck}; then
 * retains and releases made at once on one resource, explored in every interleaving a model
 * checker ({@link Interleavings}) can make of their reads, writes, atomic steps and lock
 * operations. Each outcome (what each call did, the count, how often the free action ran) must
 * be one that the same calls give when they are made one at a time, in some order.
 */
final class SharedCheck {

    private SharedCheck() {
    }

    /** All checks, in the order a learner meets them. */
    static void all(Class<? extends RefCounted> answer) {
        CountedCheck.all(answer);
        retainsAndReleasesAtOnce(answer);
    }

    // tag::two-releases[]
    /**
     * Retains and releases made at once, each scenario in every interleaving the model checker
     * can make. A scenario lists the calls made first (on one thread), by each thread at once, and
     * then; each has its own promise, which a failure quotes.
     */
    static void retainsAndReleasesAtOnce(Class<? extends RefCounted> answer) {
        Interleavings.of(OnOneResource.class, OneAtATime.class, answer)
                .together(List.of("retain", "retain"), "state")
                .saying("two retains made at once on a resource with one owner must both count (3 owners, nothing"
                        + " freed): a lost retain frees the resource while an owner still uses it")
                .scenario(List.of("retain"), List.of(List.of("release"), List.of("release")), List.of("state"))
                .saying("the last two owners releasing at once must free the resource exactly once, by the release"
                        + " whose own atomic step took the count from 1 to 0")
                .together(List.of("release", "retain"), "state")
                .saying("a retain made while the last owner releases must either come first (nothing freed) or be"
                        + " refused (freed once): a freed resource never comes back to life")
                .together(List.of("release", "release"), "state")
                .saying("two releases made at once on a resource with one owner (one release too many) must free"
                        + " it once and refuse the other with an IllegalStateException, the count staying at 0")
                .scenario(List.of(), List.of(List.of("release", "release"), List.of("retain")), List.of())
                .saying("a freed resource must stay freed while other threads call it: a retain refused on it"
                        + " changes nothing, even for a moment, so a later release is refused too and nothing is"
                        + " freed twice")
                .scenario(List.of("retain"), List.of(List.of("retain", "release"), List.of("retain", "release")),
                        List.of("state"))
                .saying("owners that retain and release on two threads at once must lose no change of the count,"
                        + " and free the resource only when the last owner is gone")
                .scenario(List.of("retain", "retain"), List.of(List.of("release"), List.of("release"),
                        List.of("release")), List.of("state"))
                .saying("the last three owners releasing at once must free the resource exactly once: however many"
                        + " owners a release sees, others may be releasing too, so no count is high enough to skip"
                        + " the atomic step (or the lock) that decides who took it to 0")
                .scenario(List.of("retain"), List.of(List.of("retain"), List.of("release", "release")),
                        List.of("state"))
                .saying("a retain made while the other two owners release (the second of them freeing) must either"
                        + " come first (nothing freed) or be refused (freed once): a count above 1 when the retain looks"
                        + " may be 0 by the time it adds its owner, so the look and the increment are one step")
                .check("retains and releases made at once must do what the same calls do one at a time");
    }
    // end::two-releases[]

    /**
     * The calls the model checker makes, on a fresh resource of the answer's class with one owner.
     * Each call says what it did; {@code state()} says what the count is and how often the free
     * action ran (the resource's free hook counts it).
     */
    public static final class OnOneResource {
        private final FreeHook frees = new FreeHook();
        private final RefCounted resource = CountedCheck.create(Interleavings.answer(RefCounted.class), frees);

        @Operation
        public String retain() {
            try {
                resource.retain();
                return "retained";
            } catch (IllegalStateException refused) {
                return "refused";
            }
        }

        @Operation
        public String release() {
            try {
                return resource.release() ? "freed" : "released";
            } catch (IllegalStateException refused) {
                return "refused";
            }
        }

        @Operation
        public String state() {
            return "count " + resource.refCnt() + ", freed " + CountedCheck.times(frees.runs());
        }
    }

    /** The resource's free action: it counts how often it ran (a named class, which the model checker can follow). */
    public static final class FreeHook implements Runnable {
        private final AtomicInteger runs = new AtomicInteger();

        @Override
        public void run() {
            runs.incrementAndGet();
        }

        int runs() {
            return runs.get();
        }
    }

    /** What the same calls do one at a time: the rules of exercise refcount.release. */
    public static final class OneAtATime {
        private int count = 1;
        private int frees;

        public String retain() {
            if (count == 0) {
                return "refused";
            }
            count++;
            return "retained";
        }

        public String release() {
            if (count == 0) {
                return "refused";
            }
            if (--count > 0) {
                return "released";
            }
            frees++;
            return "freed";
        }

        public String state() {
            return "count " + count + ", freed " + CountedCheck.times(frees);
        }
    }
}
