package course.gil.exercises;

import course.gil.RefCount;
import java.util.concurrent.Callable;

/**
 * The checks of exercise gil.atomic-count, for any {@link RefCount} class with a no-argument
 * constructor: the learner's {@code AtomicRefCount} and the answers in {@code RefCountCheckIT}.
 *
 * <p>Without a GIL, two threads change one count at the same moment. On this machine such races
 * are rare and unpredictable, so the check does not wait for them: it runs two threads in
 * {@link Lockstep} on a {@link PausingCopy} of the answer, alternating at every read or write of
 * the count. A count changed in two steps (read, then write; or change, then test for zero) is
 * broken on every run; a count changed in one atomic step, or under a lock, cannot be.
 */
final class RefCountCheck {

    private RefCountCheck() {
    }

    static void all(Class<? extends RefCount> answer) {
        countsAlone(answer);
        twoIncrementsAtOnce(answer);
        twoDecrementsAtOnce(answer);
        lastTwoDecrementsAtOnce(answer);
    }

    /** One thread: a new count is 1, goes up and down, and says "free it" when it reaches 0. */
    static void countsAlone(Class<? extends RefCount> answer) {
        RefCount count = create(answer);
        expect(count.get() == 1, "a new count reads " + count.get() + ": a new object has one reference, its creator's");
        count.increment();
        expect(count.get() == 2, "after one increment() the count reads " + count.get() + ", not 2");
        expect(!count.decrement(), "decrement() from 2 to 1 returned true: the object would be freed while a"
                + " reference to it is still in use");
        expect(count.get() == 1, "after increment() and decrement() the count reads " + count.get() + ", not 1");
        expect(count.decrement(), "decrement() from 1 to 0 returned false: the last reference is gone and the"
                + " object is never freed");
        expect(count.get() == 0, "after the last decrement() the count reads " + count.get() + ", not 0");
    }

    // tag::two-increments[]
    /** Two threads take a reference to an object at the same moment: the count must go from 1 to 3. */
    static void twoIncrementsAtOnce(Class<? extends RefCount> answer) {
        RefCount count = create(PausingCopy.of(answer, RefCount.class));
        Lockstep.Outcome<Boolean> outcome = Lockstep.run(increment(count), increment(count));
        rethrow(outcome);
        if (count.get() != 3) {
            throw new AssertionError("two threads took a reference to an object with one reference at the same"
                    + " moment, and the count is " + count.get() + ", not 3: both read 1 and both wrote 2. The"
                    + " count is now lower than the number of references, so it reaches zero while a reference"
                    + " is still in use, and the object is freed under it. Make the change one atomic step");
        }
    }
    // end::two-increments[]

    /** Two threads each drop one of three references: nothing is freed, and the count ends at 1. */
    static void twoDecrementsAtOnce(Class<? extends RefCount> answer) {
        RefCount count = create(PausingCopy.of(answer, RefCount.class));
        count.increment();
        count.increment(); // three references: the creator's and one per thread
        Lockstep.Outcome<Boolean> outcome = Lockstep.run(count::decrement, count::decrement);
        rethrow(outcome);
        boolean freed = outcome.first() || outcome.second();
        if (freed || count.get() != 1) {
            throw new AssertionError("two threads each dropped one of an object's three references at the same"
                    + " moment: the count is " + count.get() + (freed ? " and a decrement() returned true" : "")
                    + " (expected 1, and no free). " + (freed
                            ? "The object would be freed while its creator still holds a reference"
                            : "Both read 3 and both wrote 2: one decrement was lost, and when the creator drops"
                                    + " its reference the count will stop at 1: the object is never freed (a leak)"));
        }
    }

    // tag::last-two[]
    /** Two threads drop the last two references at the same moment: exactly one frees the object. */
    static void lastTwoDecrementsAtOnce(Class<? extends RefCount> answer) {
        RefCount count = create(PausingCopy.of(answer, RefCount.class));
        count.increment(); // two references: one per thread
        Lockstep.Outcome<Boolean> outcome = Lockstep.run(count::decrement, count::decrement);
        rethrow(outcome);
        int frees = (outcome.first() ? 1 : 0) + (outcome.second() ? 1 : 0);
        if (frees != 1) {
            throw new AssertionError("two threads dropped the last two references to an object at the same"
                    + " moment, and " + (frees == 0
                            ? "neither decrement() returned true (the count is " + count.get() + "): the"
                                    + " object is never freed"
                            : "both decrement() calls returned true: the object is freed twice")
                    + ". The change and the test for zero must be one step: decide on the value your own"
                    + " decrement produced, not on a second read that sees the other thread's decrement too");
        }
    }
    // end::last-two[]

    private static Callable<Boolean> increment(RefCount count) {
        return () -> {
            count.increment();
            return false;
        };
    }

    private static void rethrow(Lockstep.Outcome<?> outcome) {
        if (outcome.error() instanceof AssertionError assertion) {
            throw assertion;
        }
        if (outcome.error() != null) {
            throw new AssertionError("a thread threw " + outcome.error(), outcome.error());
        }
    }

    private static void expect(boolean condition, String otherwise) {
        if (!condition) {
            throw new AssertionError(otherwise);
        }
    }

    static RefCount create(Class<? extends RefCount> answer) {
        try {
            return answer.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create a " + answer.getSimpleName(), e);
        }
    }
}
