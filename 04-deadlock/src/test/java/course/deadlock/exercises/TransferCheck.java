package course.deadlock.exercises;

import course.deadlock.LockId;
import course.deadlock.Transfer;
import course.kit.Interleavings;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The checks of exercise deadlock.ordered, for any {@link Transfer} class with a no-argument
 * constructor. The accounts are the check's own ({@link CheckAccount}): their locks report to a
 * {@link Scenario}, which can run two transfers in {@link Lockstep} so that the harmful
 * interleavings happen on every run, detects deadlocks with ThreadMXBean, and stops the threads
 * of a wrong answer instead of hanging.
 */
final class TransferCheck {

    static final Duration ALONE_LIMIT = Duration.ofSeconds(2);
    static final Duration PAIR_LIMIT = Duration.ofSeconds(5);
    static final Duration STRESS_LIMIT = Duration.ofSeconds(8);
    static final long PROBE_PATIENCE_NANOS = TimeUnit.MILLISECONDS.toNanos(300);
    static final int STRESS_THREADS = 8;
    static final int STRESS_TRANSFERS = 10_000;
    static final int STRESS_ACCOUNTS = 10;
    static final long BUSY_FOR_MILLIS = 300;
    static final long LET_GO_AFTER_INTERRUPT_MILLIS = 100;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private TransferCheck() {
    }

    /** All checks, in the order a learner meets them. */
    static void all(Class<? extends Transfer> answer) {
        movesMoneyAlone(answer);
        transfersToItself(answer);
        oppositeTransfersFinish(answer);
        depositsIntoOneAccount(answer);
        waitsForABusyAccount(answer);
        letsGoOfItsLocksWhenInterrupted(answer);
        checksTheBalanceInsideTheLocks(answer);
        tiedAccountsStillHaveAnOrder(answer);
        anOrderForAnyIdsAndBalances(answer);
        survivesStress(answer);
    }

    /** One thread: money moves when it is there, and stays when it is not. */
    static void movesMoneyAlone(Class<? extends Transfer> answer) {
        Scenario scenario = Scenario.freeRunning();
        CheckAccount one = scenario.open(1, 100);
        CheckAccount two = scenario.open(2, 50);
        Transfer transfer = create(answer);
        expectAlone(scenario, transfer, one, two, 30, true, 70, 80);
        expectAlone(scenario, transfer, one, two, 80, false, 70, 80);
        expectAlone(scenario, transfer, one, two, 70, true, 0, 150);
        expectAlone(scenario, transfer, two, one, 150, true, 0, 150);
    }

    /** A transfer from an account to itself: no hang, no money made or lost, the usual answer. */
    static void transfersToItself(Class<? extends Transfer> answer) {
        Scenario scenario = Scenario.freeRunning();
        CheckAccount one = scenario.open(1, 100);
        Transfer transfer = create(answer);
        expectToItself(scenario, transfer, one, 40, true);
        expectToItself(scenario, transfer, one, 150, false);
    }

    // tag::opposite[]
    /** The article's deadlock: 1 -> 2 (500) and 2 -> 1 (300) at once, each made to hold its first lock. */
    static void oppositeTransfersFinish(Class<? extends Transfer> answer) {
        warmUp(answer);
        Scenario scenario = Scenario.inLockstep();
        CheckAccount one = scenario.open(1, 1000);
        CheckAccount two = scenario.open(2, 1000);
        runOpposite(scenario, create(answer), one, two);
    }
    // end::opposite[]

    /** Two accounts with the same hash code, identity hash code, and lock identity hash code. */
    static void tiedAccountsStillHaveAnOrder(Class<? extends Transfer> answer) {
        warmUp(answer);
        Scenario inStep = Scenario.inLockstep();
        TiedPair tied = TiedPair.open(inStep, 7, 1000, 8, 1000);
        within("accounts 7 and 8 have the same hashCode() and identityHashCode(), and so do their locks",
                () -> runOpposite(inStep, create(answer), tied.first, tied.second));
        Scenario probing = Scenario.freeRunning();
        TiedPair tiedAgain = TiedPair.open(probing, 7, 1000, 8, 1000);
        within("accounts 7 and 8 have the same hashCode() and identityHashCode(), and so do their locks",
                () -> probeLockOrder(probing, create(answer), tiedAgain.first, tiedAgain.second));
    }

    /**
     * One order for any ids and any balances, read by the {@link OrderProbe}: three transfers round a
     * ring of accounts whose ids lie far apart (the difference of two of them does not fit in an int),
     * and two opposite transfers between which another transfer changes the balances. In neither may
     * the transfers' orders go round in a circle.
     */
    static void anOrderForAnyIdsAndBalances(Class<? extends Transfer> answer) {
        warmUp(answer);
        Scenario far = Scenario.freeRunning();
        CheckAccount low = far.open(-2_000_000_000, 1000);
        CheckAccount zero = far.open(0, 1000);
        CheckAccount high = far.open(2_000_000_000, 1000);
        within("transfers -2000000000->0, 0->2000000000 and 2000000000->-2000000000 (ids whose differences do not"
                        + " all fit in an int), each started once the one before waited for its first lock",
                () -> OrderProbe.probe(far, create(answer), List.of(new OrderProbe.Step(low, zero, null),
                        new OrderProbe.Step(zero, high, null), new OrderProbe.Step(high, low, null))));
        Scenario shifting = Scenario.freeRunning();
        CheckAccount one = shifting.open(1, 100);
        CheckAccount two = shifting.open(2, 300);
        Runnable shift = () -> {
            two.setBalance(50);
            one.setBalance(350);
        };
        within("transfer 1->2 started while accounts 1 and 2 held 100 and 300; once it waited for its first lock,"
                        + " a transfer holding both accounts moved 250 from 2 to 1, and transfer 2->1 started",
                () -> OrderProbe.probe(shifting, create(answer), List.of(new OrderProbe.Step(one, two, null),
                        new OrderProbe.Step(two, one, shift))));
    }

    // tag::inside-locks[]
    /**
     * Transfers that share accounts, at once, in every interleaving the model checker finds: one
     * that another thread could catch half done (the money gone from account 1 and not yet in
     * account 2), and one whose money another could see in its target before it has left its
     * source. Every outcome must be one that the same transfers
     * made one at a time give.
     */
    static void checksTheBalanceInsideTheLocks(Class<? extends Transfer> answer) {
        explore(answer).scenario(List.of(),
                        List.of(List.of("transfer1to2of100"), List.of("transfer1to2of100", "transfer2to1of100")),
                        List.of("balance1", "balance2"))
                .check("transfer 1->2 (100) on one thread, and 1->2 (100) then 2->1 (100) on another, must end as"
                        + " if the three ran one at a time: check the balance and move the money while no other"
                        + " transfer of these accounts can run, and let none see the money gone from one account"
                        + " and not yet in the other");
        explore(answer).scenario(List.of(),
                        List.of(List.of("transfer2to1of100"), List.of("transfer1to3of100", "transfer1to3of100")),
                        List.of("balance1", "balance2", "balance3"))
                .check("transfer 2->1 (100) out of an empty account 2 on one thread, and 1->3 (100) twice on another,"
                        + " must end as if the three ran one at a time: no transfer may see money that a transfer"
                        + " still under way has not yet taken from its source");
    }
    // end::inside-locks[]

    /** Two transfers into one account at once, in lockstep: both read its balance before either writes it. */
    static void depositsIntoOneAccount(Class<? extends Transfer> answer) {
        warmUp(answer);
        Transfer transfer = create(answer);
        Scenario in = Scenario.inLockstep();
        CheckAccount four = in.open(4, 100);
        CheckAccount five = in.open(5, 100);
        CheckAccount six = in.open(6, 0);
        List<Boolean> both = in.run(PAIR_LIMIT, List.of(
                new Scenario.Job<>("transfer 4->6 (60)", () -> transfer.transfer(four, six, 60)),
                new Scenario.Job<>("transfer 5->6 (60)", () -> transfer.transfer(five, six, 60))));
        if (!both.equals(List.of(true, true)) || six.now() != 120) {
            throw new AssertionError("two transfers of 60 into account 6 (balance 0) at once returned " + both
                    + " and account 6 ended at " + six.now() + ", expected [true, true] and 120. Both read account"
                    + " 6's balance before either wrote it, and one deposit was lost: hold the target's lock too"
                    + " while you change its balance.");
        }
        in.expectNoLockHeld("after two transfers into account 6");
    }

    /**
     * Other threads hold one account of each of two transfers for their first {@value #BUSY_FOR_MILLIS}
     * ms, then let go: the source of transfer 1 -> 2 and the target of transfer 3 -> 4 (the lock a
     * transfer takes first, and the one it takes second), both busy at once. Each transfer must wait,
     * and move the money. A busy account is no reason to say no: false means the balance did not
     * cover the amount.
     */
    static void waitsForABusyAccount(Class<? extends Transfer> answer) {
        warmUp(answer);
        Scenario scenario = Scenario.freeRunning();
        CheckAccount one = scenario.open(1, 100);
        CheckAccount two = scenario.open(2, 100);
        CheckAccount three = scenario.open(3, 100);
        CheckAccount four = scenario.open(4, 100);
        Transfer transfer = create(answer);
        String context = "transfers 1->2 (10) and 3->4 (10) at once, while other threads held " + one + " and "
                + four + " for their first " + BUSY_FOR_MILLIS + " ms";
        List<Holder> holders = List.of(Holder.of(one), Holder.of(four));
        boolean[] letGo = {false};
        Scenario.Watch letGoInTime = (threads, elapsed) -> {
            if (!letGo[0] && elapsed >= TimeUnit.MILLISECONDS.toNanos(BUSY_FOR_MILLIS)) {
                letGo[0] = true;
                holders.forEach(Holder::release);
            }
            return null;
        };
        List<Boolean> results;
        try {
            results = within(context, () -> scenario.run(PAIR_LIMIT, letGoInTime, List.of(
                    new Scenario.Job<>("transfer 1->2 (10)", () -> transfer.transfer(one, two, 10)),
                    new Scenario.Job<>("transfer 3->4 (10)", () -> transfer.transfer(three, four, 10)))));
        } finally {
            holders.forEach(Holder::release);
        }
        expectMovedDespiteTheWait(context, "1->2", one + " was busy", results.get(0), one, two);
        expectMovedDespiteTheWait(context, "3->4", four + " was busy", results.get(1), three, four);
        scenario.expectNoLockHeld("after " + context);
    }

    private static void expectMovedDespiteTheWait(String context, String which, String why, boolean result,
                                                  CheckAccount from, CheckAccount to) {
        if (!result || from.now() != 90 || to.now() != 110) {
            throw new AssertionError(context + ": transfer " + which + " (" + why + ") returned " + result
                    + " and left the balances at " + from.now() + " and " + to.now() + "; expected true, 90 and 110"
                    + (result ? "" : ". A busy account is a reason to wait, not to say no: false means the balance"
                    + " did not cover the amount, and it did"));
        }
    }

    /**
     * Another thread holds account 2 while transfer 1 -> 2 waits for it, perhaps holding account 1;
     * the transfer is interrupted, and the account let go {@value #LET_GO_AFTER_INTERRUPT_MILLIS} ms
     * later. Whatever happens, every lock taken is released: the transfer either ends with an
     * InterruptedException, nothing moved and no lock held, or (if its wait cannot be interrupted, as
     * a monitor's cannot) finishes once account 2 is free.
     */
    static void letsGoOfItsLocksWhenInterrupted(Class<? extends Transfer> answer) {
        warmUp(answer);
        Scenario scenario = Scenario.freeRunning();
        CheckAccount one = scenario.open(1, 100);
        CheckAccount two = scenario.open(2, 100);
        Transfer transfer = create(answer);
        String context = "transfer 1->2 (10), interrupted while it waited for account 2, which another thread held"
                + " (and let go " + LET_GO_AFTER_INTERRUPT_MILLIS + " ms after the interrupt)";
        Holder holder = Holder.of(two);
        long[] interruptedAt = {-1};
        boolean[] letGo = {false};
        Scenario.Watch interruptThenLetGo = (threads, elapsed) -> {
            Thread worker = threads.get(0);
            if (interruptedAt[0] < 0 && (waitsFor(worker, holder) || elapsed > PROBE_PATIENCE_NANOS)) {
                worker.interrupt();
                interruptedAt[0] = elapsed;
            } else if (interruptedAt[0] >= 0 && !letGo[0]
                    && elapsed - interruptedAt[0] >= TimeUnit.MILLISECONDS.toNanos(LET_GO_AFTER_INTERRUPT_MILLIS)) {
                letGo[0] = true;
                holder.release();
            }
            return null;
        };
        String result;
        try {
            result = within(context, () -> scenario.run(PAIR_LIMIT, interruptThenLetGo, List.of(
                    new Scenario.Job<>("transfer 1->2 (10)", () -> {
                        try {
                            return String.valueOf(transfer.transfer(one, two, 10));
                        } catch (InterruptedException e) {
                            return "an InterruptedException";
                        }
                    })))).get(0);
        } finally {
            holder.release();
        }
        if (result == null) { // it waited in lock(), which the check's locks end on an interrupt (see SteppingLock)
            result = "its lock() stopped by the check";
        }
        boolean stopped = !result.equals("true") && !result.equals("false") && one.now() == 100 && two.now() == 100;
        boolean finished = result.equals("true") && one.now() == 90 && two.now() == 110;
        if (!stopped && !finished) {
            throw new AssertionError(context + ": it ended with " + result + " and left the balances at " + one.now()
                    + " and " + two.now() + "; expected an InterruptedException with 100 and 100 (or, if its wait"
                    + " cannot be interrupted, true with 90 and 110)" + (one.now() + two.now() == 200 ? ""
                    : ": money left one account and never reached the other. Move it only while both locks are held"));
        }
        scenario.expectNoLockHeld("after " + context + ", it ended with " + result);
    }

    /** Is {@code worker} blocked on a lock that {@code holder} owns? */
    private static boolean waitsFor(Thread worker, Holder holder) {
        ThreadInfo info = THREADS.getThreadInfo(worker.threadId());
        return info != null && info.getLockOwnerId() == holder.threadId();
    }

    private static Interleavings explore(Class<? extends Transfer> answer) {
        return Interleavings.of(TransferCalls.class, TransferCalls.OneAtATime.class, answer);
    }

    // tag::stress[]
    /** 8 threads, 10,000 random transfers among 10 accounts of 1,000: bounded time, money kept, no overdraft. */
    static void survivesStress(Class<? extends Transfer> answer) {
        Scenario scenario = Scenario.freeRunning();
        List<CheckAccount> accounts = new ArrayList<>();
        for (int id = 1; id <= STRESS_ACCOUNTS; id++) {
            accounts.add(scenario.open(id, 1_000));
        }
        Transfer transfer = create(answer);
        long seed = System.nanoTime();
        List<Scenario.Job<Void>> jobs = new ArrayList<>();
        for (int t = 0; t < STRESS_THREADS; t++) {
            Random random = new Random(seed + t);
            jobs.add(new Scenario.Job<>("stress worker " + (t + 1), () -> {
                for (int i = 0; i < STRESS_TRANSFERS / STRESS_THREADS; i++) {
                    CheckAccount from = accounts.get(random.nextInt(STRESS_ACCOUNTS));
                    CheckAccount to = accounts.get(random.nextInt(STRESS_ACCOUNTS)); // sometimes the same
                    long amount = 1 + random.nextInt(500);
                    scenario.beginCall(new StressCall(Thread.currentThread().getName(), from, to, amount));
                    transfer.transfer(from, to, amount);
                }
                return null;
            }));
        }
        String context = STRESS_THREADS + " threads making " + STRESS_TRANSFERS + " random transfers among "
                + STRESS_ACCOUNTS + " accounts (seed " + seed + ")";
        within(context, () -> scenario.run(STRESS_LIMIT, jobs));
        long total = accounts.stream().mapToLong(CheckAccount::now).sum();
        if (total != STRESS_ACCOUNTS * 1_000L) {
            throw new AssertionError(context + ": the total went from 10,000 to " + total + ": money was made or lost");
        }
        expectNoOverdraft(context, scenario, accounts);
        scenario.expectNoLockHeld("after " + context);
    }
    // end::stress[]

    // ---- the pieces ----

    /** One transfer of a stress run, as messages name it. */
    record StressCall(String worker, CheckAccount from, CheckAccount to, long amount) {
        @Override
        public String toString() {
            return worker + ", transfer " + from.id() + "->" + to.id() + " (" + amount + ")";
        }
    }

    /** Fails if a transfer saw another's negative balance, or if one ended negative. */
    static void expectNoOverdraft(String context, Scenario scenario, List<CheckAccount> accounts) {
        if (scenario.overdraftSeen() != null) {
            throw new AssertionError(context + ": " + scenario.overdraftSeen() + ". Check the balance and move the"
                    + " money while both locks are held, so no other transfer can come between.");
        }
        for (CheckAccount account : accounts) {
            if (account.now() < 0) {
                throw new AssertionError(context + ": " + account + " ended at " + account.now() + ": an overdraft");
            }
        }
    }

    /**
     * What the accounts saw of a check-and-move that went wrong: the reads and writes of
     * {@code account}, which transfer made them and whether it held a lock of the account, and
     * any overdraft one transfer saw of another. Only what was seen is stated.
     */
    static String seenInside(Scenario scenario, CheckAccount account) {
        StringBuilder text = new StringBuilder();
        if (scenario.overdraftSeen() != null) {
            text.append(" ").append(scenario.overdraftSeen()).append(".");
        }
        text.append("\nWhat ").append(account).append(" saw, in order:");
        account.history().forEach(line -> text.append("\n  ").append(line));
        if (account.touchedWithoutItsLock()) {
            text.append("\nA balance read or written without the account's lock can change before the transfer acts"
                    + " on it: check the balance and move the money while both locks are held.");
        } else {
            text.append("\nEach of these held a lock of ").append(account).append(", yet the two transfers came"
                    + " between each other: check and move under one holding of both locks, and keep every other"
                    + " transfer of these accounts out meanwhile.");
        }
        return text.toString();
    }

    static void runOpposite(Scenario scenario, Transfer transfer, CheckAccount one, CheckAccount two) {
        String context = "two opposite transfers at once, " + one.id() + "->" + two.id() + " (500) and " + two.id()
                + "->" + one.id() + " (300), each made to take its first lock before the other asks for its second";
        List<Boolean> results = within(context, () -> scenario.run(PAIR_LIMIT, List.of(
                new Scenario.Job<>("transfer " + one.id() + "->" + two.id() + " (500)",
                        () -> transfer.transfer(one, two, 500)),
                new Scenario.Job<>("transfer " + two.id() + "->" + one.id() + " (300)",
                        () -> transfer.transfer(two, one, 300)))));
        if (!results.equals(List.of(true, true)) || one.now() != 800 || two.now() != 1200) {
            throw new AssertionError(context + ": they returned " + results + " and left " + one + " at " + one.now()
                    + " and " + two + " at " + two.now() + "; expected [true, true], 800 and 1200.");
        }
        scenario.expectNoLockHeld("after " + context);
    }

    // tag::probe[]
    /**
     * Another thread holds both accounts (their locks and their monitors). Transfer x -> y and
     * transfer y -> x start, and each soon waits for its first lock. If they wait for different
     * accounts, the account the forward transfer waits for is let go: if it then waits for the
     * other account while it holds the first, the two take the locks in opposite orders and hold
     * one while they wait for the other (run freely, each could wait forever for the other's). A
     * transfer that lets go of one lock before it asks for the next cannot deadlock, and is left to
     * the other checks, as is an answer that never waits for a lock (tryLock and back-off).
     */
    static void probeLockOrder(Scenario scenario, Transfer transfer, CheckAccount x, CheckAccount y) {
        Holder holdsX = Holder.of(x);
        Holder holdsY = Holder.of(y);
        LockOrderProbe probe = new LockOrderProbe(holdsX, holdsY, x, y);
        try {
            scenario.run(PAIR_LIMIT, probe::look, List.of(
                    new Scenario.Job<>("transfer " + x.id() + "->" + y.id() + " (1)", () -> transfer.transfer(x, y, 1)),
                    new Scenario.Job<>("transfer " + y.id() + "->" + x.id() + " (1)", () -> transfer.transfer(y, x, 1))));
        } finally {
            holdsX.release();
            holdsY.release();
        }
        scenario.expectNoLockHeld("after transfers " + x.id() + "->" + y.id() + " and " + y.id() + "->" + x.id());
    }

    /** What the probe has seen so far: first the two first waits, then where the forward transfer waits next. */
    private static final class LockOrderProbe {
        private final Holder holdsX;
        private final Holder holdsY;
        private final CheckAccount x;
        private final CheckAccount y;
        private boolean decided;
        private CheckAccount firstOfForward; // set once the first waits were in opposite orders
        private String firstWaits;
        private long secondPhaseFrom;

        LockOrderProbe(Holder holdsX, Holder holdsY, CheckAccount x, CheckAccount y) {
            this.holdsX = holdsX;
            this.holdsY = holdsY;
            this.x = x;
            this.y = y;
        }

        String look(List<Thread> threads, long elapsed) {
            if (decided) {
                return null;
            }
            return firstOfForward == null ? firstWaits(threads, elapsed) : nextWait(threads, elapsed);
        }

        private String firstWaits(List<Thread> threads, long elapsed) {
            ThreadInfo forward = THREADS.getThreadInfo(threads.get(0).threadId());
            ThreadInfo backward = THREADS.getThreadInfo(threads.get(1).threadId());
            boolean settled = waitsOrEnded(forward) && waitsOrEnded(backward);
            if (!settled && elapsed < PROBE_PATIENCE_NANOS) {
                return null;
            }
            CheckAccount forwardWants = settled ? wanted(forward, holdsX, holdsY, x, y) : null;
            CheckAccount backwardWants = settled ? wanted(backward, holdsX, holdsY, x, y) : null;
            if (forwardWants == null || backwardWants == null || forwardWants == backwardWants) {
                return finish(null); // one order for both, or kept apart by a lock of their own
            }
            firstOfForward = forwardWants;
            // named by the holder they wait for: tied accounts' locks have the same identity hash code
            firstWaits = "\"" + forward.getThreadName() + "\" waited first for " + forwardWants + " and \""
                    + backward.getThreadName() + "\" first for " + backwardWants;
            secondPhaseFrom = elapsed;
            (forwardWants == x ? holdsX : holdsY).release();
            return null;
        }

        /** The forward transfer has its first account: does it hold on to it while it waits for the other? */
        private String nextWait(List<Thread> threads, long elapsed) {
            ThreadInfo forward = THREADS.getThreadInfo(new long[] {threads.get(0).threadId()}, true, true)[0];
            if (!waitsOrEnded(forward) && elapsed - secondPhaseFrom < PROBE_PATIENCE_NANOS) {
                return null;
            }
            CheckAccount second = firstOfForward == x ? y : x;
            if (forward == null || forward.getLockOwnerId() < 0 || wanted(forward, holdsX, holdsY, x, y) != second
                    || !holdsALockOf(forward, firstOfForward)) {
                return finish(null); // it let go of its first lock before it asked for the next: no cycle
            }
            return finish("while another thread held both " + x + " and " + y + ", " + firstWaits + "; given "
                    + firstOfForward + ", \"" + forward.getThreadName() + "\" held on to it and waited for " + second
                    + ": the two transfers take the two locks in opposite"
                    + " orders, each holding one while it waits for the other. Run together, each can take its first"
                    + " lock and then wait forever for the other's: a deadlock waiting for its moment.");
        }

        private String finish(String verdict) {
            decided = true;
            holdsX.release();
            holdsY.release();
            return verdict;
        }

        /** Its lock, the account object's monitor, or the lock object's monitor, as ThreadMXBean sees them held. */
        private static boolean holdsALockOf(ThreadInfo info, CheckAccount account) {
            List<LockId> ofAccount = List.of(LockId.of(account.mutex()), LockId.of(account),
                    LockId.of(account.steppingLock()));
            return java.util.stream.Stream.concat(java.util.Arrays.stream(info.getLockedSynchronizers()),
                            java.util.Arrays.stream(info.getLockedMonitors()))
                    .map(LockId::of).anyMatch(ofAccount::contains);
        }
    }

    private static boolean waitsOrEnded(ThreadInfo info) {
        return info == null || info.getThreadState() == Thread.State.TERMINATED || info.getLockOwnerId() >= 0;
    }

    private static CheckAccount wanted(ThreadInfo info, Holder holdsX, Holder holdsY, CheckAccount x, CheckAccount y) {
        if (info == null) {
            return null;
        }
        long owner = info.getLockOwnerId();
        return owner == holdsX.threadId() ? x : owner == holdsY.threadId() ? y : null;
    }
    // end::probe[]

    private static void expectAlone(Scenario scenario, Transfer transfer, CheckAccount from, CheckAccount to,
                                    long amount, boolean expected, long fromAfter, long toAfter) {
        String what = "transfer(" + from + ", " + to + ", " + amount + ") with balances " + from.now() + " and "
                + to.now();
        boolean result = scenario.runAlone("transfer " + from.id() + "->" + to.id() + " (" + amount + ")", ALONE_LIMIT,
                () -> transfer.transfer(from, to, amount));
        if (result != expected) {
            throw new AssertionError(what + " returned " + result + ", expected " + expected);
        }
        if (from.now() != fromAfter || to.now() != toAfter) {
            throw new AssertionError(what + " left them at " + from.now() + " and " + to.now() + ", expected "
                    + fromAfter + " and " + toAfter);
        }
        scenario.expectNoLockHeld("after " + what);
    }

    private static void expectToItself(Scenario scenario, Transfer transfer, CheckAccount account, long amount,
                                       boolean expected) {
        long before = account.now();
        String what = "a transfer of " + amount + " from " + account + " to itself (balance " + before + ")";
        boolean result = within(what, () -> scenario.runAlone(
                "transfer " + account.id() + "->" + account.id() + " (" + amount + ")", ALONE_LIMIT,
                () -> transfer.transfer(account, account, amount)));
        if (account.now() != before) {
            throw new AssertionError(what + " left the balance at " + account.now() + ": with from == to, 'from'"
                    + " and 'to' are one balance, and a change written to one is written over by the other (or"
                    + " both count).");
        }
        if (result != expected) {
            throw new AssertionError(what + " returned " + result + ", expected " + expected + " (true when the"
                    + " balance covers the amount, as for any transfer)");
        }
        scenario.expectNoLockHeld("after " + what);
    }

    /** One transfer each way on accounts of their own, so that classes are loaded before a race is staged. */
    static void warmUp(Class<? extends Transfer> answer) {
        Scenario scenario = Scenario.freeRunning();
        CheckAccount a = scenario.open(91, 10);
        CheckAccount b = scenario.open(92, 10);
        Transfer transfer = create(answer);
        try {
            scenario.runAlone("warm-up", ALONE_LIMIT, () -> transfer.transfer(a, b, 1) && transfer.transfer(b, a, 1));
        } catch (AssertionError ignored) {
            // the checks themselves will say what is wrong
        }
    }

    /** Runs {@code body}; a failure inside gets {@code context} in front of its message. */
    static <T> T within(String context, java.util.function.Supplier<T> body) {
        try {
            return body.get();
        } catch (AssertionError e) {
            throw new AssertionError(context + ":\n" + e.getMessage(), e);
        }
    }

    static void within(String context, Runnable body) {
        within(context, () -> {
            body.run();
            return null;
        });
    }

    static Transfer create(Class<? extends Transfer> answer) {
        try {
            var constructor = answer.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create a " + answer.getSimpleName(), e);
        }
    }
}
