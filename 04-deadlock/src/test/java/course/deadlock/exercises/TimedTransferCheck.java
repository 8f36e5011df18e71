package course.deadlock.exercises;

import course.deadlock.TimedTransfer;
import course.deadlock.TimedTransfer.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The checks of exercise deadlock.trylock, for any {@link TimedTransfer} class with a
 * no-argument constructor, on the check's own accounts (see {@link TransferCheck}).
 */
final class TimedTransferCheck {

    static final Duration ALONE_TIMEOUT = Duration.ofMillis(500);
    static final Duration PAIR_TIMEOUT = Duration.ofSeconds(1);
    static final Duration HELD_TIMEOUT = Duration.ofMillis(100);
    static final Duration LIMIT = Duration.ofSeconds(4);
    static final Duration HELD_LIMIT = HELD_TIMEOUT.plusSeconds(1);
    static final Duration PATIENT_TIMEOUT = Duration.ofSeconds(2);
    static final long HELD_FOR_MILLIS = 300;
    static final long SELF_BUSY_MILLIS = 30;
    static final long SHORT_AFTER_MILLIS = 20;
    static final long SHORT_TIMEOUT_MILLIS = 50;
    static final long INTERRUPT_AFTER_MILLIS = 100;
    static final long INTERRUPT_GRACE_MILLIS = 500;
    static final int STRESS_THREADS = 4;
    static final int STRESS_TRANSFERS = 1_000;
    static final int STRESS_ACCOUNTS = 5;

    private TimedTransferCheck() {
    }

    static void all(Class<? extends TimedTransfer> answer) {
        movesMoneyAlone(answer);
        transfersToItself(answer);
        oppositeTransfersBothFinish(answer);
        givesUpWhenALockStaysTaken(answer);
        checksTheBalanceInsideTheLocks(answer);
        keepsTryingWhileTimeIsLeft(answer);
        stopsWhenInterrupted(answer);
        survivesStress(answer);
    }

    static void movesMoneyAlone(Class<? extends TimedTransfer> answer) {
        Scenario scenario = Scenario.freeRunning();
        CheckAccount one = scenario.open(1, 100);
        CheckAccount two = scenario.open(2, 50);
        TimedTransfer transfer = create(answer);
        expectAlone(scenario, transfer, one, two, 30, Outcome.DONE, 70, 80);
        expectAlone(scenario, transfer, one, two, 80, Outcome.INSUFFICIENT_FUNDS, 70, 80);
        expectAlone(scenario, transfer, one, two, 70, Outcome.DONE, 0, 150);
        expectAlone(scenario, transfer, two, one, 150, Outcome.DONE, 0, 150);
    }

    static void transfersToItself(Class<? extends TimedTransfer> answer) {
        Scenario scenario = Scenario.freeRunning();
        CheckAccount one = scenario.open(1, 100);
        TimedTransfer transfer = create(answer);
        expectToItself(scenario, transfer, one, 40, Outcome.DONE);
        expectToItself(scenario, transfer, one, 150, Outcome.INSUFFICIENT_FUNDS);
        expectToItselfOnceFree(answer);
    }

    /** A transfer to itself while another thread holds the account for its first {@value #SELF_BUSY_MILLIS} ms: one lock, waited for like any. */
    private static void expectToItselfOnceFree(Class<? extends TimedTransfer> answer) {
        Scenario scenario = Scenario.freeRunning();
        CheckAccount one = scenario.open(1, 100);
        TimedTransfer transfer = create(answer);
        String what = "a transfer of 40 from account 1 to itself (balance 100, timeout " + ALONE_TIMEOUT.toMillis()
                + " ms), while another thread held account 1 for its first " + SELF_BUSY_MILLIS + " ms";
        Holder holder = Holder.of(one);
        Scenario.Watch letGo = (threads, elapsed) -> {
            if (elapsed >= TimeUnit.MILLISECONDS.toNanos(SELF_BUSY_MILLIS)) {
                holder.release();
            }
            return null;
        };
        Timed result;
        try {
            result = TransferCheck.within(what, () -> scenario.run(LIMIT, letGo, List.of(new Scenario.Job<>(
                    "transfer 1->1 (40)", () -> Timed.call(() -> transfer.transfer(one, one, 40, ALONE_TIMEOUT))))))
                    .get(0);
        } finally {
            holder.release();
        }
        if (result.outcome() != Outcome.DONE || one.now() != 100) {
            throw new AssertionError(what + " returned " + result.outcome() + " after " + result.millis() + " ms and"
                    + " left the balance at " + one.now() + "; expected DONE and 100" + (result.outcome()
                    == Outcome.GAVE_UP && result.millis() < ALONE_TIMEOUT.toMillis() / 2 ? ": it gave up long before"
                    + " its timeout, when its one lock was busy for a moment. A transfer to itself keeps trying until"
                    + " its timeout, like any other" : "") + scenario.notes());
        }
        scenario.expectNoLockHeld("after " + what);
    }

    // tag::opposite[]
    /** 1 -> 2 (500) and 2 -> 1 (300) at once, in step: both must finish, long before their timeout. */
    static void oppositeTransfersBothFinish(Class<? extends TimedTransfer> answer) {
        warmUp(answer);
        Scenario scenario = Scenario.inLockstep();
        CheckAccount one = scenario.open(1, 1000);
        CheckAccount two = scenario.open(2, 1000);
        TimedTransfer transfer = create(answer);
        String context = "two opposite transfers at once, 1->2 (500) and 2->1 (300), timeout " + PAIR_TIMEOUT.toMillis()
                + " ms, each made to take its first lock before the other asks for its second";
        List<Timed> results = TransferCheck.within(context, () -> scenario.run(LIMIT, List.of(
                new Scenario.Job<>("transfer 1->2 (500)", () -> Timed.call(() -> transfer.transfer(one, two, 500, PAIR_TIMEOUT))),
                new Scenario.Job<>("transfer 2->1 (300)", () -> Timed.call(() -> transfer.transfer(two, one, 300, PAIR_TIMEOUT))))));
        for (Timed result : results) {
            if (result.outcome() == Outcome.GAVE_UP) {
                throw new AssertionError(context + ": one gave up after " + result.millis() + " ms. " + (result.millis()
                        < PAIR_TIMEOUT.toMillis() / 2 ? "That is long before its timeout: keep trying until the time is"
                        + " up, and look at the time the right way round (give up when now > deadline)."
                        : "Only the other transfer was in its way, yet they kept each other out until the time was"
                        + " up: each held one lock while it waited for the other's, or they let go and tried again"
                        + " at the same moments, round after round. Release the first lock when the second is"
                        + " taken, wait a random moment, then try again.") + scenario.notes());
            }
        }
        if (results.get(0).outcome() != Outcome.DONE || results.get(1).outcome() != Outcome.DONE
                || one.now() != 800 || two.now() != 1200) {
            throw new AssertionError(context + ": they returned " + results.get(0).outcome() + " and "
                    + results.get(1).outcome() + " and left account 1 at " + one.now() + " and account 2 at "
                    + two.now() + "; expected DONE, DONE, 800 and 1200");
        }
        scenario.expectNoLockHeld("after " + context);
    }
    // end::opposite[]

    // tag::gives-up[]
    /** Another thread holds one account's lock for good: the transfer must give up at its timeout, holding nothing. */
    static void givesUpWhenALockStaysTaken(Class<? extends TimedTransfer> answer) {
        warmUp(answer);
        expectGivesUp(answer, false);
        expectGivesUp(answer, true);
    }

    private static void expectGivesUp(Class<? extends TimedTransfer> answer, boolean sourceHeld) {
        Scenario scenario = Scenario.freeRunning();
        CheckAccount one = scenario.open(1, 100);
        CheckAccount two = scenario.open(2, 100);
        CheckAccount held = sourceHeld ? one : two;
        TimedTransfer transfer = create(answer);
        String context = "transfer 1->2 (10) with timeout " + HELD_TIMEOUT.toMillis() + " ms, while another thread"
                + " holds " + held + " all along";
        Holder holder = Holder.of(held);
        Timed result;
        try {
            result = TransferCheck.within(context, () -> scenario.run(HELD_LIMIT, waitsWithoutLimit(scenario, held),
                    List.of(new Scenario.Job<>("transfer 1->2 (10)",
                            () -> Timed.call(() -> transfer.transfer(one, two, 10, HELD_TIMEOUT)))))).get(0);
        } finally {
            holder.release();
        }
        if (result.outcome() != Outcome.GAVE_UP || one.now() != 100 || two.now() != 100) {
            throw new AssertionError(context + ": it returned " + result.outcome() + " after " + result.millis()
                    + " ms and left the balances at " + one.now() + " and " + two.now() + "; expected GAVE_UP and"
                    + " 100 and 100" + (result.outcome() == Outcome.DONE ? ": it moved money without "
                    + held.mutex().name() + ", which another thread held" : ""));
        }
        if (result.millis() < HELD_TIMEOUT.toMillis() / 2) {
            throw new AssertionError(context + ": it gave up after " + result.millis() + " ms, long before its"
                    + " timeout: keep trying until the time is up (is the time check the right way round?)");
        }
        scenario.expectNoLockHeld("after " + context + " it returned GAVE_UP, but");
    }

    /** Fails at once when the transfer waits for the held lock with no time limit: it could only ever hang. */
    private static Scenario.Watch waitsWithoutLimit(Scenario scenario, CheckAccount held) {
        return (threads, elapsed) -> {
            Thread transfer = threads.get(0);
            if (elapsed > HELD_TIMEOUT.toNanos() + TimeUnit.MILLISECONDS.toNanos(50) && scenario.inUntimedWait(transfer)) {
                return "after " + Scenario.millis(elapsed) + " ms it still waits in lock() or lockInterruptibly(),"
                        + " which wait as long as it takes: the timeout can never end that wait.\n"
                        + scenario.describe(threads);
            }
            return null;
        };
    }
    // end::gives-up[]

    static void checksTheBalanceInsideTheLocks(Class<? extends TimedTransfer> answer) {
        warmUp(answer);
        Scenario scenario = Scenario.inLockstep();
        CheckAccount one = scenario.open(1, 100);
        CheckAccount two = scenario.open(2, 0);
        CheckAccount three = scenario.open(3, 0);
        TimedTransfer transfer = create(answer);
        List<Outcome> results = scenario.run(LIMIT, List.of(
                new Scenario.Job<>("transfer 1->2 (60)", () -> transfer.transfer(one, two, 60, PAIR_TIMEOUT)),
                new Scenario.Job<>("transfer 1->3 (60)", () -> transfer.transfer(one, three, 60, PAIR_TIMEOUT))));
        long done = results.stream().filter(r -> r == Outcome.DONE).count();
        if (done != 1 || !results.contains(Outcome.INSUFFICIENT_FUNDS) || one.now() != 40
                || scenario.overdraftSeen() != null) {
            throw new AssertionError("two transfers of 60 out of account 1 (balance 100) at once returned " + results
                    + ", and account 1 ended at " + one.now() + "; expected one DONE, one INSUFFICIENT_FUNDS and 40."
                    + TransferCheck.seenInside(scenario, one));
        }
        scenario.expectNoLockHeld("after two transfers out of account 1");
    }

    /**
     * Another thread holds account 2 for the first {@value #HELD_FOR_MILLIS} ms of a transfer 1 -> 2
     * whose timeout is 2 s, then lets go: the transfer must still be trying then, and get it done.
     * Meanwhile, once it waits, transfer 3 -> 4 of free accounts runs with a timeout of
     * {@value #SHORT_TIMEOUT_MILLIS} ms: each call has its own timeout, and neither may wait for the
     * other past it (account 2 is let go only once 3 -> 4 has ended, or has failed to).
     */
    static void keepsTryingWhileTimeIsLeft(Class<? extends TimedTransfer> answer) {
        warmUp(answer);
        Scenario scenario = Scenario.freeRunning();
        CheckAccount one = scenario.open(1, 100);
        CheckAccount two = scenario.open(2, 100);
        CheckAccount three = scenario.open(3, 100);
        CheckAccount four = scenario.open(4, 100);
        TimedTransfer transfer = create(answer);
        String context = "transfer 1->2 (10) with timeout " + PATIENT_TIMEOUT.toMillis() + " ms, while another thread"
                + " held account 2 for the first " + HELD_FOR_MILLIS + " ms and then let it go";
        String shortOne = "transfer 3->4 (10) with timeout " + SHORT_TIMEOUT_MILLIS + " ms, accounts 3 and 4 free";
        Holder holder = Holder.of(two);
        CountDownLatch shortGo = new CountDownLatch(1);
        AtomicBoolean shortEnded = new AtomicBoolean();
        long[] shortFrom = {-1};
        boolean[] released = {false};
        Scenario.Watch releaseInTime = (threads, elapsed) -> {
            if (shortFrom[0] < 0 && (elapsed >= TimeUnit.MILLISECONDS.toNanos(SHORT_AFTER_MILLIS))) {
                shortFrom[0] = elapsed;
                shortGo.countDown();
            }
            if (shortFrom[0] >= 0 && !shortEnded.get() && elapsed - shortFrom[0]
                    > TimeUnit.MILLISECONDS.toNanos(SHORT_TIMEOUT_MILLIS + INTERRUPT_GRACE_MILLIS)) {
                return shortOne + ", started while " + context.substring(0, context.indexOf(',')) + " waited for"
                        + " account 2: it has not ended " + Scenario.millis(elapsed - shortFrom[0]) + " ms later. It"
                        + " waits for the other transfer with no limit, past its own timeout: a lock that all"
                        + " transfers share, held by one while it waits or backs off, holds up every other.\n"
                        + scenario.describe(threads);
            }
            if (!released[0] && elapsed >= TimeUnit.MILLISECONDS.toNanos(HELD_FOR_MILLIS) && shortEnded.get()) {
                released[0] = true;
                holder.release();
            }
            return null;
        };
        List<Timed> results;
        try {
            results = TransferCheck.within(context, () -> scenario.run(LIMIT, releaseInTime, List.of(
                    new Scenario.Job<>("transfer 1->2 (10)",
                            () -> Timed.call(() -> transfer.transfer(one, two, 10, PATIENT_TIMEOUT))),
                    new Scenario.Job<>("transfer 3->4 (10)", () -> {
                        shortGo.await();
                        try {
                            return Timed.call(() -> transfer.transfer(three, four, 10,
                                    Duration.ofMillis(SHORT_TIMEOUT_MILLIS)));
                        } finally {
                            shortEnded.set(true);
                        }
                    }))));
        } finally {
            holder.release();
        }
        Timed result = results.get(0);
        if (result.outcome() == Outcome.GAVE_UP) {
            throw new AssertionError(context + ": it returned GAVE_UP after " + result.millis() + " ms, "
                    + (PATIENT_TIMEOUT.toMillis() - result.millis()) + " ms before its timeout" + (result.millis()
                    < HELD_FOR_MILLIS ? ", while account 2 was still held" : "") + ". Until the time is up, keep"
                    + " trying: a lock taken now may be free a moment later." + (result.millis()
                    < HELD_FOR_MILLIS ? " (Meanwhile " + shortOne + ", had run: its timeout is its own, not this"
                    + " transfer's.)" : "") + scenario.notes());
        }
        if (result.outcome() != Outcome.DONE || one.now() != 90 || two.now() != 110) {
            throw new AssertionError(context + ": it returned " + result.outcome() + " and left the balances at "
                    + one.now() + " and " + two.now() + "; expected DONE, 90 and 110" + scenario.notes());
        }
        expectShortOne(shortOne, results.get(1), three, four);
        scenario.expectNoLockHeld("after " + context);
    }

    /** The short transfer of free accounts: done, or given up at its own timeout, and the balances to match. */
    private static void expectShortOne(String shortOne, Timed result, CheckAccount three, CheckAccount four) {
        boolean done = result.outcome() == Outcome.DONE && three.now() == 90 && four.now() == 110;
        boolean gaveUp = result.outcome() == Outcome.GAVE_UP && result.millis() >= SHORT_TIMEOUT_MILLIS / 2
                && three.now() == 100 && four.now() == 100;
        if (!done && !gaveUp) {
            throw new AssertionError(shortOne + ", run while transfer 1->2 waited for account 2: it returned "
                    + result.outcome() + " after " + result.millis() + " ms and left the balances at " + three.now()
                    + " and " + four.now() + "; expected DONE, 90 and 110 (or GAVE_UP at its timeout, 100 and 100)");
        }
    }

    /**
     * Another thread holds account 2 all along; a transfer 1 -> 2 whose timeout is 2 s is
     * interrupted {@value #INTERRUPT_AFTER_MILLIS} ms in, while it waits or backs off, or sooner: as
     * soon as it waits in a timed tryLock while it holds account 1. An interrupt asks it to stop: it must end with an InterruptedException within
     * {@value #INTERRUPT_GRACE_MILLIS} ms, not carry on until its timeout, with nothing moved and no
     * lock held.
     */
    static void stopsWhenInterrupted(Class<? extends TimedTransfer> answer) {
        warmUp(answer);
        Scenario scenario = Scenario.freeRunning();
        CheckAccount one = scenario.open(1, 100);
        CheckAccount two = scenario.open(2, 100);
        TimedTransfer transfer = create(answer);
        String context = "transfer 1->2 (10) with timeout " + PATIENT_TIMEOUT.toMillis() + " ms, interrupted "
                + INTERRUPT_AFTER_MILLIS + " ms in (or as soon as it waited in a timed tryLock holding account 1),"
                + " while another thread held account 2 all along";
        Holder holder = Holder.of(two);
        boolean[] interrupted = {false};
        Scenario.Watch interruptInTime = (threads, elapsed) -> {
            boolean waitsHoldingOne = scenario.inTimedTryLock(threads.get(0)) && one.mutex().owner() == threads.get(0);
            if (!interrupted[0] && (waitsHoldingOne || elapsed >= TimeUnit.MILLISECONDS.toNanos(INTERRUPT_AFTER_MILLIS))) {
                interrupted[0] = true;
                threads.get(0).interrupt();
            }
            return null;
        };
        Ended ended;
        try {
            ended = TransferCheck.within(context, () -> scenario.run(LIMIT, interruptInTime, List.of(
                    new Scenario.Job<>("transfer 1->2 (10)", () -> Ended.call(
                            () -> transfer.transfer(one, two, 10, PATIENT_TIMEOUT)))))).get(0);
        } finally {
            holder.release();
        }
        if (ended == null) { // it waited in lock(), which the check's locks end on an interrupt (see SteppingLock)
            ended = new Ended("its lock() stopped by the check", INTERRUPT_AFTER_MILLIS);
        }
        boolean stopped = !ended.how().equals("DONE") && !ended.how().equals("INSUFFICIENT_FUNDS")
                && !ended.how().equals("GAVE_UP");
        if (!stopped || ended.millis() > INTERRUPT_AFTER_MILLIS + INTERRUPT_GRACE_MILLIS) {
            throw new AssertionError(context + ": it ended with " + ended.how() + " after " + ended.millis()
                    + " ms; expected an InterruptedException soon after the interrupt. The interrupt was lost: an"
                    + " interrupt asks the thread to stop, so let the InterruptedException of the back-off's sleep (or"
                    + " of a timed tryLock) out, instead of catching it and trying on" + scenario.notes());
        }
        if (one.now() != 100 || two.now() != 100) {
            throw new AssertionError(context + ": it ended with " + ended.how() + " and left the balances at "
                    + one.now() + " and " + two.now() + "; expected 100 and 100: nothing moves without both locks");
        }
        scenario.expectNoLockHeld("after " + context + ", it ended with " + ended.how() + ", but");
    }

    /** How a transfer ended (its outcome, or the exception it threw) and after how long. */
    record Ended(String how, long millis) {

        static Ended call(Timed.Call call) {
            long start = System.nanoTime();
            String how;
            try {
                how = call.call().name();
            } catch (InterruptedException e) {
                how = "an InterruptedException";
            }
            return new Ended(how, Scenario.millis(System.nanoTime() - start));
        }
    }

    /**
     * {@value #STRESS_THREADS} threads, {@value #STRESS_TRANSFERS} transfers in random directions among
     * {@value #STRESS_ACCOUNTS} accounts, timeout 2 s each: no deadlock, every transfer ends with an
     * outcome, none gives up before its timeout, money kept, no overdraft another transfer could see,
     * and every balance read or written while the transfer holds both its accounts' locks (the
     * promise of {@link TimedTransfer}).
     */
    static void survivesStress(Class<? extends TimedTransfer> answer) {
        Scenario scenario = Scenario.freeRunning();
        List<CheckAccount> accounts = new java.util.ArrayList<>();
        for (int id = 1; id <= STRESS_ACCOUNTS; id++) {
            accounts.add(scenario.open(id, 1_000));
        }
        TimedTransfer transfer = create(answer);
        scenario.requireBothLocks();
        long seed = System.nanoTime();
        java.util.Set<String> broken = java.util.concurrent.ConcurrentHashMap.newKeySet();
        List<Scenario.Job<Void>> jobs = new java.util.ArrayList<>();
        for (int t = 0; t < STRESS_THREADS; t++) {
            java.util.Random random = new java.util.Random(seed + t);
            jobs.add(new Scenario.Job<>("stress worker " + (t + 1), () -> {
                for (int i = 0; i < STRESS_TRANSFERS / STRESS_THREADS; i++) {
                    CheckAccount from = accounts.get(random.nextInt(STRESS_ACCOUNTS));
                    CheckAccount to = accounts.get(random.nextInt(STRESS_ACCOUNTS)); // sometimes the same
                    long amount = 1 + random.nextInt(500);
                    TransferCheck.StressCall call = new TransferCheck.StressCall(Thread.currentThread().getName(),
                            from, to, amount);
                    scenario.beginCall(call);
                    Timed result = Timed.call(() -> transfer.transfer(from, to, amount, PATIENT_TIMEOUT));
                    if (result.outcome() == null
                            || result.outcome() == Outcome.GAVE_UP && result.millis() < PATIENT_TIMEOUT.toMillis()) {
                        broken.add("\"" + call + "\" returned " + result.outcome() + " after " + result.millis()
                                + " ms, with a timeout of " + PATIENT_TIMEOUT.toMillis() + " ms");
                    }
                }
                return null;
            }));
        }
        String context = STRESS_THREADS + " threads making " + STRESS_TRANSFERS + " random transfers among "
                + STRESS_ACCOUNTS + " accounts, timeout " + PATIENT_TIMEOUT.toMillis() + " ms each (seed " + seed + ")";
        TransferCheck.within(context, () -> scenario.run(LIMIT, jobs));
        if (!broken.isEmpty()) {
            throw new AssertionError(context + ": " + broken.stream().sorted().findFirst().orElseThrow()
                    + (broken.size() > 1 ? " (and " + (broken.size() - 1) + " more like it)" : "") + ". A transfer"
                    + " reports DONE or INSUFFICIENT_FUNDS, or GAVE_UP once its time is up: until then it keeps"
                    + " trying." + scenario.notes());
        }
        long total = accounts.stream().mapToLong(CheckAccount::now).sum();
        if (total != STRESS_ACCOUNTS * 1_000L) {
            throw new AssertionError(context + ": the total went from " + STRESS_ACCOUNTS * 1_000 + " to " + total
                    + ": money was made or lost");
        }
        TransferCheck.expectNoOverdraft(context, scenario, accounts);
        if (scenario.touchedWithoutBothLocks() != null) {
            throw new AssertionError(context + ": " + scenario.touchedWithoutBothLocks() + ". A timed transfer"
                    + " holds both accounts' locks from the balance check to the last write: between two locks"
                    + " taken one at a time, the money is in neither account, and another transfer can see that.");
        }
        scenario.expectNoLockHeld("after " + context);
    }

    // ---- the pieces ----

    /** An outcome and how long it took. */
    record Timed(Outcome outcome, long millis) {

        interface Call {
            Outcome call() throws InterruptedException;
        }

        static Timed call(Call call) throws InterruptedException {
            long start = System.nanoTime();
            Outcome outcome = call.call();
            return new Timed(outcome, Scenario.millis(System.nanoTime() - start));
        }
    }

    private static void expectAlone(Scenario scenario, TimedTransfer transfer, CheckAccount from, CheckAccount to,
                                    long amount, Outcome expected, long fromAfter, long toAfter) {
        String what = "transfer(" + from + ", " + to + ", " + amount + ") with balances " + from.now() + " and "
                + to.now() + ", nobody else around";
        Outcome outcome = scenario.runAlone("transfer " + from.id() + "->" + to.id() + " (" + amount + ")", LIMIT,
                () -> transfer.transfer(from, to, amount, ALONE_TIMEOUT));
        if (outcome != expected || from.now() != fromAfter || to.now() != toAfter) {
            throw new AssertionError(what + " returned " + outcome + " and left them at " + from.now() + " and "
                    + to.now() + "; expected " + expected + ", " + fromAfter + " and " + toAfter + scenario.notes());
        }
        scenario.expectNoLockHeld("after " + what);
    }

    private static void expectToItself(Scenario scenario, TimedTransfer transfer, CheckAccount account, long amount,
                                       Outcome expected) {
        long before = account.now();
        String what = "a transfer of " + amount + " from " + account + " to itself (balance " + before + ")";
        Outcome outcome = TransferCheck.within(what, () -> scenario.runAlone(
                "transfer " + account.id() + "->" + account.id() + " (" + amount + ")", LIMIT,
                () -> transfer.transfer(account, account, amount, ALONE_TIMEOUT)));
        if (account.now() != before) {
            throw new AssertionError(what + " left the balance at " + account.now() + ": with from == to, 'from'"
                    + " and 'to' are one balance, and a change written to one is written over by the other (or"
                    + " both count).");
        }
        if (outcome != expected) {
            throw new AssertionError(what + " returned " + outcome + ", expected " + expected + (outcome
                    == Outcome.GAVE_UP ? ": from == to means one lock, and it is free; a Mutex is not reentrant,"
                    + " so a second tryLock of it by its owner always fails" : "") + scenario.notes());
        }
        scenario.expectNoLockHeld("after " + what);
    }

    static void warmUp(Class<? extends TimedTransfer> answer) {
        Scenario scenario = Scenario.freeRunning();
        CheckAccount a = scenario.open(91, 10);
        CheckAccount b = scenario.open(92, 10);
        TimedTransfer transfer = create(answer);
        try {
            scenario.runAlone("warm-up", LIMIT, () -> transfer.transfer(a, b, 1, ALONE_TIMEOUT)
                    == transfer.transfer(b, a, 1, ALONE_TIMEOUT));
        } catch (AssertionError ignored) {
            // the checks themselves will say what is wrong
        }
    }

    static TimedTransfer create(Class<? extends TimedTransfer> answer) {
        try {
            var constructor = answer.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create a " + answer.getSimpleName(), e);
        }
    }
}
