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
        freeActionsAsCallersWriteThem(answer);
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

    /**
     * Free actions as callers write them: one that throws (the pool it gives the memory back to is
     * closed), and one shared by two resources (a pool's giveBack, kept in a field). The resource
     * whose count reached 0 is freed, once, whatever its free action did; another resource with
     * the same free action is not.
     */
    static void freeActionsAsCallersWriteThem(Class<? extends RefCounted> answer) {
        freedEvenIfTheFreeActionThrows(answer);
        aSharedFreeActionFreesOnlyItsResource(answer);
    }

    private static void freedEvenIfTheFreeActionThrows(Class<? extends RefCounted> answer) {
        AtomicInteger runs = new AtomicInteger();
        RefCounted resource = create(answer, () -> {
            runs.incrementAndGet();
            throw new java.io.UncheckedIOException(new java.io.IOException("the pool is closed"));
        });
        resource.retain();
        expect(resource.release(), false, "release() from 2 owners to 1");
        call(resource::release); // the free action's exception may come through, or be caught: either will do
        String after = "a resource after its last owner's release(), whose free action threw an UncheckedIOException";
        expectCount(resource, 0, after + " (the count reached 0, so it is freed, whatever the free action did:"
                + " take the count to 0 before you run the free action)");
        Throwable thrown = call(resource::release);
        if (runs.get() != 1) {
            throw new AssertionError("the free action ran " + times(runs.get()) + " by the time of one release() too"
                    + " many, after the first run threw: a double free. The count reached 0 at the first run, so"
                    + " the resource was freed then, whatever the free action did");
        }
        expectIllegalState(thrown, "release() after the last owner's release(), whose free action threw", resource,
                "the resource was freed when its count reached 0, though its free action threw. Refuse to release at 0");
    }

    private static void aSharedFreeActionFreesOnlyItsResource(Class<? extends RefCounted> answer) {
        AtomicInteger runs = new AtomicInteger();
        Runnable giveBack = runs::incrementAndGet;
        RefCounted a = create(answer, giveBack);
        RefCounted b = create(answer, giveBack);
        expect(a.release(), true, "release() of the last owner of resource A");
        Throwable thrown = call(b::retain);
        if (thrown != null || b.refCnt() != 2) {
            throw new AssertionError("resources A and B were made with one free action (a pool's giveBack, say); once"
                    + " A was freed, B.retain() " + (thrown == null ? "returned" : "threw " + thrown) + " and"
                    + " B.refCnt() is " + b.refCnt() + ", expected 2: B still had its owner, and each resource has its"
                    + " own count and its own \"freed\", whoever else shares its free action", thrown);
        }
        expect(b.release(), false, "release() of resource B from 2 owners to 1");
        expect(b.release(), true, "release() of the last owner of resource B");
        if (runs.get() != 2) {
            throw new AssertionError("the free action that resources A and B share ran " + times(runs.get())
                    + " when each had been freed once, expected twice");
        }
    }

    /** How many sequences of calls {@link #followsTheRulesInAnyOrder} plays, and how long the longest is. */
    static final int SEQUENCES = 300;
    static final int LONGEST = 400;

    /**
     * First {@link #countsEveryOwner}; then many sequences of retains and releases, of every length
     * (some climb to hundreds of owners, all go on after the free), each on a resource A while a
     * second resource B, made at the same time, gets calls of its own in between: after every call,
     * what it did (returned, returned true, was refused with an IllegalStateException), the count
     * and the number of frees of each resource must be what the rules give for that resource alone.
     * The sequences are the same on every run.
     */
    static void followsTheRulesInAnyOrder(Class<? extends RefCounted> answer) {
        countsEveryOwner(answer);
        Random random = new Random(20_240_601L);
        Random other = new Random(20_240_602L); // B's calls: A's sequences stay what they were
        for (int sequence = 0; sequence < SEQUENCES; sequence++) {
            int length = sequence % 10 == 9 ? LONGEST : 1 + random.nextInt(24);
            double retainShare = sequence % 10 == 9 ? 0.75 : 0.5;
            Played a = new Played("resource A", answer);
            Played b = new Played("resource B", answer);
            for (int step = 0; step < length; step++) {
                a.play(random.nextDouble() < retainShare, b);
                if (other.nextInt(3) == 0) {
                    b.play(other.nextBoolean(), a);
                }
            }
        }
    }

    /** How many retains {@link #countsEveryOwner} makes: more than a short or a char can count. */
    static final int MANY_OWNERS = 100_000;

    /**
     * {@value #MANY_OWNERS} retains, then as many releases and the last owner's: the count follows
     * every one, and only the last release frees.
     */
    static void countsEveryOwner(Class<? extends RefCounted> answer) {
        AtomicInteger frees = new AtomicInteger();
        RefCounted resource = create(answer, frees);
        String however = " (count every owner, however many: a byte wraps at 128, a short at 32,768, a char at 65,536)";
        for (int owners = 2; owners <= MANY_OWNERS + 1; owners++) {
            Throwable thrown = call(resource::retain);
            if (thrown != null) {
                throw new AssertionError("retain() of a resource with " + (owners - 1) + " owners threw " + thrown
                        + however, thrown);
            }
            if (resource.refCnt() != owners) {
                expectCount(resource, owners, "a new resource after " + (owners - 1) + " retain()s" + however);
            }
        }
        for (int owners = MANY_OWNERS + 1; owners > 1; owners--) {
            if (resource.release()) {
                throw new AssertionError("release() from " + owners + " owners to " + (owners - 1) + " returned true:"
                        + " it freed the resource while " + (owners - 1) + " owners still hold it");
            }
        }
        expectFrees(frees, 0, "while the resource still had owners (" + MANY_OWNERS + " retains, as many releases)");
        expect(resource.release(), true, "release() of the last of " + (MANY_OWNERS + 1) + " owners");
        expectFrees(frees, 1, "after the last of " + (MANY_OWNERS + 1) + " owners released");
    }

    /** One resource of a sequence: the answer's, and what the rules say it must be. */
    private static final class Played {
        private final String name;
        private final AtomicInteger frees = new AtomicInteger();
        private final RefCounted resource;
        private final List<String> calls = new ArrayList<>();
        private int count = 1;     // what the rules say
        private int freesDue;

        Played(String name, Class<? extends RefCounted> answer) {
            this.name = name;
            this.resource = create(answer, frees);
        }

        void play(boolean retain, Played other) {
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
                throw new AssertionError("after the calls " + lastCalls(calls) + " on a new " + name + ", the last "
                        + calls.get(calls.size() - 1) + " " + did + ", refCnt() is " + resource.refCnt()
                        + " and its free action ran " + times(frees.get()) + "; the rules say: " + expected
                        + ", a count of " + count + " and " + times(freesDue) + ". " + ruleBroken(did, expected, count)
                        + (other.calls.isEmpty() ? "" : ". Meanwhile " + other.name + ", made at the same time, had "
                        + other.calls.size() + " calls of its own: each resource has its own count and its own free"
                        + " action, whatever is done to another"));
            }
        }
    }

    /** What one call did, in the words of the rules. */
    private static String did(java.util.function.BooleanSupplier call) {
        try {
            return "returned " + call.getAsBoolean();
        } catch (IllegalStateException refused) {
            return "refused";
        } catch (RuntimeException | AssertionError other) { // an assert in the answer throws an AssertionError
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
        } catch (RuntimeException | AssertionError e) { // an assert in the answer throws an AssertionError
            return e;
        }
    }

    private static void expectIllegalState(Throwable thrown, String what, RefCounted resource, String why) {
        if (thrown == null) {
            throw new AssertionError(what + " returned normally and the count is now " + resource.refCnt()
                    + ": " + why + " with an IllegalStateException");
        }
        if (thrown instanceof AssertionError) {
            throw new AssertionError(what + " threw " + thrown + " (an assert?); expected an IllegalStateException."
                    + " Assertions are off unless the JVM runs with -ea, as production code usually does not: there"
                    + " the call would go through. Throw the exception yourself");
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
