package course.refcount.exercises;

import course.refcount.RefCounted;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The checks of exercise refcount.threads, for any {@link RefCounted} class with a
 * {@code (Runnable free)} constructor. First the one-thread rules of {@link CountedCheck}; then
 * two threads at once on one resource. The two threads run an {@link Instrumented} copy of the
 * answer and take {@link Turns} at every access to shared memory, each scenario in both orders
 * (either thread first), so a count that is not changed in one atomic step breaks on every run.
 * The test's free action counts how often it runs.
 */
final class SharedCheck {

    private SharedCheck() {
    }

    /** All checks, in the order a learner meets them. */
    static void all(Class<? extends RefCounted> answer) {
        CountedCheck.all(answer);
        twoRetainsAtOnce(answer);
        twoReleasesAtOnce(answer);
        retainDuringLastRelease(answer);
        twoLastReleasesAtOnce(answer);
    }

    /** One owner; two threads retain at once: three owners, nothing freed. */
    static void twoRetainsAtOnce(Class<? extends RefCounted> answer) {
        Class<? extends RefCounted> copy = Instrumented.copyOf(answer, RefCounted.class);
        for (boolean swap : new boolean[] {false, true}) {
            AtomicInteger frees = new AtomicInteger();
            RefCounted resource = CountedCheck.create(copy, frees);
            List<Turns.Result> results = together(swap, "retainer", retain(resource), "retainer", retain(resource));
            rethrowUnexpected(results);
            if (resource.refCnt() != 3 || frees.get() != 0) {
                throw new AssertionError("two threads retained a resource with 1 owner at the same moment: the count"
                        + " is " + resource.refCnt() + " and the free action ran " + CountedCheck.times(frees.get())
                        + " (expected 3, and never). Both threads read 1 and both wrote 2: one retain was lost, so"
                        + " the count is lower than the number of owners, and the resource will be freed while an"
                        + " owner still uses it (use-after-free). The read and the write must be one atomic step");
            }
        }
    }

    // tag::two-releases[]
    /** Two owners release at once: the resource is freed exactly once, and the count ends at 0. */
    static void twoReleasesAtOnce(Class<? extends RefCounted> answer) {
        Class<? extends RefCounted> copy = Instrumented.copyOf(answer, RefCounted.class);
        for (boolean swap : new boolean[] {false, true}) {
            AtomicInteger frees = new AtomicInteger();
            RefCounted resource = CountedCheck.create(copy, frees);
            resource.retain(); // two owners
            List<Turns.Result> results = together(swap, "owner 1", release(resource), "owner 2", release(resource));
            rethrowUnexpected(results);
            long saidFreed = results.stream().filter(r -> Boolean.TRUE.equals(r.value())).count();
            if (frees.get() != 1 || resource.refCnt() != 0 || saidFreed != 1) {
                throw new AssertionError("the two owners of a resource released it at the same moment: the free"
                        + " action ran " + CountedCheck.times(frees.get()) + ", the count is " + resource.refCnt()
                        + " and " + saidFreed + " of the 2 release() calls returned true (expected once, 0 and 1). "
                        + explainTwoReleases(frees.get(), resource.refCnt()));
            }
        }
    }
    // end::two-releases[]

    private static String explainTwoReleases(int frees, int count) {
        if (frees > 1) {
            return "A double free: both threads decided to free. A thread that decrements and then reads the count"
                    + " again sees the other thread's decrement too; decide on the value your own atomic step returned";
        }
        if (frees == 0 && count > 0) {
            return "A leak: both threads read 2 and both wrote 1, so one release was lost and nobody will ever free"
                    + " the resource. The read and the write must be one atomic step";
        }
        return "The count and the frees disagree: change the count and decide whether to free in one atomic step";
    }

    /**
     * One owner releases while another thread retains. Either the retain came first (the count
     * goes 1, 2, 1 and nothing is freed) or the release did (it frees, and the retain must be
     * refused). A retain that succeeds on a resource that is then freed, or after it was freed,
     * brings a freed resource back to life.
     */
    static void retainDuringLastRelease(Class<? extends RefCounted> answer) {
        Class<? extends RefCounted> copy = Instrumented.copyOf(answer, RefCounted.class);
        for (boolean swap : new boolean[] {false, true}) {
            AtomicInteger frees = new AtomicInteger();
            RefCounted resource = CountedCheck.create(copy, frees);
            List<Turns.Result> results = together(swap, "last owner", release(resource), "retainer", retain(resource));
            Turns.Result released = results.get(0);
            Turns.Result retained = results.get(1);
            rethrowUnexpected(List.of(released));
            boolean retainRefused = retained.threw(IllegalStateException.class);
            if (retained.error() != null && !retainRefused) {
                rethrowUnexpected(List.of(retained));
            }
            boolean retainFirst = !retainRefused && frees.get() == 0 && resource.refCnt() == 1
                    && Boolean.FALSE.equals(released.value());
            boolean releaseFirst = retainRefused && frees.get() == 1 && resource.refCnt() == 0
                    && Boolean.TRUE.equals(released.value());
            if (!retainFirst && !releaseFirst) {
                throw new AssertionError("one thread released the last reference while another retained the resource:"
                        + " the retain " + (retainRefused ? "was refused" : "succeeded") + ", release() returned "
                        + released.value() + ", the free action ran " + CountedCheck.times(frees.get())
                        + " and the count is " + resource.refCnt() + ". Expected either (retain first) a successful"
                        + " retain, no free and a count of 1, or (release first) one free, a refused retain and a"
                        + " count of 0. "
                        + (!retainRefused && frees.get() > 0
                                ? "The retainer now owns a freed resource: it checked that the count was above 0,"
                                        + " the last owner freed it, and then it added 1 to 0. The check and the"
                                        + " increment must be one atomic step (compare-and-set)"
                                : "A change of the count was lost: the read and the write must be one atomic step"));
            }
        }
    }

    /**
     * A caller's bug: two threads both think they hold the last reference, and release at once.
     * Exactly one release may free; the other must be refused, and the count must not go below 0.
     */
    static void twoLastReleasesAtOnce(Class<? extends RefCounted> answer) {
        Class<? extends RefCounted> copy = Instrumented.copyOf(answer, RefCounted.class);
        for (boolean swap : new boolean[] {false, true}) {
            AtomicInteger frees = new AtomicInteger();
            RefCounted resource = CountedCheck.create(copy, frees);
            List<Turns.Result> results = together(swap, "owner 1", release(resource), "owner 2", release(resource));
            long refused = results.stream().filter(r -> r.threw(IllegalStateException.class)).count();
            results.stream().filter(r -> !r.threw(IllegalStateException.class))
                    .forEach(r -> rethrowUnexpected(List.of(r)));
            if (frees.get() != 1 || refused != 1 || resource.refCnt() != 0) {
                throw new AssertionError("two threads released a resource with 1 owner at the same moment (one"
                        + " release too many): the free action ran " + CountedCheck.times(frees.get()) + ", "
                        + refused + " of the 2 release() calls were refused and the count is " + resource.refCnt()
                        + " (expected once, 1 and 0). "
                        + (frees.get() > 1
                                ? "A double free: both releases decided to free. Only the release whose own atomic"
                                        + " step took the count from 1 to 0 may free"
                                : "Both threads saw a count of 1 before either changed it, so the extra release"
                                        + " went unnoticed. Check the count and change it in one atomic step"));
            }
        }
    }

    // ---- helpers ----

    private static List<Turns.Result> together(boolean swap, String firstName, Callable<?> first,
                                               String secondName, Callable<?> second) {
        if (!swap) {
            return Turns.inTurns(firstName + " (first)", first, secondName + " (second)", second);
        }
        List<Turns.Result> swapped = Turns.inTurns(secondName + " (first)", second, firstName + " (second)", first);
        return List.of(swapped.get(1), swapped.get(0)); // back in the caller's order
    }

    private static Callable<Object> retain(RefCounted resource) {
        return () -> {
            resource.retain();
            return null;
        };
    }

    private static Callable<Object> release(RefCounted resource) {
        return resource::release;
    }

    /** A task that threw something the scenario did not allow is a failure of its own. */
    private static void rethrowUnexpected(List<Turns.Result> results) {
        for (Turns.Result result : results) {
            if (result.error() instanceof AssertionError assertion) {
                throw assertion;
            }
            if (result.error() instanceof LinkageError linkage) {
                throw new AssertionError("the test could not run its copy of your class: " + linkage + ". It loads"
                        + " a copy of the class under test (and the classes nested in it) in a class loader of its"
                        + " own; keep your answer inside that one file, and make anything it uses from outside"
                        + " public", linkage);
            }
            if (result.error() != null) {
                throw new AssertionError("a thread's call threw " + result.error()
                        + " where no error was expected: a change of the count by another thread was lost or seen"
                        + " half done. Check the count and change it in one atomic step", result.error());
            }
        }
    }
}
