package course.locks.exercises;

import course.kit.StuckThreads;
import course.kit.Workers;
import course.locks.BlockingBuffer;
import course.locks.Shelf;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The checks of exercise locks.buffer, for any {@link BlockingBuffer} class with a
 * {@code (Shelf)} constructor. They use a {@link WatchedShelf} and arrange, step by step, the
 * situations a buffer must survive: a woken taker whose item was taken by another thread
 * before it had the lock back (two takers woken for one item; a stolen wake-up), and takers
 * and putters waiting at the same time (where waking the wrong kind of waiter loses the
 * wake-up). Each is set up so that a wrong answer fails on every run. The one thing a check
 * cannot arrange is which thread a monitor lets in first, a woken one or one queued for it;
 * where that decides, the situation is built so that both orders fail a wrong answer, or, for
 * notify(), so that the JDK's monitors (21 and 25, measured in {@code BufferCheckIT}) lose
 * the wake-up.
 */
final class BufferCheck {

    static final Duration HANG_LIMIT = Duration.ofSeconds(3);
    /** A thread that stays parked this long, with nothing else left to happen, is waiting for ever. */
    static final long STALL_NANOS = 750_000_000L;
    /** ... and was seen so at this many looks at least (a check that was itself not running saw nothing). */
    static final int STALL_LOOKS = 100;
    private static final long KEPT_OUT_NANOS = 20_000_000L;
    /**
     * A taker that has not looked at the shelf since a put, and stayed parked this long after
     * the other taker ended, was not woken (a woken one is let in as soon as the lock is free;
     * this leaves it time to be scheduled on a busy machine).
     */
    private static final long NOT_WOKEN_NANOS = 300_000_000L;
    /** More CPU time than any thread needs to reach its wait: it spins. */
    private static final long SPIN_CPU_NANOS = 150_000_000L;
    /** How long a thread that waits with a timeout is watched, to see whether it gives up or polls. */
    static final long GIVE_UP_NANOS = 1_000_000_000L;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private BufferCheck() {
    }

    static void all(Class<? extends BlockingBuffer<String>> answer) {
        worksAlone(answer);
        takerWaitsForAnItem(answer);
        putterWaitsForRoom(answer);
        oneThreadAtATime(answer);
        wokenTakerChecksAgain(answer);
        noWakeUpIsLost(answer);
        everyChangeWakesAWaiter(answer);
        waitingTakerCanBeInterrupted(answer);
        waitingPutterCanBeInterrupted(answer);
        servesTheItemsAlreadyOnTheShelf(answer);
    }

    /** One thread: items come out in the order they went in. */
    static void worksAlone(Class<? extends BlockingBuffer<String>> answer) {
        WatchedShelf shelf = new WatchedShelf(2);
        BlockingBuffer<String> buffer = create(answer, shelf);
        run(() -> buffer.put("a"), "put(\"a\") on an empty buffer of 2");
        run(() -> buffer.put("b"), "put(\"b\") on a buffer holding 1 of 2");
        String first = call(buffer::take, "take()");
        String second = call(buffer::take, "take()");
        if (!"a".equals(first) || !"b".equals(second)) {
            throw new AssertionError("put(\"a\"), put(\"b\"), take(), take() gave " + first + ", " + second
                    + " (expected a, b: first in, first out)");
        }
        failOnViolation(shelf, "on one thread");
    }

    /** take() on an empty buffer waits, and the next put() wakes it. */
    static void takerWaitsForAnItem(Class<? extends BlockingBuffer<String>> answer) {
        WatchedShelf shelf = new WatchedShelf(1);
        BlockingBuffer<String> buffer = create(answer, shelf);
        AtomicReference<Object> got = new AtomicReference<>();
        try (Workers workers = Workers.named("taker")) {
            Thread taker = workers.start("taker", () -> got.set(outcomeOf(buffer::take)));
            awaitWaiting(taker, got, "take() on an empty buffer");
            expectAsleepUntilWoken(taker, got, "take() on an empty buffer");
            run(() -> buffer.put("x"), "put(\"x\") while a taker waits");
            if (!endsOnceWoken(taker)) {
                throw new AssertionError("a taker waited on an empty buffer, put(\"x\") added an item, and the taker"
                        + " went on waiting: nothing woke it. After adding, signal the condition takers wait on.\n"
                        + StuckThreads.describe(taker));
            }
        }
        failOnViolation(shelf, "with one waiting taker");
        expectOutcome(got.get(), "x", "the taker that waited on an empty buffer, after put(\"x\"),");
    }

    /** put() on a full buffer waits, and the next take() wakes it. */
    static void putterWaitsForRoom(Class<? extends BlockingBuffer<String>> answer) {
        WatchedShelf shelf = new WatchedShelf(1);
        BlockingBuffer<String> buffer = create(answer, shelf);
        run(() -> buffer.put("a"), "put(\"a\") on an empty buffer of 1");
        AtomicReference<Object> done = new AtomicReference<>();
        try (Workers workers = Workers.named("putter")) {
            Thread putter = workers.start("putter", () -> done.set(outcomeOf(() -> {
                buffer.put("b");
                return "put";
            })));
            awaitWaiting(putter, done, "put(\"b\") on a full buffer");
            expectAsleepUntilWoken(putter, done, "put(\"b\") on a full buffer");
            String taken = call(buffer::take, "take() while a putter waits");
            if (!endsOnceWoken(putter)) {
                throw new AssertionError("a putter waited on a full buffer, take() made room, and the putter went"
                        + " on waiting: nothing woke it. After removing, signal the condition putters wait on.\n"
                        + StuckThreads.describe(putter));
            }
            expectOutcome(taken, "a", "take() on a full buffer holding \"a\"");
        }
        failOnViolation(shelf, "with one waiting putter");
        expectOutcome(done.get(), "put", "put(\"b\"), which waited for room,");
        String left = call(buffer::take, "take()");
        expectOutcome(left, "b", "take() after the waiting put(\"b\")");
    }

    /** Two putters, then two takers, at once: never two threads on the shelf together. */
    static void oneThreadAtATime(Class<? extends BlockingBuffer<String>> answer) {
        WatchedShelf shelf = new WatchedShelf(2);
        BlockingBuffer<String> buffer = create(answer, shelf);
        together(shelf, 2, "putter", i -> {
            buffer.put("item-" + (i + 1));
            return null;
        });
        failOnViolation(shelf, "two putters at once");
        List<Object> taken = together(shelf, 2, "taker", i -> buffer.take());
        failOnViolation(shelf, "two takers at once");
        if (!new TreeSet<>(taken.stream().map(String::valueOf).toList()).equals(Set.of("item-1", "item-2"))) {
            throw new AssertionError("two putters put item-1 and item-2, and two takers got " + taken);
        }
    }

    /**
     * A woken taker must look at the shelf again before it takes, in both situations where
     * what woke it is gone by the time it has the lock back: {@link #bothWokenOneItem} and
     * {@link #stolenWakeUp}.
     */
    static void wokenTakerChecksAgain(Class<? extends BlockingBuffer<String>> answer) {
        bothWokenOneItem(answer);
        stolenWakeUp(answer);
    }

    // tag::woken-together[]
    /**
     * Two takers wait on an empty buffer; one item comes. A buffer that wakes every taker
     * (signalAll(), notifyAll()) wakes both: one gets the item, and the other, whichever it is,
     * finds the shelf empty and must wait again. No order of the two can hide a missing look.
     */
    static void bothWokenOneItem(Class<? extends BlockingBuffer<String>> answer) {
        AtomicReference<Object> firstGot = new AtomicReference<>();
        AtomicReference<Object> secondGot = new AtomicReference<>();
        try (Workers workers = Workers.named("buffer")) {
            WatchedShelf shelf = new WatchedShelf(1);
            BlockingBuffer<String> buffer = create(answer, shelf);
            Thread first = workers.start("taker-1", () -> firstGot.set(outcomeOf(buffer::take)));
            awaitWaiting(first, firstGot, "take() on an empty buffer");
            Thread second = workers.start("taker-2", () -> secondGot.set(outcomeOf(buffer::take)));
            awaitWaiting(second, secondGot, "a second take() on an empty buffer");
            run(() -> buffer.put("first"), "put(\"first\") while two takers wait");
            awaitOneEndedAndTheOtherWaitingAgain(shelf, first, second);
            failOnTakeWithoutLooking(shelf, "put(\"first\") woke two waiting takers; one took the item, and the other");
            if (first.isAlive() || second.isAlive()) {
                run(() -> buffer.put("second"), "put(\"second\")");
            }
            awaitAllEnd(shelf, List.of(first, second), "two takers and two puts");
            failOnViolation(shelf, "with two takers woken by one put");
        }
        expectBoth(firstGot.get(), secondGot.get(), "first", "second", "the two takers");
    }
    // end::woken-together[]

    // tag::stolen-wake-up[]
    /**
     * A taker waits on an empty buffer. While a putter is inside put(), a second taker arrives
     * and queues for the lock, ahead of the first taker, who is only woken by the put. The
     * second taker gets the item; the first must look again and wait for the next one.
     * (A Condition queues the woken taker behind the second one on every JDK; a monitor
     * may let either in first, and then {@link #bothWokenOneItem} is the one that tells.)
     */
    static void stolenWakeUp(Class<? extends BlockingBuffer<String>> answer) {
        AtomicReference<Object> firstGot = new AtomicReference<>();
        AtomicReference<Object> secondGot = new AtomicReference<>();
        try (Workers workers = Workers.named("buffer")) {
            WatchedShelf shelf = new WatchedShelf(1);
            BlockingBuffer<String> buffer = create(answer, shelf);
            Thread first = workers.start("taker-1", () -> firstGot.set(outcomeOf(buffer::take)));
            awaitWaiting(first, firstGot, "take() on an empty buffer");
            Thread[] second = new Thread[1];
            shelf.duringFirstAdd(() -> {           // inside put(): the putter holds the buffer's lock
                second[0] = workers.start("taker-2", () -> secondGot.set(outcomeOf(buffer::take)));
                awaitKeptOut(second[0]);           // taker-2 now waits for the lock, ahead of taker-1
            });
            run(() -> buffer.put("first"), "put(\"first\") while a taker waits");
            awaitOneEndedAndTheOtherWaitingAgain(shelf, first, second[0]);
            if (first.isAlive() || second[0].isAlive()) {
                run(() -> buffer.put("second"), "put(\"second\")");
            }
            awaitAllEnd(shelf, List.of(first, second[0]), "two takers and two puts");
            failOnTakeWithoutLooking(shelf, "a taker was woken by put(\"first\"), but another taker took the item"
                    + " before the woken one had the lock back; the woken taker");
            failOnViolation(shelf, "with a taker that arrived while another was being woken");
        }
        expectBoth(firstGot.get(), secondGot.get(), "first", "second", "the two takers");
    }
    // end::stolen-wake-up[]

    // tag::lost-wake-up[]
    /**
     * Four takers wait on an empty buffer of one slot. While a putter is inside put("first"),
     * three more putters arrive and queue for the lock: they will find the buffer full and
     * wait, next to takers, so takers and putters wait at the same time. Every thread must
     * finish: a wake-up that goes to a waiter of the wrong kind is lost, and threads wait for ever.
     */
    static void noWakeUpIsLost(Class<? extends BlockingBuffer<String>> answer) {
        List<String> items = List.of("first", "second", "third", "fourth");
        List<AtomicReference<Object>> takersGot = items.stream().map(i -> new AtomicReference<>()).toList();
        List<AtomicReference<Object>> queuedDone = items.stream().skip(1).map(i -> new AtomicReference<>()).toList();
        try (Workers workers = Workers.named("buffer")) {
            WatchedShelf shelf = new WatchedShelf(1);
            BlockingBuffer<String> buffer = create(answer, shelf);
            List<Thread> all = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                AtomicReference<Object> got = takersGot.get(i);
                Thread taker = workers.start("taker-" + (i + 1), () -> got.set(outcomeOf(buffer::take)));
                awaitWaiting(taker, got, "take() number " + (i + 1) + " on an empty buffer");
                all.add(taker);
            }
            List<Thread> queued = new CopyOnWriteArrayList<>(); // filled by putter-1, inside the buffer
            shelf.duringFirstAdd(() -> {           // inside put("first"): putter-1 holds the buffer's lock
                for (int i = 1; i < items.size(); i++) {
                    String item = items.get(i);
                    AtomicReference<Object> done = queuedDone.get(i - 1);
                    Thread putter = workers.start("putter-" + (i + 1), () -> done.set(outcomeOf(() -> {
                        buffer.put(item);
                        return "put";
                    })));
                    awaitKeptOut(putter);          // queued for the lock, behind putter-1
                    queued.add(putter);
                }
            });
            all.add(workers.start("putter-1", () -> quietly(() -> buffer.put("first"))));
            awaitQueued(queued, items.size() - 1);
            all.addAll(queued);
            List<Thread> stuck = awaitAllEndOrStall(shelf, all);
            if (!stuck.isEmpty()) {
                String report = StuckThreads.describe(stuck);
                stuck.forEach(Thread::interrupt);
                throw new AssertionError("four takers waited on an empty buffer of one slot, then four putters came;"
                        + " " + stuck.size() + " threads now wait for ever, with nothing left to wake them: a wake-up"
                        + " went to a waiter of the wrong kind (a taker woken for room, or a putter for an item) and"
                        + " was lost. Give takers and putters a condition each, or wake all waiters (signalAll).\n"
                        + report);
            }
            failOnViolation(shelf, "with takers and putters waiting at once");
        }
        List<String> got = takersGot.stream().map(AtomicReference::get).map(String::valueOf).toList();
        if (!new TreeSet<>(got).equals(new TreeSet<>(items))) {
            throw new AssertionError("four putters put " + items + ", and the four takers got " + got);
        }
        for (int i = 1; i < items.size(); i++) {
            expectOutcome(queuedDone.get(i - 1).get(), "put", "put(\"" + items.get(i) + "\"), which waited for room,");
        }
    }
    // end::lost-wake-up[]

    // tag::every-change-wakes[]
    /**
     * Every put must wake a waiting taker, and every take a waiting putter, not only the one
     * that finds the shelf empty (or full). Two takers wait on an empty buffer of two slots;
     * while put("first") is inside, a second putter queues for the lock, so it puts "second"
     * before the woken taker has taken "first": the shelf is not empty at that put. Both
     * takers must get an item. Then the same with two putters waiting on a full buffer.
     */
    static void everyChangeWakesAWaiter(Class<? extends BlockingBuffer<String>> answer) {
        twoPutsForTwoWaitingTakers(answer);
        twoTakesForTwoWaitingPutters(answer);
    }

    private static void twoPutsForTwoWaitingTakers(Class<? extends BlockingBuffer<String>> answer) {
        List<AtomicReference<Object>> got = List.of(new AtomicReference<>(), new AtomicReference<>());
        try (Workers workers = Workers.named("buffer")) {
            WatchedShelf shelf = new WatchedShelf(2);
            BlockingBuffer<String> buffer = create(answer, shelf);
            List<Thread> all = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                AtomicReference<Object> mine = got.get(i);
                Thread taker = workers.start("taker-" + (i + 1), () -> mine.set(outcomeOf(buffer::take)));
                awaitWaiting(taker, mine, "take() number " + (i + 1) + " on an empty buffer");
                all.add(taker);
            }
            shelf.duringFirstAdd(() -> {           // inside put("first"): the putter holds the buffer's lock
                Thread second = workers.start("putter-2", () -> quietly(() -> buffer.put("second")));
                awaitKeptOut(second);              // queued for the lock, ahead of the taker put("first") wakes
                all.add(second);
            });
            run(() -> buffer.put("first"), "put(\"first\") while two takers wait");
            List<Thread> stuck = awaitAllEndOrStall(shelf, all);
            if (!stuck.isEmpty()) {
                String report = StuckThreads.describe(stuck);
                stuck.forEach(Thread::interrupt);
                throw new AssertionError("two takers waited on an empty buffer of two slots, then put(\"first\") and"
                        + " put(\"second\") came, the second while the shelf already held \"first\"; now the shelf"
                        + " holds " + shelf.contents() + " and " + stuck.size() + " thread(s) wait for ever: a put"
                        + " woke no waiting taker. Wake a taker after every put, not only after a put into an empty"
                        + " shelf.\n" + report);
            }
            failOnViolation(shelf, "with two takers and two puts");
        }
        expectBoth(got.get(0).get(), got.get(1).get(), "first", "second", "the two waiting takers");
    }

    private static void twoTakesForTwoWaitingPutters(Class<? extends BlockingBuffer<String>> answer) {
        List<AtomicReference<Object>> done = List.of(new AtomicReference<>(), new AtomicReference<>());
        try (Workers workers = Workers.named("buffer")) {
            WatchedShelf shelf = new WatchedShelf(2);
            BlockingBuffer<String> buffer = create(answer, shelf);
            run(() -> buffer.put("a"), "put(\"a\") on an empty buffer of 2");
            run(() -> buffer.put("b"), "put(\"b\") on a buffer holding 1 of 2");
            List<Thread> all = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                AtomicReference<Object> mine = done.get(i);
                String item = "c" + (i + 1);
                Thread putter = workers.start("putter-" + (i + 1), () -> mine.set(outcomeOf(() -> {
                    buffer.put(item);
                    return "put";
                })));
                awaitWaiting(putter, mine, "put(\"" + item + "\") number " + (i + 1) + " on a full buffer");
                all.add(putter);
            }
            shelf.duringNextRemove(() -> {        // inside the first take(): the taker holds the buffer's lock
                Thread second = workers.start("taker-2", () -> quietly(buffer::take));
                awaitKeptOut(second);              // queued for the lock, ahead of the putter the take wakes
                all.add(second);
            });
            String first = call(buffer::take, "take() while two putters wait");
            List<Thread> stuck = awaitAllEndOrStall(shelf, all);
            if (!stuck.isEmpty()) {
                String report = StuckThreads.describe(stuck);
                stuck.forEach(Thread::interrupt);
                throw new AssertionError("two putters waited on a full buffer of two slots, then two takes came, the"
                        + " second while the shelf already had room; now the shelf holds " + shelf.contents() + " and "
                        + stuck.size() + " thread(s) wait for ever: a take woke no waiting putter. Wake a putter"
                        + " after every take, not only after a take from a full shelf.\n" + report);
            }
            failOnViolation(shelf, "with two putters and two takes");
            expectOutcome(first, "a", "the first take() on a buffer holding [a, b]");
        }
        expectOutcome(done.get(0).get(), "put", "put(\"c1\"), which waited for room,");
        expectOutcome(done.get(1).get(), "put", "put(\"c2\"), which waited for room,");
    }
    // end::every-change-wakes[]

    /** A taker waiting on an empty buffer, interrupted, stops waiting with InterruptedException. */
    static void waitingTakerCanBeInterrupted(Class<? extends BlockingBuffer<String>> answer) {
        WatchedShelf shelf = new WatchedShelf(1);
        BlockingBuffer<String> buffer = create(answer, shelf);
        AtomicReference<Object> got = new AtomicReference<>();
        try (Workers workers = Workers.named("taker")) {
            Thread taker = workers.start("taker", () -> got.set(outcomeOf(buffer::take)));
            awaitWaiting(taker, got, "take() on an empty buffer");
            long waitsBefore = THREADS.getThreadInfo(taker.threadId()).getWaitedCount();
            taker.interrupt();
            if (!endsAfterInterrupt(taker, waitsBefore)) {
                String report = StuckThreads.describe(taker);
                run(() -> buffer.put("let it go"), "put()");
                throw new AssertionError("a taker waiting on an empty buffer was interrupted and went on waiting:"
                        + " use await() (which throws InterruptedException), not awaitUninterruptibly(), and do not"
                        + " catch the InterruptedException to wait again.\n" + report);
            }
        }
        if (!(got.get() instanceof InterruptedException)) {
            throw new AssertionError("a taker waiting on an empty buffer was interrupted; take() then "
                    + describe(got.get()) + " (expected InterruptedException)");
        }
    }

    /** A putter waiting on a full buffer, interrupted, stops waiting with InterruptedException, its item not added. */
    static void waitingPutterCanBeInterrupted(Class<? extends BlockingBuffer<String>> answer) {
        WatchedShelf shelf = new WatchedShelf(1);
        BlockingBuffer<String> buffer = create(answer, shelf);
        run(() -> buffer.put("a"), "put(\"a\") on an empty buffer of 1");
        AtomicReference<Object> done = new AtomicReference<>();
        try (Workers workers = Workers.named("putter")) {
            Thread putter = workers.start("putter", () -> done.set(outcomeOf(() -> {
                buffer.put("b");
                return "put";
            })));
            awaitWaiting(putter, done, "put(\"b\") on a full buffer");
            long waitsBefore = THREADS.getThreadInfo(putter.threadId()).getWaitedCount();
            putter.interrupt();
            if (!endsAfterInterrupt(putter, waitsBefore)) {
                String report = StuckThreads.describe(putter);
                quietly(buffer::take);
                throw new AssertionError("a putter waiting on a full buffer was interrupted and went on waiting:"
                        + " put() must stop waiting too when it is interrupted (await(), not"
                        + " awaitUninterruptibly(); the InterruptedException not caught to wait again).\n" + report);
            }
        }
        if (!(done.get() instanceof InterruptedException)) {
            throw new AssertionError("a putter waiting on a full buffer was interrupted; put(\"b\") then "
                    + describe(done.get()) + " (expected InterruptedException)");
        }
        expectOutcome(call(buffer::take, "take()"), "a", "take() after an interrupted put(\"b\"), on a buffer holding \"a\",");
        failOnViolation(shelf, "with an interrupted putter");
    }

    /**
     * A buffer made over a shelf that already holds items serves them: the shelf is where the
     * items are, so a buffer that keeps a count (or a copy) of its own, starting from nothing,
     * lets a putter add to a full shelf and makes a taker wait beside items.
     */
    static void servesTheItemsAlreadyOnTheShelf(Class<? extends BlockingBuffer<String>> answer) {
        WatchedShelf shelf = new WatchedShelf(2).holding("old-1", "old-2");
        BlockingBuffer<String> buffer = create(answer, shelf);
        String made = "a buffer made over a shelf that already held \"old-1\" and \"old-2\" (2 of 2)";
        AtomicReference<Object> done = new AtomicReference<>();
        AtomicReference<Object> got = new AtomicReference<>();
        try (Workers workers = Workers.named("shelf")) {
            Thread putter = workers.start("putter", () -> done.set(outcomeOf(() -> {
                buffer.put("new");
                return "put";
            })));
            try {
                awaitWaiting(putter, done, "put(\"new\") on " + made);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + ". The items on the shelf are the buffer's, however they"
                        + " got there: ask the shelf (size(), capacity()), and keep no count or copy of your own");
            }
            Thread taker = workers.start("taker", () -> got.set(outcomeOf(buffer::take)));
            if (!endsOnceWoken(taker)) {
                String report = StuckThreads.describe(taker);
                taker.interrupt();
                putter.interrupt();
                throw new AssertionError("take() on " + made + " waited as if it were empty. The items on the"
                        + " shelf are the buffer's: ask the shelf (size()), and keep no count or copy of your own.\n"
                        + report);
            }
            expectOutcome(got.get(), "old-1", "take() on " + made);
            if (!endsOnceWoken(putter)) {
                throw new AssertionError("put(\"new\") waited on " + made + ", take() made room, and the putter went"
                        + " on waiting: nothing woke it.\n" + StuckThreads.describe(putter));
            }
        }
        failOnViolation(shelf, "on " + made);
        expectOutcome(call(buffer::take, "take()"), "old-2", "the second take() on " + made);
        expectOutcome(call(buffer::take, "take()"), "new", "the third take() on " + made + ", after put(\"new\")");
    }

    // ---- waiting for threads ----

    /**
     * Waits until {@code thread} waits (blocked or parked); fails if it ends instead, or spins:
     * burns more CPU time than a thread needs to get to its wait (judged by CPU time, not by
     * the clock, so a busy machine does not make a slow waiter look like a spinner).
     */
    private static void awaitWaiting(Thread thread, AtomicReference<Object> outcome, String what) {
        long end = System.nanoTime() + HANG_LIMIT.toNanos();
        while (!Rendezvous.settledWaiting(thread)) {
            if (!thread.isAlive()) {
                throw new AssertionError(what + " did not wait: it " + describe(outcome.get())
                        + ". It must wait until the buffer can serve it");
            }
            if (THREADS.getThreadCpuTime(thread.threadId()) > SPIN_CPU_NANOS || System.nanoTime() > end) {
                throw new AssertionError(what + " neither waited nor finished: it keeps running (does it spin,"
                        + " trying again and again?). Wait on a Condition, which sleeps until it is signalled.\n"
                        + StuckThreads.describe(thread));
            }
            Rendezvous.pause();
        }
    }

    /**
     * A thread that waits must sleep until it is woken, and not give up. One parked with no
     * timeout does. One that waits with a timeout is watched for {@link #GIVE_UP_NANOS}, while
     * nothing changes: it must not end (a wait that gives up), and must not be found in
     * Thread.sleep() (a poll: it looks again every so often, and nobody can wake it sooner).
     */
    private static void expectAsleepUntilWoken(Thread thread, AtomicReference<Object> outcome, String what) {
        if (Rendezvous.parkedWithoutTimeout(thread)) {
            return;
        }
        long start = System.nanoTime();
        while (System.nanoTime() - start < GIVE_UP_NANOS) {
            if (!thread.isAlive()) {
                throw new AssertionError(what + " waited with a timeout, and after "
                        + (System.nanoTime() - start) / 1_000_000 + " ms, with nothing changed, it "
                        + describe(outcome.get()) + ": it gave up. It must wait until the buffer can serve it (or"
                        + " it is interrupted): await() with no timeout, in a while loop");
            }
            if (Arrays.stream(thread.getStackTrace()).anyMatch(BufferCheck::isSleep)) {
                throw new AssertionError(what + " was found in Thread.sleep() while it waited: it polls, looking"
                        + " again every so often, instead of sleeping until it is woken. Wait on a Condition"
                        + " (await()), and signal it when what the waiter waits for may have come.\n"
                        + StuckThreads.describe(thread));
            }
            Rendezvous.pause();
        }
    }

    private static boolean isSleep(StackTraceElement frame) {
        return frame.getClassName().equals("java.lang.Thread") && frame.getMethodName().startsWith("sleep");
    }

    /**
     * Called by a thread inside the buffer: waits until {@code thread} is kept out of it. Sure
     * once it waits for a lock this thread owns, and has stayed so for a few milliseconds (a
     * thread that finds a monitor taken spins a little before it joins the monitor's queue);
     * otherwise (a semaphore, say) once it has waited inside take() or put() for 20 ms in a
     * row, so that a thread that is only held up on its way in (loading a class, say) is not
     * taken for one that waits.
     */
    private static void awaitKeptOut(Thread thread) {
        Thread me = Thread.currentThread();
        long end = System.nanoTime() + HANG_LIMIT.toNanos();
        while (thread.isAlive() && System.nanoTime() < end) {
            if (Rendezvous.waitsForLockOf(thread, me) && Rendezvous.settledWaiting(thread)) {
                return;
            }
            if (insideBufferCall(thread) && Rendezvous.settledWaiting(thread, KEPT_OUT_NANOS)) {
                return;
            }
            Rendezvous.pause();
        }
    }

    private static boolean insideBufferCall(Thread thread) {
        return Arrays.stream(thread.getStackTrace()).anyMatch(frame -> (frame.getMethodName().equals("take")
                || frame.getMethodName().equals("put")) && !frame.getClassName().startsWith("java."));
    }

    /** Waits until the step inside the first add has started {@code count} threads. */
    private static void awaitQueued(List<Thread> queued, int count) {
        long end = System.nanoTime() + HANG_LIMIT.toNanos();
        while (queued.size() < count) {
            if (System.nanoTime() > end) {
                throw new AssertionError("put(\"first\") never added its item to the shelf within "
                        + HANG_LIMIT.toMillis() + " ms");
            }
            Rendezvous.pause();
        }
    }

    /** Has the woken thread ended? False once it has stayed parked for STALL_NANOS in a row. */
    private static boolean endsOnceWoken(Thread thread) {
        long end = System.nanoTime() + HANG_LIMIT.toNanos();
        long parkedSince = 0;
        int looks = 0;
        while (thread.isAlive()) {
            long now = System.nanoTime();
            if (!Rendezvous.isKeptOut(thread)) {
                parkedSince = 0;
                looks = 0;
            } else if (parkedSince == 0) {
                parkedSince = now;
            } else if (++looks >= STALL_LOOKS && now - parkedSince > STALL_NANOS) {
                return false; // parked at every one of many looks over the whole time
            }
            if (now > end) {
                return false;
            }
            Rendezvous.pause();
        }
        return true;
    }

    /** After an interrupt: ended, or parked again (it noted the interrupt and waits on)? */
    private static boolean endsAfterInterrupt(Thread thread, long waitsBefore) {
        long end = System.nanoTime() + HANG_LIMIT.toNanos();
        while (thread.isAlive()) {
            ThreadInfo info = THREADS.getThreadInfo(thread.threadId());
            if (info != null && Rendezvous.isKeptOut(thread) && info.getWaitedCount() > waitsBefore) {
                return false;
            }
            if (System.nanoTime() > end) {
                return false;
            }
            Rendezvous.pause();
        }
        return true;
    }

    /**
     * After the put: waits until one taker has ended and the other has ended too, or waits
     * again <em>after looking at the shelf again</em> (a new access since the put). Merely
     * parked is not enough: the woken taker is parked in the lock's queue until the first
     * one lets go, and a put slipped in then would hide the missing second look. A taker that
     * never looked again but has stayed parked for NOT_WOKEN_NANOS (one that was not woken, or
     * waits on a semaphore) counts.
     */
    private static void awaitOneEndedAndTheOtherWaitingAgain(WatchedShelf shelf, Thread a, Thread b) {
        int aBefore = shelf.rendezvous.accessesBy(a);
        int bBefore = shelf.rendezvous.accessesBy(b);
        long end = System.nanoTime() + HANG_LIMIT.toNanos();
        while (System.nanoTime() < end) {
            if (!a.isAlive() && !b.isAlive()) {
                return;
            }
            if (!a.isAlive() && waitsAgain(shelf, b, bBefore) || !b.isAlive() && waitsAgain(shelf, a, aBefore)) {
                return;
            }
            Rendezvous.pause();
        }
    }

    private static boolean waitsAgain(WatchedShelf shelf, Thread taker, int accessesBefore) {
        return shelf.rendezvous.accessesBy(taker) > accessesBefore ? Rendezvous.settledWaiting(taker)
                : Rendezvous.settledWaiting(taker, NOT_WOKEN_NANOS);
    }

    private static void awaitAllEnd(WatchedShelf shelf, List<Thread> threads, String what) {
        List<Thread> stuck = awaitAllEndOrStall(shelf, threads);
        if (!stuck.isEmpty()) {
            String report = StuckThreads.describe(stuck);
            stuck.forEach(Thread::interrupt);
            throw new AssertionError(what + ": there is an item for every taker, yet " + stuck.size()
                    + " thread(s) wait for ever: a wake-up was lost.\n" + report);
        }
    }

    /**
     * Waits until every thread has ended; returns the ones left if all of those wait and
     * nothing has touched the shelf for STALL_NANOS (nothing can wake them any more).
     */
    private static List<Thread> awaitAllEndOrStall(WatchedShelf shelf, List<Thread> threads) {
        long end = System.nanoTime() + HANG_LIMIT.toNanos();
        long lastSteps = -1;
        long stillSince = System.nanoTime();
        int looks = 0;
        while (true) {
            List<Thread> alive = threads.stream().filter(Thread::isAlive).toList();
            if (alive.isEmpty()) {
                return alive;
            }
            long now = System.nanoTime();
            long steps = shelf.rendezvous.steps();
            if (steps != lastSteps || !alive.stream().allMatch(Rendezvous::isKeptOut)) {
                lastSteps = steps;
                stillSince = now;
                looks = 0;
            } else if (++looks >= STALL_LOOKS && now - stillSince > STALL_NANOS) {
                return alive;
            }
            if (now > end) {
                return alive;
            }
            Rendezvous.pause();
        }
    }

    // ---- helpers ----

    @FunctionalInterface
    interface Action<T> {
        T run() throws Exception;
    }

    @FunctionalInterface
    interface Step {
        void run() throws Exception;
    }

    private static List<Object> together(WatchedShelf shelf, int count, String name, course.kit.Workers.Task<Object> task) {
        shelf.rendezvous.expectPlayers(count);
        try (Workers workers = Workers.named(name)) {
            return workers.runTogether(count, HANG_LIMIT, i -> {
                shelf.rendezvous.join();
                try {
                    return task.run(i);
                } finally {
                    shelf.rendezvous.leave();
                }
            });
        } finally {
            shelf.rendezvous.expectPlayers(0);
        }
    }

    /** Fails if a taker took from the empty shelf: {@code what} says how it came to be woken for nothing. */
    private static void failOnTakeWithoutLooking(WatchedShelf shelf, String what) {
        List<String> violations = shelf.rendezvous.violations();
        if (!violations.isEmpty() && violations.getFirst().contains("empty shelf")) {
            throw new AssertionError(what + " did not look again and "
                    + violations.getFirst().replaceFirst("thread \"[^\"]*\" ", "")
                    + ". A wake-up only says the state was right a moment ago: wait in a while loop, not an if");
        }
    }

    private static void failOnViolation(WatchedShelf shelf, String when) {
        List<String> violations = shelf.rendezvous.violations();
        if (violations.isEmpty()) {
            return;
        }
        String first = violations.getFirst();
        String why = first.contains("empty shelf") ? ": take() must wait while the shelf is empty, and look again"
                + " after every wake-up (a while loop, not an if)"
                : first.contains("full shelf") ? ": put() must wait while the shelf is full"
                : ". Nothing kept the two threads apart: no lock, or not the same lock for every call";
        throw new AssertionError("the shelf was used wrongly (" + when + "): " + first + why);
    }

    private static void expectOutcome(Object outcome, String expected, String what) {
        if (!expected.equals(outcome)) {
            throw new AssertionError(what + " " + describe(outcome) + " (expected \"" + expected + "\")");
        }
    }

    private static void expectBoth(Object a, Object b, String x, String y, String who) {
        boolean ok = (x.equals(a) && y.equals(b)) || (y.equals(a) && x.equals(b));
        if (!ok) {
            throw new AssertionError(who + " got " + describe(a) + " and " + describe(b) + " (expected \"" + x
                    + "\" and \"" + y + "\", one each)");
        }
    }

    private static Object outcomeOf(Action<Object> action) {
        try {
            return action.run();
        } catch (Throwable e) {
            return e;
        }
    }

    private static void quietly(Step step) {
        outcomeOf(() -> {
            step.run();
            return null;
        });
    }

    private static String describe(Object outcome) {
        return outcome instanceof Throwable t ? "threw " + t : outcome == null ? "returned null" : "returned \"" + outcome + "\"";
    }

    private static <T> T call(Action<T> action, String what) {
        try {
            return action.run();
        } catch (Exception e) {
            throw new AssertionError(what + " threw " + e, e);
        }
    }

    private static void run(Step step, String what) {
        call(() -> {
            step.run();
            return null;
        }, what);
    }

    @SuppressWarnings("unchecked")
    private static BlockingBuffer<String> create(Class<? extends BlockingBuffer<String>> answer, Shelf<String> shelf) {
        try {
            var constructor = answer.getDeclaredConstructor(Shelf.class);
            constructor.setAccessible(true);
            return constructor.newInstance(shelf);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create a " + answer.getSimpleName() + "(Shelf)", e);
        }
    }
}
