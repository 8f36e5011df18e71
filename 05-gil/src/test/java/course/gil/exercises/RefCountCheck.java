package course.gil.exercises;

import course.gil.RefCount;
import course.kit.Interleavings;
import java.util.List;
import org.jetbrains.lincheck.datastructures.Operation;

/**
 * The checks of exercise gil.atomic-count, for any {@link RefCount} class with a no-argument
 * constructor: the learner's {@code AtomicRefCount} and the answers in {@code RefCountCheckIT}.
 *
 * <p>Without a GIL, two threads change one count at the same moment. On this machine such races
 * are rare and unpredictable, so the check does not wait for them: a model checker
 * ({@link Interleavings}) runs the calls in every interleaving it can make of their reads, writes,
 * atomic steps and lock operations, and each outcome (what each decrement returned, the count
 * after) must be one the same calls give one at a time. A count changed in two steps (read, then
 * write; or change, then test for zero) breaks in some interleaving, and the check shows which.
 */
final class RefCountCheck {

    private RefCountCheck() {
    }

    static void all(Class<? extends RefCount> answer) {
        countsAlone(answer);
        changesAtOnce(answer);
        changesOvertakenAtEveryStep(answer);
        creatorAndAnotherDropTheLastTwo(answer);
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

    // tag::last-two[]
    /**
     * References taken and dropped at once, each scenario in every interleaving the model checker
     * can make: the calls made first, by each thread at once, and then. Each scenario has its own
     * promise, which a failure quotes.
     */
    static void changesAtOnce(Class<? extends RefCount> answer) {
        explore(answer)
                .together(List.of("increment", "increment"), "get")
                .saying("two references taken at once to an object with one must both count (3): a lost increment"
                        + " frees the object while a reference to it is still in use")
                .scenario(List.of("increment", "increment"), List.of(List.of("decrement"), List.of("decrement")),
                        List.of("get"))
                .saying("two of an object's three references dropped at once must both count (1 left) and free"
                        + " nothing: a lost decrement means the object is never freed")
                .scenario(List.of("increment"), List.of(List.of("decrement"), List.of("decrement")), List.of("get"))
                .saying("the last two references dropped at once must free the object exactly once: only the"
                        + " decrement whose own step took the count to 0 returns true")
                .scenario(List.of("increment"),
                        List.of(List.of("increment", "decrement"), List.of("increment", "decrement")), List.of("get"))
                .saying("references taken and dropped on two threads at once must all count, and free nothing while"
                        + " one is left")
                .check("increments and decrements made at once must do what the same calls do one at a time");
    }
    // end::last-two[]

    static final int RIVAL_STEPS = 24;

    // tag::rivals[]
    /**
     * The creating thread takes two references and drops one while other threads take and drop
     * references in between its steps, at each of its first {@link #RIVAL_STEPS} shared accesses
     * ({@link RivalProbe}): a reference taken at odd steps, one dropped at even steps, with one more
     * reference held throughout so that none of these drops is the last. (Three calls, not two:
     * a change that goes wrong one way when it starts at an odd step and the other way at an even
     * one must not be undone by the next call.) However often it is
     * overtaken, every change must count. A CAS loop retries until it wins; one that gives up
     * after a few tries, or falls back to a plain write, loses changes; one that computes its new
     * value from a second read writes a sum that another thread's take-and-drop (the same value
     * seen twice) hid from its compare. A rival waiting for a lock the creator holds is given time
     * to give up: a timed wait that then changes the count without the lock loses changes too.
     * (The model checker tries a hundred interleavings of a few calls: too few rivals.)
     */
    static void changesOvertakenAtEveryStep(Class<? extends RefCount> answer) {
        RivalProbe.Outcome outcome = RivalProbe.run(answer, List.of(RivalProbe.Call.INCREMENT),
                List.of(RivalProbe.Call.INCREMENT, RivalProbe.Call.INCREMENT, RivalProbe.Call.DECREMENT),
                RivalProbe.upTo(RIVAL_STEPS), step -> step % 2 == 1 ? RivalProbe.Call.INCREMENT : RivalProbe.Call.DECREMENT);
        long taken = outcome.rivalResults().stream().filter(java.util.Objects::isNull).count();
        long dropped = outcome.rivalResults().size() - taken;
        long expected = 3 + taken - dropped;
        boolean freed = Boolean.TRUE.equals(outcome.creatorResults().get(2))
                || outcome.rivalResults().contains(Boolean.TRUE);
        if (outcome.count() != expected || freed) {
            throw new AssertionError("one thread took two references and dropped one, to an object with two, while other"
                    + " threads took " + taken + " and dropped " + dropped + " references between its steps: the"
                    + " count ended at " + outcome.count() + ", not " + expected
                    + (freed ? ", and a decrement() returned true (freed an object still in use)" : "")
                    + ". A change overtaken by another must be tried again until it is made as one step, on the"
                    + " value it compares: a retry loop that gives up, falls back to a plain write, or computes"
                    + " from a second read, or a lock wait that gives up and changes the count anyway, loses"
                    + " changes");
        }
    }

    /**
     * The thread that created the object and another drop the last two references at once, the
     * other's decrement made at each step of the creator's in turn: exactly one must free. A
     * count that favours its creator (a plain field for the owner, an atomic for the rest) must
     * still make the test for zero one step with the change.
     */
    static void creatorAndAnotherDropTheLastTwo(Class<? extends RefCount> answer) {
        for (int step = 1; ; step++) {
            RivalProbe.Outcome outcome = RivalProbe.run(answer, List.of(RivalProbe.Call.INCREMENT),
                    List.of(RivalProbe.Call.DECREMENT), RivalProbe.only(step), rivalStep -> RivalProbe.Call.DECREMENT);
            if (outcome.rivalResults().isEmpty()) {
                return; // the creator's decrement() makes fewer accesses than that
            }
            long frees = java.util.stream.Stream.concat(outcome.creatorResults().stream(),
                    outcome.rivalResults().stream()).filter(Boolean.TRUE::equals).count();
            if (frees != 1 || outcome.count() != 0) {
                throw new AssertionError("the creator of an object and another thread dropped its last two references"
                        + " at once (the other's decrement() made after the creator's access number " + step
                        + "): " + frees + " of the two decrements returned true and the count ended at "
                        + outcome.count() + (frees == 0 ? " (a leak)" : frees > 1 ? " (a double free)" : "")
                        + ". Whichever thread made the object, the change and the test for zero must be one step");
            }
        }
    }
    // end::rivals[]

    private static Interleavings explore(Class<? extends RefCount> answer) {
        return Interleavings.of(OnOneObject.class, OneAtATime.class, answer);
    }

    /** The calls the model checker makes, on a fresh count of the answer's class (one reference). */
    public static final class OnOneObject {
        private final RefCount count = create(Interleavings.answer(RefCount.class));

        @Operation
        public void increment() {
            count.increment();
        }

        @Operation
        public boolean decrement() {
            return count.decrement();
        }

        @Operation
        public long get() {
            return count.get();
        }
    }

    /** What the same calls do one at a time. */
    public static final class OneAtATime {
        private long count = 1;

        public void increment() {
            count++;
        }

        public boolean decrement() {
            return --count == 0;
        }

        public long get() {
            return count;
        }
    }

    private static void expect(boolean condition, String otherwise) {
        if (!condition) {
            throw new AssertionError(otherwise);
        }
    }

    static RefCount create(Class<? extends RefCount> answer) {
        try {
            var constructor = answer.getDeclaredConstructor();
            constructor.setAccessible(true); // the model checker's model may be in another class loader than the answer
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create a " + answer.getSimpleName(), e);
        }
    }
}
