package course.gil.exercises;

import course.gil.Gil;
import course.kit.Interleavings;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jetbrains.lincheck.datastructures.Operation;

/**
 * The checks of exercise gil.lock, for any {@link Gil} class with a {@code (Duration)} constructor
 * (the switch interval): the learner's {@code SwitchingGil}, and the answers in {@code GilCheckIT}.
 *
 * <p>Each check is a scene with two or three threads whose parts are scripted: the holder takes
 * the GIL, the waiter asks for it, and the check decides when the holder reaches its next
 * {@code checkpoint()}. The GIL's probes ({@code holder()}, {@code dropRequested()}) and the order
 * in which the parts come back show what the GIL did. Times are real, so the check only ever
 * asks for what a right answer does with a wide margin: "within a few intervals" means within
 * {@link #PATIENCE}, hundreds of intervals on this shared machine.
 */
final class GilCheck {

    static final Duration PATIENCE = Duration.ofMillis(250);
    static final Duration HANG_LIMIT = Duration.ofMillis(500);
    static final Duration LONG_INTERVAL = Duration.ofMillis(50);
    static final int JUDGING_ATTEMPTS = 5;
    static final Duration SHORT_INTERVAL = Duration.ofMillis(2);
    static final Duration TINY_INTERVAL = Duration.ofNanos(100_000);
    static final int HANDOVER_ROUNDS = 10;
    static final int THREADS = 3;
    static final Duration EXCLUSION_BUDGET = Duration.ofMillis(100);
    static final int EXPLORED_INTERLEAVINGS = 60; // a GIL's acquire() and release() take many steps each

    private GilCheck() {
    }

    /** All checks, in the order a learner meets them. */
    static void all(Class<? extends Gil> answer) {
        worksAlone(answer);
        asksAfterOneInterval(answer);
        waiterGetsItWithinAFewIntervals(answer);
        handsOverBeforeTakingItBack(answer);
        clearsTheDropRequest(answer);
        oneThreadAtATime(answer);
    }

    /** One thread: takes it, keeps it through checkpoints nobody asked for, gives it up, takes it again. */
    static void worksAlone(Class<? extends Gil> answer) {
        Gil gil = create(answer, Duration.ofMillis(1));
        try (Actors actors = new Actors()) {
            actors.start("interpreter", () -> {
                Thread me = Thread.currentThread();
                expect(gil.holder() == null, "a new GIL says " + name(gil.holder()) + " holds it");
                gil.acquire();
                expect(gil.holder() == me, "after acquire() returned, holder() says " + name(gil.holder())
                        + ", not the thread that took the GIL");
                for (int i = 0; i < 3; i++) {
                    TimeUnit.MILLISECONDS.sleep(2); // intervals pass, but nobody waits
                    gil.checkpoint();
                    expect(gil.holder() == me, "checkpoint() with nobody waiting gave the GIL away (holder() says "
                            + name(gil.holder()) + "): with no waiter, the holder keeps it");
                }
                expect(!gil.dropRequested(), "with nobody waiting, dropRequested() is true");
                gil.release();
                expect(gil.holder() == null, "after release(), holder() says " + name(gil.holder()));
                gil.acquire();
                gil.release();
            });
            actors.finish(HANG_LIMIT, "one thread alone called acquire(), checkpoint() three times,"
                    + " release(), acquire() and release(), and did not get through");
        }
    }

    // tag::asks-after-one-interval[]
    /** A waiter asks the holder to drop the GIL once it has waited one switch interval, not before. */
    static void asksAfterOneInterval(Class<? extends Gil> answer) {
        for (int attempt = 1; attempt <= JUDGING_ATTEMPTS; attempt++) {
            if (askedInTime(answer)) {
                return;
            }
        }
        // every attempt, this thread was kept off the CPU while the waiter began to wait: no verdict
    }

    /**
     * One holder, one waiter. True if the check saw no request during the first 90% of the
     * waiter's interval and a request after it; false if it could not look during that time.
     */
    private static boolean askedInTime(Class<? extends Gil> answer) {
        Gil gil = create(answer, LONG_INTERVAL);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        AtomicLong waiterCalledAt = new AtomicLong();
        long early = LONG_INTERVAL.toNanos() * 9 / 10;
        long[] lookedLate = {0}; // the last time, after half an interval, that the check saw no request
        long[] firstSeen = {0};
        boolean asked;
        try (Actors actors = new Actors()) {
            actors.start("holder", () -> {
                gil.acquire();
                holding.countDown();
                letGo.await();
                gil.release();
            });
            await(holding, "the holder never got the GIL");
            Thread waiter = actors.start("waiter", () -> {
                waiterCalledAt.set(System.nanoTime());
                gil.acquire();
                gil.release();
            });
            asked = Actors.withinWhileStuck(PATIENCE, () -> {
                long before = System.nanoTime();
                boolean requested = gil.dropRequested();
                long after = System.nanoTime();
                long calledAt = waiterCalledAt.get();
                if (calledAt == 0) {
                    return false;
                }
                if (requested) {
                    firstSeen[0] = after - calledAt;  // the request was made before this moment
                } else if (before - calledAt >= early / 2 && before - calledAt < early) {
                    lookedLate[0] = before - calledAt; // and had not been made by this one
                }
                return requested;
            }, waiter);
            letGo.countDown();
            actors.finish(HANG_LIMIT, "the holder released the GIL and the waiter should have taken it");
        }
        if (!asked) {
            throw neverAsked(LONG_INTERVAL);
        }
        if (firstSeen[0] < early) {
            throw new AssertionError(String.format("the waiter asked the holder to drop the GIL %.1f ms after it"
                    + " called acquire(), before one switch interval (%d ms) had passed: a waiter waits a whole"
                    + " interval first, or the holder is made to switch after almost every instruction",
                    firstSeen[0] / 1e6, LONG_INTERVAL.toMillis()));
        }
        return lookedLate[0] != 0;
    }
    // end::asks-after-one-interval[]

    /** A holder that runs instruction after instruction lets a waiter in within a few intervals. */
    static void waiterGetsItWithinAFewIntervals(Class<? extends Gil> answer) {
        Gil gil = create(answer, SHORT_INTERVAL);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong checkpoints = new AtomicLong();
        AtomicLong askedAt = new AtomicLong(); // checkpoints at which the holder found a drop request
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch waiterHasIt = new CountDownLatch(1);
        boolean got;
        try (Actors actors = new Actors()) {
            Thread holder = actors.start("holder", () -> {
                gil.acquire();
                holding.countDown();
                while (!stop.get()) { // a CPU-bound thread: instruction after instruction
                    if (gil.dropRequested()) {
                        askedAt.incrementAndGet(); // seen where it counts: by the holder, before its checkpoint
                    }
                    gil.checkpoint();
                    checkpoints.incrementAndGet();
                }
                gil.release();
            });
            await(holding, "the holder never got the GIL");
            actors.start("waiter", () -> {
                gil.acquire();
                waiterHasIt.countDown();
                gil.release();
            });
            got = Actors.whileRunning(holder, PATIENCE, () -> waiterHasIt.getCount() == 0);
            stop.set(true);
            actors.finish(HANG_LIMIT, "the holder was told to stop and release the GIL");
        }
        if (!got) {
            throw new AssertionError(String.format("starvation: the holder ran on for %d ms of CPU time (%d switch"
                    + " intervals of %d ms) through %,d checkpoints, and the waiter never got the GIL. %s",
                    PATIENCE.toMillis(), PATIENCE.toMillis() / SHORT_INTERVAL.toMillis(), SHORT_INTERVAL.toMillis(),
                    checkpoints.get(), askedAt.get() > 0
                            ? String.format("The waiter did ask (the holder found dropRequested() true at %,d"
                                    + " checkpoints), but never got the GIL: when asked, the holder must drop it,"
                                    + " and must not take it straight back before the waiter has had it.",
                                    askedAt.get())
                            : "Nobody asked the holder to let go (dropRequested() stayed false): a waiter must ask"
                                    + " once it has waited one interval."));
        }
    }

    /** Asked to drop the GIL, the holder lets the waiter have it before it takes it back. */
    static void handsOverBeforeTakingItBack(Class<? extends Gil> answer) {
        for (int round = 1; round <= HANDOVER_ROUNDS; round++) {
            handOverOnce(answer, round);
        }
        handsOverToASlowWaiter(answer);
        aWaiterThatLeftIsNotWaitedFor(answer);
    }

    /**
     * The waiter asks, and is then interrupted: it leaves acquire(). The holder's next
     * checkpoint() finds the request, but nobody waits any more: it must come back, holding the
     * GIL, not wait for a switch to a thread that is gone (a count of waiters not put right when
     * one leaves, or no count at all, waits for ever).
     */
    private static void aWaiterThatLeftIsNotWaitedFor(Class<? extends Gil> answer) {
        Gil gil = create(answer, SHORT_INTERVAL);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch go = new CountDownLatch(1);
        AtomicBoolean holderBack = new AtomicBoolean();
        AtomicReference<Thread> holdsAfterCheckpoint = new AtomicReference<>();
        AtomicBoolean takenFromTheHolder = new AtomicBoolean();
        boolean asked;
        boolean back;
        try (Actors actors = new Actors()) {
            Thread holder = actors.start("holder", () -> {
                gil.acquire();
                holding.countDown();
                go.await();
                gil.checkpoint(); // the waiter asked, and has left since
                holderBack.set(true);
                holdsAfterCheckpoint.set(gil.holder());
                if (gil.holder() == Thread.currentThread()) {
                    try {
                        gil.release();
                    } catch (IllegalStateException e) {
                        takenFromTheHolder.set(true); // between its look and its release, another thread took it
                    }
                }
            });
            await(holding, "the holder never got the GIL");
            Thread waiter = actors.start("waiter", () -> {
                gil.acquire(); // interrupted: the InterruptedException ends the part
                gil.release();
            });
            asked = Actors.withinWhileStuck(PATIENCE, gil::dropRequested, waiter);
            waiter.interrupt();
            Actors.within(PATIENCE, () -> !waiter.isAlive()); // a waiter whose acquire() cannot be interrupted stays
            go.countDown();
            back = Actors.within(PATIENCE, holderBack::get, holder);
            if (!asked) {
                actors.interruptAll();
                throw neverAsked(SHORT_INTERVAL);
            }
            if (!back) {
                actors.interruptAll();
                throw new AssertionError("a waiter asked for the GIL and was then interrupted, leaving acquire();"
                        + " the holder's next checkpoint() dropped the GIL"
                        + " and had not come back " + PATIENCE.toMillis() + " ms later: it waited for a switch to a"
                        + " thread that no longer waits. A waiter that leaves acquire() (by an exception too) must"
                        + " stop counting as waiting, and wake a holder waiting for the switch");
            }
            actors.finish(HANG_LIMIT, "the holder reached a checkpoint after the waiter that had asked was"
                    + " interrupted");
        }
        if (takenFromTheHolder.get()) {
            throw new AssertionError("two threads inside the interpreter at once: a waiter asked for the GIL and"
                    + " took it while the holder still held it (the holder's release() found another holder). A"
                    + " waiter asks, then goes on waiting for as long as it takes");
        }
        if (holdsAfterCheckpoint.get() == null || !holdsAfterCheckpoint.get().getName().equals("holder")) {
            throw new AssertionError("after its checkpoint() returned, the holder did not hold the GIL (holder() says "
                    + name(holdsAfterCheckpoint.get()) + "): the waiter that had asked had left, and the holder must"
                    + " take the GIL back");
        }
    }

    static final Duration SLOW_WAKE_UP = Duration.ofMillis(40); // 20 switch intervals

    // tag::slow-waiter[]
    /**
     * The waiter that asked is slow to wake: its thread must wait for a CPU (here, a virtual
     * thread whose carriers the check keeps busy for {@link #SLOW_WAKE_UP}, as a loaded machine
     * would). The holder that dropped the GIL must wait until the waiter has taken it, however
     * long that takes: a holder that waits only so long takes it straight back.
     */
    private static void handsOverToASlowWaiter(Class<? extends Gil> answer) {
        Gil gil = create(answer, SHORT_INTERVAL);
        AtomicInteger order = new AtomicInteger();
        AtomicInteger holderBack = new AtomicInteger();
        AtomicInteger waiterTook = new AtomicInteger();
        AtomicBoolean carriersFree = new AtomicBoolean();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch go = new CountDownLatch(1);
        int carriers = Integer.getInteger("jdk.virtualThreadScheduler.parallelism",
                Runtime.getRuntime().availableProcessors());
        CountDownLatch carriersBusy = new CountDownLatch(carriers);
        Thread waiter = null;
        boolean asked;
        try (Actors actors = new Actors()) {
            actors.start("holder", () -> {
                gil.acquire();
                holding.countDown();
                go.await();
                gil.checkpoint(); // the waiter has asked: hand over, then take it back
                holderBack.set(order.incrementAndGet());
                if (gil.holder() == Thread.currentThread()) {
                    gil.release();
                }
            });
            await(holding, "the holder never got the GIL");
            waiter = Thread.ofVirtual().name("waiter").start(() -> {
                try {
                    gil.acquire();
                    waiterTook.set(order.incrementAndGet());
                    gil.release();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            asked = Actors.within(PATIENCE, gil::dropRequested);
            long busyUntil = System.nanoTime() + PATIENCE.toNanos();
            for (int c = 0; c < carriers; c++) {
                Thread.ofVirtual().name("busy-" + c).start(() -> {
                    carriersBusy.countDown();
                    while (!carriersFree.get() && System.nanoTime() < busyUntil) {
                        Thread.onSpinWait(); // a CPU-bound virtual thread keeps its carrier
                    }
                });
            }
            Actors.within(PATIENCE, () -> carriersBusy.getCount() == 0);
            go.countDown();
            Actors.within(SLOW_WAKE_UP, () -> holderBack.get() != 0);
            carriersFree.set(true);
            Actors.within(HANG_LIMIT, () -> waiterTook.get() != 0);
            actors.finish(HANG_LIMIT, "the holder reached a checkpoint after a waiter that is slow to wake asked for"
                    + " the GIL");
        } finally {
            carriersFree.set(true);
        }
        if (!asked) {
            throw neverAsked(SHORT_INTERVAL);
        }
        if (holderBack.get() != 0 && holderBack.get() < waiterTook.get()) {
            throw new AssertionError("the holder dropped the GIL on request and took it back before the waiter,"
                    + " which had asked but was slow to wake (its thread waited " + SLOW_WAKE_UP.toMillis() + " ms"
                    + " for a CPU), ever got it: the holder waited for the switch only so long. After dropping the"
                    + " GIL, wait until another thread has taken it, however long that takes");
        }
    }
    // end::slow-waiter[]

    // tag::hand-over[]
    private static void handOverOnce(Class<? extends Gil> answer, int round) {
        Gil gil = create(answer, SHORT_INTERVAL);
        AtomicInteger order = new AtomicInteger();       // numbers the two events below, in the order they happen
        AtomicInteger holderBack = new AtomicInteger();  // when the holder's checkpoint() returned
        AtomicInteger waiterTook = new AtomicInteger();  // when the waiter's acquire() returned
        AtomicReference<Thread> holdsAfterCheckpoint = new AtomicReference<>();
        AtomicReference<Thread> holdsAfterAcquire = new AtomicReference<>();
        AtomicBoolean holderBackWhileWaiterHeld = new AtomicBoolean();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch go = new CountDownLatch(1);
        boolean asked;
        Thread waiterThread;
        try (Actors actors = new Actors()) {
            Thread holder = actors.start("holder", () -> {
                gil.acquire();
                holding.countDown();
                go.await();
                gil.checkpoint(); // the waiter has asked: hand over, then take it back
                holderBack.set(order.incrementAndGet());
                holdsAfterCheckpoint.set(gil.holder());
                if (gil.holder() == Thread.currentThread()) {
                    gil.release();
                }
            });
            await(holding, "the holder never got the GIL");
            waiterThread = actors.start("waiter", () -> {
                gil.acquire();
                waiterTook.set(order.incrementAndGet());
                holdsAfterAcquire.set(gil.holder());
                // keep the GIL until the holder waits for it (or came back, which it must not do now)
                Actors.within(Duration.ofMillis(50), () -> holderBack.get() != 0 || Actors.isBlocked(holder));
                holderBackWhileWaiterHeld.set(holderBack.get() > waiterTook.get());
                gil.release();
            });
            asked = Actors.withinWhileStuck(PATIENCE, gil::dropRequested, waiterThread);
            go.countDown();
            actors.finish(HANG_LIMIT, "round " + round + ": the holder reached a checkpoint after the waiter"
                    + " asked for the GIL");
        }
        if (!asked) {
            throw neverAsked(SHORT_INTERVAL);
        }
        if (holdsAfterAcquire.get() != waiterThread) {
            throw new AssertionError("after the waiter's acquire() returned, holder() says "
                    + name(holdsAfterAcquire.get()) + ", not the waiter");
        }
        if (holderBackWhileWaiterHeld.get()) {
            throw new AssertionError("two threads inside the interpreter at once: the holder's checkpoint()"
                    + " returned while the waiter held the GIL. After dropping the GIL, checkpoint() must take it"
                    + " back (wait in acquire()) before it returns");
        }
        if (!"holder".equals(name(holdsAfterCheckpoint.get()))) {
            throw new AssertionError("after its checkpoint() returned, the holder did not hold the GIL (holder()"
                    + " says " + name(holdsAfterCheckpoint.get()) + "): checkpoint() gave the GIL up and never took"
                    + " it back, so the holder's next instructions ran without it, next to another thread's");
        }
        if (holderBack.get() < waiterTook.get()) {
            throw new AssertionError("round " + round + ": the holder dropped the GIL on request and took it"
                    + " straight back: its checkpoint() returned before the waiter, which had asked, ever got the"
                    + " GIL. The waiter wakes to find it taken again and waits another interval, and another."
                    + " After dropping it, the holder must wait until another thread has taken it (CPython's"
                    + " forced switching)");
        }
    }
    // end::hand-over[]

    /** Taking the GIL answers the drop request: no request is left over for the next holder. */
    static void clearsTheDropRequest(Class<? extends Gil> answer) {
        clearedAfterRelease(answer);
        for (int attempt = 1; !clearedAfterSwitch(answer); attempt++) {
            if (attempt == 3) {
                throw new AssertionError("could not judge: three times the waiter was held up for a whole interval"
                        + " between taking the GIL and looking at the request (is the machine very busy?)");
            }
        }
    }

    static final int ASKING_INTERVALS = 10;

    /**
     * The holder asked to drop it keeps it {@link #ASKING_INTERVALS} more intervals (the waiter
     * may ask again and again), then releases it for good; the waiter takes it; nobody else waits.
     */
    private static void clearedAfterRelease(Class<? extends Gil> answer) {
        Gil gil = create(answer, SHORT_INTERVAL);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch go = new CountDownLatch(1);
        AtomicBoolean staleAfterTaking = new AtomicBoolean();
        AtomicBoolean checkpointsReturned = new AtomicBoolean();
        AtomicBoolean takenFromTheHolder = new AtomicBoolean();
        boolean asked;
        boolean returned;
        try (Actors actors = new Actors()) {
            actors.start("holder", () -> {
                gil.acquire();
                holding.countDown();
                go.await();
                try {
                    gil.release(); // the holder ends: the GIL is free for the waiter
                } catch (IllegalStateException e) {
                    takenFromTheHolder.set(true); // the waiter took it meanwhile
                }
            });
            await(holding, "the holder never got the GIL");
            Thread waiter = actors.start("waiter", () -> {
                gil.acquire();
                staleAfterTaking.set(gil.dropRequested());
                for (int i = 0; i < 3; i++) {
                    gil.checkpoint(); // nobody waits now: each must return at once
                }
                checkpointsReturned.set(true);
                gil.release();
            });
            asked = Actors.withinWhileStuck(PATIENCE, gil::dropRequested, waiter);
            letTimePass(SHORT_INTERVAL.multipliedBy(ASKING_INTERVALS)); // intervals must pass: no latch for that
            go.countDown();
            returned = Actors.withinWhileStuck(PATIENCE, checkpointsReturned::get, waiter);
            if (!returned) {
                actors.interruptAll();
            }
            actors.finish(HANG_LIMIT, "the waiter took the GIL and called checkpoint() with nobody waiting");
        }
        if (!asked) {
            throw neverAsked(SHORT_INTERVAL);
        }
        if (takenFromTheHolder.get()) {
            throw new AssertionError("two threads inside the interpreter at once: the waiter took the GIL while the"
                    + " holder still held it (the holder kept it " + ASKING_INTERVALS + " intervals with no"
                    + " checkpoint, and its release() found another holder). A waiter asks, then goes on waiting"
                    + " for as long as it takes");
        }
        if (staleAfterTaking.get() || !returned) {
            throw new AssertionError("a drop request was never cleared: the waiter took the GIL the holder had"
                    + " released, and its own request was still set (dropRequested() is true) with nobody else"
                    + " waiting (it had waited " + ASKING_INTERVALS + " intervals, and may have asked as often). "
                    + (returned ? "" : "Its checkpoint() then gave the GIL up for nobody and waited"
                    + " for a switch that never comes. ") + "Taking the GIL answers the request, however often it"
                    + " was made: clear it then");
        }
    }

    /** The holder hands over through checkpoint(); right after the switch, no request may be open. */
    private static boolean clearedAfterSwitch(Class<? extends Gil> answer) {
        Gil gil = create(answer, LONG_INTERVAL);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch go = new CountDownLatch(1);
        AtomicLong droppedAt = new AtomicLong();
        AtomicBoolean staleAfterTaking = new AtomicBoolean();
        AtomicLong lookedAfterNanos = new AtomicLong();
        boolean asked;
        try (Actors actors = new Actors()) {
            actors.start("holder", () -> {
                gil.acquire();
                holding.countDown();
                go.await();
                droppedAt.set(System.nanoTime());
                gil.checkpoint();
                gil.release();
            });
            await(holding, "the holder never got the GIL");
            Thread waiter = actors.start("waiter", () -> {
                gil.acquire();
                staleAfterTaking.set(gil.dropRequested());
                lookedAfterNanos.set(System.nanoTime() - droppedAt.get());
                gil.release();
            });
            asked = Actors.withinWhileStuck(PATIENCE, gil::dropRequested, waiter);
            go.countDown();
            actors.finish(HANG_LIMIT, "the holder reached a checkpoint after the waiter asked for the GIL");
        }
        if (!asked) {
            throw neverAsked(LONG_INTERVAL);
        }
        if (!staleAfterTaking.get()) {
            return true;
        }
        if (lookedAfterNanos.get() >= LONG_INTERVAL.toNanos() * 8 / 10) {
            return false; // the holder, waiting again, may rightly have asked by now: cannot judge
        }
        throw new AssertionError(String.format("a drop request was never cleared: %.1f ms after the holder"
                + " handed the GIL over in checkpoint(), the waiter held it and dropRequested() was still true,"
                + " though nobody could have waited a whole interval (%d ms) since. The next checkpoint() would"
                + " drop the GIL again at once: taking the GIL answers the request, so clear it then",
                lookedAfterNanos.get() / 1e6, LONG_INTERVAL.toMillis()));
    }

    /** Never two threads inside at once: explored on a free GIL, held long, then three threads taking turns. */
    static void oneThreadAtATime(Class<? extends Gil> answer) {
        twoTakeAFreeGilAtOnce(answer);
        aHolderKeepsItHoweverLong(answer);
        threeTakeTurns(answer);
    }

    static final int HELD_INTERVALS = 20;
    static final Duration VERY_LONG_INTERVAL = Duration.ofSeconds(5);

    /**
     * A holder that reaches no checkpoint (a long native call) keeps the GIL, however many
     * intervals the waiter waits: the waiter asks, and goes on waiting, never giving up. Once the
     * holder releases it, the waiter has it at once.
     */
    static void aHolderKeepsItHoweverLong(Class<? extends Gil> answer) {
        Gil gil = create(answer, SHORT_INTERVAL);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        AtomicBoolean waiterIn = new AtomicBoolean();
        AtomicBoolean inWhileHeld = new AtomicBoolean();
        boolean got;
        try (Actors actors = new Actors()) {
            actors.start("holder", () -> {
                gil.acquire();
                holding.countDown();
                letGo.await(); // no checkpoint: a long call that keeps the GIL
                inWhileHeld.set(waiterIn.get());
                if (gil.holder() == Thread.currentThread()) {
                    gil.release();
                }
            });
            await(holding, "the holder never got the GIL");
            Thread waiter = actors.start("waiter", () -> {
                gil.acquire();
                waiterIn.set(true);
                gil.release();
            });
            long heldFor = SHORT_INTERVAL.toNanos() * HELD_INTERVALS;
            long start = System.nanoTime();
            Actors.within(PATIENCE, () -> waiterIn.get() || System.nanoTime() - start > heldFor, waiter);
            letGo.countDown();
            got = Actors.within(PATIENCE, waiterIn::get, waiter);
            actors.finish(HANG_LIMIT, "the holder released the GIL it had kept through " + HELD_INTERVALS
                    + " switch intervals");
        }
        if (inWhileHeld.get()) {
            throw new AssertionError("two threads inside the interpreter at once: the waiter's acquire() returned"
                    + " while the holder still held the GIL (it was in a long call, with no checkpoint, for "
                    + HELD_INTERVALS + " switch intervals). A waiter asks, then goes on waiting for as long as it"
                    + " takes: a wait that gives up and takes the GIL anyway lets two threads in");
        }
        if (!got) {
            throw new AssertionError("the holder released the GIL, and the waiter had not taken it "
                    + PATIENCE.toMillis() + " ms later");
        }
        aReleasedGilIsTakenAtOnce(answer);
    }

    /**
     * With a switch interval of seconds, a waiter still takes a released GIL at once: release()
     * wakes it. A waiter that only finds out at the end of its interval (a wake-up never sent, or
     * a poll that sleeps an interval at a time) keeps the interpreter idle meanwhile.
     */
    private static void aReleasedGilIsTakenAtOnce(Class<? extends Gil> answer) {
        Gil gil = create(answer, VERY_LONG_INTERVAL);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        AtomicBoolean waiterIn = new AtomicBoolean();
        boolean got;
        try (Actors actors = new Actors()) {
            actors.start("holder", () -> {
                gil.acquire();
                holding.countDown();
                letGo.await();
                gil.release();
            });
            await(holding, "the holder never got the GIL");
            Thread waiter = actors.start("waiter", () -> {
                gil.acquire();
                waiterIn.set(true);
                gil.release();
            });
            Actors.within(PATIENCE, () -> Actors.isBlocked(waiter), waiter); // the waiter waits inside acquire()
            letGo.countDown();
            got = Actors.within(PATIENCE, waiterIn::get, waiter);
            if (!got) {
                actors.interruptAll();
            }
            actors.finish(HANG_LIMIT, "the holder released the GIL while the waiter waited");
        }
        if (!got) {
            throw new AssertionError("a lost wake-up: the holder released the GIL, and the waiter, parked in acquire(),"
                    + " had not taken it " + PATIENCE.toMillis() + " ms later (the switch interval was "
                    + VERY_LONG_INTERVAL.toSeconds() + " s). release() must wake a waiter (signal the condition it"
                    + " waits on); a waiter that only looks again at the end of its interval, or polls with long"
                    + " sleeps, leaves the interpreter idle");
        }
    }

    // tag::two-at-once[]
    /**
     * Two threads take and give up a free GIL at once, in every interleaving a model checker
     * ({@link Interleavings}) can make of their reads, writes, atomic steps and lock operations:
     * each must be alone inside, and holder() must name it, whichever order their steps take.
     */
    static void twoTakeAFreeGilAtOnce(Class<? extends Gil> answer) {
        String promise = "two threads inside the interpreter at once would break every reference count: a thread"
                + " whose acquire() returned must be the only one inside, and holder() must name it";
        explore(answer).together(List.of("enterAndLeave", "enterAndLeave")).check(promise);
    }

    /**
     * Waits that end by time (a switch interval) are not something the model checker models: it
     * may see a timed wait return at once, again and again. So it judges who was inside; whether
     * the threads get through is judged with real threads ({@link #threeTakeTurns}).
     */
    private static Interleavings explore(Class<? extends Gil> answer) {
        return Interleavings.of(OnOneGil.class, OneAtATime.class, answer).hangsNotJudged().atMost(EXPLORED_INTERLEAVINGS);
    }

    /** The calls the model checker makes, on a fresh GIL of the answer's class (a long switch interval). */
    public static final class OnOneGil {
        private final Gil gil = create(Interleavings.answer(Gil.class), LONG_INTERVAL);
        private int inside;

        /** Takes the GIL, looks around (an instruction), gives it up; says what it saw inside. */
        @Operation
        public String enterAndLeave() throws InterruptedException {
            gil.acquire();
            inside++;
            String saw = inside > 1 ? "another thread inside"
                    : gil.holder() != Thread.currentThread() ? "holder() named " + name(gil.holder())
                    : "alone, the holder";
            inside--;
            gil.release();
            return saw;
        }
    }

    /** What the same calls do one at a time: each thread is alone inside, and the holder. */
    public static final class OneAtATime {
        public String enterAndLeave() {
            return "alone, the holder";
        }
    }
    // end::two-at-once[]

    // tag::one-at-a-time[]
    /** Three threads take, offer and give up the GIL in a loop: never two inside at once. */
    static void threeTakeTurns(Class<? extends Gil> answer) {
        Gil gil = create(answer, TINY_INTERVAL); // many switches, both ways: release() and requests
        AtomicInteger inside = new AtomicInteger();
        AtomicReference<String> violation = new AtomicReference<>();
        long end = System.nanoTime() + EXCLUSION_BUDGET.toNanos();
        AssertionError stuck = null;
        try (Actors actors = new Actors()) {
            for (int t = 0; t < THREADS; t++) {
                actors.start("interpreter-" + (char) ('A' + t), () -> {
                    while (System.nanoTime() < end && violation.get() == null) {
                        gil.acquire();
                        enter(gil, inside, violation, "acquire()");
                        for (int i = 0; i < 20; i++) {
                            Thread.onSpinWait(); // an instruction
                            inside.decrementAndGet();
                            gil.checkpoint();
                            enter(gil, inside, violation, "checkpoint()");
                        }
                        inside.decrementAndGet();
                        gil.release();
                    }
                });
            }
            try {
                actors.finish(EXCLUSION_BUDGET.plus(HANG_LIMIT), THREADS + " threads took turns with"
                        + " acquire(), checkpoint() and release()");
            } catch (AssertionError e) {
                stuck = e;
            }
        }
        if (violation.get() != null) {
            throw new AssertionError(violation.get());
        }
        if (stuck != null) {
            throw stuck;
        }
    }

    private static void enter(Gil gil, AtomicInteger inside, AtomicReference<String> violation, String after) {
        int now = inside.incrementAndGet();
        Thread holder = gil.holder();
        if (now > 1) {
            violation.compareAndSet(null, "two threads inside the interpreter at once: " + now + " threads ran"
                    + " instructions together (" + Thread.currentThread().getName() + " had just returned from "
                    + after + "). The GIL must let exactly one thread in: taking it must be one step that"
                    + " no other thread can split");
        } else if (holder != Thread.currentThread()) {
            violation.compareAndSet(null, "after " + after + " returned, holder() says " + name(holder) + ", not "
                    + Thread.currentThread().getName());
        }
    }
    // end::one-at-a-time[]

    private static AssertionError neverAsked(Duration interval) {
        return new AssertionError(String.format("the waiter waited %d ms (%d switch intervals of %d ms) for the GIL"
                + " and never asked the holder to drop it: dropRequested() stayed false. A waiter must set the"
                + " drop request once it has waited one switch interval; otherwise a thread running a long loop"
                + " keeps the GIL until it ends", PATIENCE.toMillis(), PATIENCE.toMillis() / interval.toMillis(),
                interval.toMillis()));
    }

    private static void letTimePass(Duration time) {
        long end = System.nanoTime() + time.toNanos();
        for (long left = time.toNanos(); left > 0; left = end - System.nanoTime()) {
            java.util.concurrent.locks.LockSupport.parkNanos(left);
        }
    }

    private static void expect(boolean condition, String otherwise) {
        if (!condition) {
            throw new AssertionError(otherwise);
        }
    }

    private static String name(Thread thread) {
        return thread == null ? "nobody" : thread.getName();
    }

    private static void await(CountDownLatch latch, String otherwise) {
        if (!Actors.within(HANG_LIMIT, () -> latch.getCount() == 0)) {
            throw new AssertionError(otherwise + " within " + HANG_LIMIT.toMillis() + " ms");
        }
    }

    static Gil create(Class<? extends Gil> answer, Duration switchInterval) {
        try {
            var constructor = answer.getDeclaredConstructor(Duration.class);
            constructor.setAccessible(true); // the model checker's model may be in another class loader than the answer
            return constructor.newInstance(switchInterval);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create a " + answer.getSimpleName() + "(Duration)", e);
        }
    }
}
