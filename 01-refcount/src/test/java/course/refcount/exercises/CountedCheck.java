package course.refcount.exercises;

import course.refcount.RefCounted;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one-thread checks of exercise refcount.release (and the first checks of refcount.threads),
 * for any {@link RefCounted} class with a {@code (Runnable free)} constructor. The free action
 * is the test's: it counts how often it runs, so "exactly once" is checked exactly.
 */
final class CountedCheck {

    private CountedCheck() {
    }

    /** All checks, in the order a learner meets them. */
    static void all(Class<? extends RefCounted> answer) {
        countsOwners(answer);
        freesOnceAtZero(answer);
        refusesRetainAfterFree(answer);
        refusesReleaseAfterFree(answer);
    }

    /** A new resource has one owner; retain adds one, release removes one. */
    static void countsOwners(Class<? extends RefCounted> answer) {
        AtomicInteger frees = new AtomicInteger();
        RefCounted resource = create(answer, frees);
        expectCount(resource, 1, "a new resource (its creator is its one owner)");
        resource.retain();
        expectCount(resource, 2, "after one retain()");
        resource.retain();
        expectCount(resource, 3, "after two retain()s");
        expect(resource.release(), false, "release() from 3 owners to 2 (it did not free the resource)");
        expectCount(resource, 2, "after retain(), retain(), release()");
        expectFrees(frees, 0, "while the resource still has owners");
    }

    // tag::frees-once[]
    /** The release that takes the count to zero frees the resource, once; the others do not. */
    static void freesOnceAtZero(Class<? extends RefCounted> answer) {
        AtomicInteger frees = new AtomicInteger();
        RefCounted resource = create(answer, frees);
        resource.retain();
        expect(resource.release(), false, "release() from 2 owners to 1");
        expectFrees(frees, 0, "after release() from 2 owners to 1");
        expect(resource.release(), true, "release() of the last owner");
        expectFrees(frees, 1, "after the last owner's release()");
        expectCount(resource, 0, "a freed resource");
    }
    // end::frees-once[]

    /** A freed resource cannot be retained: retain() throws and changes nothing. */
    static void refusesRetainAfterFree(Class<? extends RefCounted> answer) {
        AtomicInteger frees = new AtomicInteger();
        RefCounted resource = create(answer, frees);
        resource.release();
        Throwable thrown = call(resource::retain);
        expectIllegalState(thrown, "retain() on a freed resource", resource,
                "a freed resource came back to life: its memory is already back in the pool, and the new"
                        + " owner now uses memory that someone else may be given. Refuse to retain at 0");
        expectCount(resource, 0, "after a refused retain() of a freed resource (a refusal changes nothing)");
        expectFrees(frees, 1, "after a refused retain() of a freed resource");
    }

    /** A freed resource cannot be released again: release() throws, frees nothing and stays at 0. */
    static void refusesReleaseAfterFree(Class<? extends RefCounted> answer) {
        AtomicInteger frees = new AtomicInteger();
        RefCounted resource = create(answer, frees);
        resource.release();
        Throwable thrown = call(resource::release);
        if (frees.get() > 1) {
            throw new AssertionError("release() on a freed resource ran the free action again (" + frees.get()
                    + " times in all): a double free gives the same memory back to the pool twice, and two later"
                    + " owners get it at once. Refuse to release at 0");
        }
        expectIllegalState(thrown, "release() on a freed resource", resource,
                "the count went below zero, and the caller's bug (one release too many) went unnoticed."
                        + " Refuse to release at 0");
        expectCount(resource, 0, "after a refused release() of a freed resource (a refusal changes nothing)");
    }

    // ---- helpers, shared with SharedCheck ----

    static RefCounted create(Class<? extends RefCounted> answer, AtomicInteger frees) {
        try {
            var constructor = answer.getDeclaredConstructor(Runnable.class);
            constructor.setAccessible(true);
            return constructor.newInstance((Runnable) frees::incrementAndGet);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create a " + answer.getName() + "(Runnable free)", e);
        }
    }

    private static Throwable call(Runnable action) {
        try {
            action.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static void expectIllegalState(Throwable thrown, String what, RefCounted resource, String why) {
        if (thrown == null) {
            throw new AssertionError(what + " returned normally and the count is now " + resource.refCnt()
                    + ": " + why + " with an IllegalStateException");
        }
        if (!(thrown instanceof IllegalStateException)) {
            throw new AssertionError(what + " threw " + thrown + "; expected an IllegalStateException (it is the"
                    + " state of the resource, freed, that makes the call wrong)");
        }
        if (thrown.getMessage() == null || thrown.getMessage().isBlank()) {
            throw new AssertionError(what + " threw an IllegalStateException with no message: say what went"
                    + " wrong (for example \"retain() on a freed resource\"), so the caller knows where to look");
        }
    }

    static void expectCount(RefCounted resource, int expected, String when) {
        int count = resource.refCnt();
        if (count != expected) {
            throw new AssertionError("refCnt() of " + when + " is " + count + ", expected " + expected);
        }
    }

    private static void expectFrees(AtomicInteger frees, int expected, String when) {
        if (frees.get() != expected) {
            throw new AssertionError("the free action ran " + times(frees.get()) + " " + when + ", expected "
                    + times(expected));
        }
    }

    private static void expect(boolean actual, boolean expected, String what) {
        if (actual != expected) {
            throw new AssertionError(what + " returned " + actual + ", expected " + expected
                    + " (release() says whether this call freed the resource)");
        }
    }

    static String times(int n) {
        return n == 1 ? "once" : n + " times";
    }
}
