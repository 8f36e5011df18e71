package course.refcount.exercises;

import course.refcount.RefCounted;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one-thread checks of exercise refcount.release (and the first checks of refcount.threads),
 * for any {@link RefCounted} class with a {@code (Runnable free)} constructor. The free action
 * is the test's: it counts how often it runs, so "exactly once" is checked exactly. After the
 * named scenes, {@link #followsTheRulesInAnyOrder} plays many sequences of calls, short and
 * long, and compares every call with what the rules say it must do.
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
        followsTheRulesInAnyOrder(answer);
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

    /** How many sequences of calls {@link #followsTheRulesInAnyOrder} plays, and how long the longest is. */
    static final int SEQUENCES = 300;
    static final int LONGEST = 400;

    /**
     * Many sequences of retains and releases, of every length (some climb to hundreds of owners,
     * all go on after the free): after every call, what it did (returned, returned true, was
     * refused with an IllegalStateException), the count and the number of frees must be what the
     * rules give. The sequences are the same on every run.
     */
    static void followsTheRulesInAnyOrder(Class<? extends RefCounted> answer) {
        Random random = new Random(20_240_601L);
        for (int sequence = 0; sequence < SEQUENCES; sequence++) {
            int length = sequence % 10 == 9 ? LONGEST : 1 + random.nextInt(24);
            double retainShare = sequence % 10 == 9 ? 0.75 : 0.5;
            playOneSequence(answer, random, length, retainShare);
        }
    }

    private static void playOneSequence(Class<? extends RefCounted> answer, Random random, int length,
                                        double retainShare) {
        AtomicInteger frees = new AtomicInteger();
        RefCounted resource = create(answer, frees);
        int count = 1;     // what the rules say
        int freesDue = 0;
        List<String> calls = new ArrayList<>();
        for (int step = 0; step < length; step++) {
            boolean retain = random.nextDouble() < retainShare;
            calls.add(retain ? "retain()" : "release()");
            String expected;
            if (count == 0) {
                expected = "refused";
            } else if (retain) {
                count++;
                expected = "returned";
            } else {
                count--;
                freesDue += count == 0 ? 1 : 0;
                expected = count == 0 ? "returned true" : "returned false";
            }
            String did = retain ? did(resource::retain) : did(resource::release);
            if (!did.equals(expected) || resource.refCnt() != count || frees.get() != freesDue) {
                throw new AssertionError("after the calls " + lastCalls(calls) + " on a new resource, the last "
                        + calls.get(calls.size() - 1) + " " + did + ", refCnt() is " + resource.refCnt()
                        + " and the free action ran " + times(frees.get()) + "; the rules say: " + expected
                        + ", a count of " + count + " and " + times(freesDue) + ". " + ruleBroken(did, expected, count));
            }
        }
    }

    /** What one call did, in the words of the rules. */
    private static String did(java.util.function.BooleanSupplier call) {
        try {
            return "returned " + call.getAsBoolean();
        } catch (IllegalStateException refused) {
            return "refused";
        } catch (RuntimeException other) {
            return "threw " + other;
        }
    }

    private static String did(Runnable call) {
        return did(() -> {
            call.run();
            return true;
        }).replace("returned true", "returned");
    }

    private static String ruleBroken(String did, String expected, int count) {
        if (expected.equals("refused")) {
            return (did.equals("refused") ? "A refusal changes nothing. " : "") + "A freed resource stays"
                    + " freed: every later retain() and release() must throw an IllegalStateException and change"
                    + " nothing";
        }
        if (did.equals("refused")) {
            return "The resource still had owners, so the call had to go through";
        }
        return "Count every retain() and release(), however many owners there are (" + count + " here), and"
                + " free exactly when the count reaches 0";
    }

    private static String lastCalls(List<String> calls) {
        int shown = 12;
        String last = String.join(", ", calls.subList(Math.max(0, calls.size() - shown), calls.size()));
        return calls.size() <= shown ? last : "(" + (calls.size() - shown) + " calls), " + last;
    }

    // ---- helpers, shared with SharedCheck ----

    static RefCounted create(Class<? extends RefCounted> answer, AtomicInteger frees) {
        return create(answer, (Runnable) frees::incrementAndGet);
    }

    static RefCounted create(Class<? extends RefCounted> answer, Runnable free) {
        try {
            var constructor = answer.getDeclaredConstructor(Runnable.class);
            constructor.setAccessible(true); // the model checker's model may be in another class loader than the answer
            return constructor.newInstance(free);
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
