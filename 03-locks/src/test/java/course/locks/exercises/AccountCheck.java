package course.locks.exercises;

import course.kit.Interleavings;
import course.kit.StuckThreads;
import course.kit.Workers;
import course.locks.Account;
import course.locks.Ledger;
import course.locks.LedgerUnavailableException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jetbrains.lincheck.datastructures.Operation;

/**
 * The checks of exercise locks.account, for any {@link Account} class with a {@code (Ledger)}
 * constructor: the learner's {@code LockedAccount} and the answers in {@code AccountCheckIT}.
 *
 * <p>That every call is one indivisible step is found by exploring: a model checker
 * ({@link Interleavings}) runs two calls at once in every interleaving it can make of their
 * reads, writes and lock operations, and compares what they return and leave in the ledger
 * with the same calls made one at a time. The rest is about waiting, which a model checker
 * does not imitate, and is arranged with a {@link WatchedLedger} on real threads: a write that
 * fails on purpose, and a call held inside the ledger while another caller waits for the
 * account, is watched, and is interrupted.
 */
final class AccountCheck {

    static final Duration HANG_LIMIT = Duration.ofSeconds(3);
    static final Duration PROMPTLY = Duration.ofSeconds(1);
    /** Interleavings tried per scenario: each costs the model checker the lock's own steps too. */
    static final int INTERLEAVINGS = 100;
    /** How long a caller that waits with a timeout is watched, to see whether it gives up. */
    static final Duration GIVE_UP_LIMIT = Duration.ofSeconds(1);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private AccountCheck() {
    }

    static void all(Class<? extends Account> answer) {
        worksAlone(answer);
        neverOverdraws(answer);
        losesNoDeposit(answer);
        depositAndWithdrawalAreOneAtATime(answer);
        staysUsableAfterAFailedWrite(answer);
        waitingCallerCanBeInterrupted(answer);
    }

    /** One thread: deposits, withdrawals, a refusal; and no lock is still held after any call. */
    static void worksAlone(Class<? extends Account> answer) {
        Account account = create(answer, Ledger.inMemory(100));
        call(() -> account.deposit(50), "deposit(50) on a balance of 100");
        expectBalance(account, 150, "after deposit(50) on 100");
        expect(call(() -> account.withdraw(120), "withdraw(120)"), true, "withdraw(120) from a balance of 150");
        expectBalance(account, 30, "after withdraw(120) from 150");
        Set<String> heldBefore = locksOfThisThread(); // the test runner's own, if any
        expect(call(() -> account.withdraw(31), "withdraw(31)"), false, "withdraw(31) from a balance of 30");
        expectNoLockHeld(heldBefore, "withdraw(31) returned false");
        expectBalance(account, 30, "after a refused withdraw(31)");
        expect(call(() -> account.withdraw(30), "withdraw(30)"), true, "withdraw(30) from a balance of 30 (the"
                + " balance covers it exactly)");
        expectBalance(account, 0, "after withdraw(30) from 30");
    }

    private static void expectNoLockHeld(Set<String> before, String after) {
        String held = locksTakenSince(before);
        if (!held.isEmpty()) {
            throw new AssertionError(after + ", and its thread still holds " + held + ": a way out of the method"
                    + " skipped the unlock(). Put unlock() in a finally block, which every way out passes through");
        }
    }

    // tag::explored[]
    /** Two withdrawals of 60 from 100 at once: in every interleaving, exactly one may succeed. */
    static void neverOverdraws(Class<? extends Account> answer) {
        explore(answer).together(List.of("withdraw60", "withdraw60"), "ledgerBalance")
                .check("two withdrawals of 60 from a balance of 100, made at once, must leave one success and 40"
                        + " in the ledger");
    }

    /** Two deposits at once: in every interleaving, both count. */
    static void losesNoDeposit(Class<? extends Account> answer) {
        explore(answer).together(List.of("deposit40", "deposit40"), "ledgerBalance")
                .check("two deposits of 40 on a balance of 100, made at once, must both count and leave 180");
    }

    /** A deposit and a withdrawal at once: only one lock for every call keeps them apart. */
    static void depositAndWithdrawalAreOneAtATime(Class<? extends Account> answer) {
        explore(answer).together(List.of("deposit40", "withdraw60"), "ledgerBalance")
                .check("a deposit of 40 and a withdrawal of 60 on a balance of 100, made at once, must both happen"
                        + " and leave 80");
    }

    private static Interleavings explore(Class<? extends Account> answer) {
        return Interleavings.of(Calls.class, OneAtATime.class, answer).atMost(INTERLEAVINGS);
    }

    /** The calls the model checker makes, on a fresh account of the answer's class holding 100. */
    public static final class Calls {
        private final Ledger ledger = Ledger.inMemory(100);
        private final Account account = create(Interleavings.answer(Account.class), ledger);

        @Operation
        public boolean withdraw60() throws InterruptedException {
            return account.withdraw(60);
        }

        @Operation
        public void deposit40() throws InterruptedException {
            account.deposit(40);
        }

        /** What the ledger holds: the balance must live there. */
        @Operation
        public long ledgerBalance() {
            return ledger.balance();
        }
    }

    /** What the same calls do one at a time. */
    public static final class OneAtATime {
        private long balance = 100;

        public boolean withdraw60() {
            return take(60);
        }

        public void deposit40() {
            balance += 40;
        }

        public long ledgerBalance() {
            return balance;
        }

        private boolean take(long amount) {
            if (balance < amount) {
                return false;
            }
            balance -= amount;
            return true;
        }
    }
    // end::explored[]

    // tag::failed-write[]
    /** The ledger fails one write: the caller sees it, and the next caller is not locked out. */
    static void staysUsableAfterAFailedWrite(Class<? extends Account> answer) {
        WatchedLedger ledger = new WatchedLedger(100).failingNextWrites(1);
        Account account = create(answer, ledger);
        try (Workers workers = Workers.named("caller")) {
            FailedCall first = workers.runTogether(1, HANG_LIMIT, i -> {
                Throwable thrown = null;
                Set<String> heldBefore = locksOfThisThread();
                try {
                    account.withdraw(30);          // its write fails
                } catch (Throwable e) {
                    thrown = e;
                }
                return new FailedCall(thrown, locksTakenSince(heldBefore)); // after the call: does it still hold a lock?
            }).getFirst();
            if (!(first.thrown() instanceof LedgerUnavailableException)) {
                throw new AssertionError("the ledger failed the write of withdraw(30), but withdraw() "
                        + (first.thrown() == null ? "returned normally" : "threw " + first.thrown())
                        + ": the caller must see the LedgerUnavailableException (do not catch it)");
            }
            if (!first.locksStillHeld().isEmpty()) {
                throw new AssertionError("withdraw(30) threw LedgerUnavailableException, and afterwards its thread"
                        + " still holds " + first.locksStillHeld() + ": the unlock() was skipped. Every other caller"
                        + " would now wait for ever: put unlock() in a finally block");
            }
            AtomicReference<Object> next = new AtomicReference<>();
            Thread nextCaller = workers.start("caller-2", () -> next.set(outcomeOf(() -> {
                account.deposit(10);                 // the next caller must get in, promptly
                return "done";
            })));
            if (!finishesWithoutWaiting(nextCaller)) {
                String report = StuckThreads.describe(nextCaller);
                nextCaller.interrupt();
                throw new AssertionError("after a withdrawal failed with LedgerUnavailableException, the next"
                        + " deposit() waited, with nobody else using the account: the failed call never gave back the"
                        + " lock (or permit) it took. Release it in a finally block.\n" + report);
            }
            if (next.get() instanceof Throwable thrown) {
                throw new AssertionError("after a failed withdrawal, deposit(10) threw " + thrown, thrown);
            }
        }
        if (ledger.finalBalance() != 110) {
            throw new AssertionError("a failed withdraw(30), then deposit(10), on a balance of 100 left "
                    + ledger.finalBalance() + " (expected 110)");
        }
    }
    // end::failed-write[]

    /**
     * Does {@code thread} end without ever waiting? Nobody else uses the account now, so a call
     * that stays blocked or parked (100 ms in a row) waits for something that will never come.
     */
    private static boolean finishesWithoutWaiting(Thread thread) {
        long end = System.nanoTime() + HANG_LIMIT.toNanos();
        long waitingSince = 0;
        while (thread.isAlive()) {
            long now = System.nanoTime();
            if (!Rendezvous.isKeptOut(thread)) {
                waitingSince = 0;
            } else if (waitingSince == 0) {
                waitingSince = now;
            } else if (now - waitingSince > 100_000_000L) {
                return false;
            }
            if (now > end) {
                return false;
            }
            Rendezvous.pause();
        }
        return true;
    }

    private record FailedCall(Throwable thrown, String locksStillHeld) {
    }

    // tag::interrupt[]
    /** The calls that must wait for the account while a withdrawal is in progress: all of them, the read too. */
    static final List<String> WAITING_CALLS = List.of("withdraw(20)", "deposit(20)", "balance()");

    /**
     * A caller waiting for the account, interrupted, must give up at once with InterruptedException:
     * a withdrawal, a deposit, and a reading of the balance (which must wait too: the withdrawal
     * in progress is half-written).
     */
    static void waitingCallerCanBeInterrupted(Class<? extends Account> answer) {
        for (String call : WAITING_CALLS) {
            waitingCallerCanBeInterrupted(answer, call);
        }
    }

    private static Object callOf(Account account, String call) throws Exception {
        return switch (call) {
            case "withdraw(20)" -> account.withdraw(20);
            case "deposit(20)" -> {
                account.deposit(20);
                yield "deposited";
            }
            case "balance()" -> account.balance();
            default -> throw new IllegalArgumentException(call);
        };
    }

    /** One waiting call, {@code call}, held behind a withdrawal of 10 that is inside the ledger, then interrupted. */
    private static void waitingCallerCanBeInterrupted(Class<? extends Account> answer, String call) {
        WatchedLedger ledger = new WatchedLedger(100).withGate();
        Account account = create(answer, ledger);
        AtomicReference<Object> waiterOutcome = new AtomicReference<>();
        try (Workers workers = Workers.named("caller")) {
            Thread holder = workers.start("holder", () -> quietly(() -> account.withdraw(10))); // held inside the ledger
            awaitHolderInside(ledger, holder);
            Thread waiter = workers.start("waiter", () -> waiterOutcome.set(outcomeOf(() -> callOf(account, call))));
            awaitWaiting(waiter, call, waiterOutcome, ledger);
            expectNoGivingUp(waiter, call, waiterOutcome, ledger);
            long waitsBefore = THREADS.getThreadInfo(waiter.threadId()).getWaitedCount();
            waiter.interrupt();
            if (!givesUp(waiter, holder, waitsBefore)) {
                ledger.openGate(); // let everyone finish before reporting
                workers.joinAll(List.of(holder, waiter), HANG_LIMIT);
                throw new AssertionError("a caller of " + call + " waiting for the account was interrupted and went"
                        + " on waiting: lock() (and synchronized) ignore interrupts. Take the lock with"
                        + " lockInterruptibly(), in every method");
            }
            ledger.openGate();
            workers.joinAll(List.of(holder), HANG_LIMIT);
        }
        Object outcome = waiterOutcome.get();
        if (outcome instanceof IllegalMonitorStateException) {
            throw new AssertionError("the interrupted caller of " + call + " threw IllegalMonitorStateException"
                    + " instead of InterruptedException: its finally block called unlock() on a lock it never got."
                    + " Call lockInterruptibly() before the try, not inside it");
        }
        if (!(outcome instanceof InterruptedException)) {
            throw new AssertionError("a caller waiting for the account was interrupted; " + call + " then "
                    + describe(outcome) + " (expected InterruptedException)");
        }
        if (ledger.finalBalance() != 90) {
            throw new AssertionError("withdraw(10), and an interrupted " + call + ", on a balance of 100 left "
                    + ledger.finalBalance() + " (expected 90)");
        }
    }
    // end::interrupt[]

    /**
     * A caller that waits with a timeout (a timed tryLock, say) is watched for a while: the
     * account is still busy, so it must still be waiting when the watch ends, not have returned
     * or thrown. A caller parked with no timeout waits until it is woken, and is not watched.
     */
    private static void expectNoGivingUp(Thread waiter, String call, AtomicReference<Object> outcome,
                                         WatchedLedger ledger) {
        if (Rendezvous.parkedWithoutTimeout(waiter)) {
            return;
        }
        long start = System.nanoTime();
        while (System.nanoTime() - start < GIVE_UP_LIMIT.toNanos()) {
            if (!waiter.isAlive()) {
                ledger.openGate();
                throw new AssertionError(call + " waited for the account, with a timeout, while another"
                        + " withdrawal held it, and after " + (System.nanoTime() - start) / 1_000_000 + " ms it "
                        + describe(outcome.get()) + " although that withdrawal was still under way: it gave up."
                        + " A caller must wait until the account is free (or it is interrupted): take the lock"
                        + " with lockInterruptibly(), or retry a timed tryLock until it succeeds");
            }
            Rendezvous.pause();
        }
    }

    private static void awaitHolderInside(WatchedLedger ledger, Thread holder) {
        try {
            if (!ledger.awaitWriterAtGate(HANG_LIMIT.toMillis())) {
                throw new AssertionError("withdraw(10) on a balance of 100 never wrote to the ledger within "
                        + HANG_LIMIT.toMillis() + " ms:\n" + StuckThreads.describe(holder));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * After the interrupt: has the waiter given up (ended)? False as soon as it is sure not to:
     * blocked on a monitor the holder owns (entering synchronized cannot be interrupted), or
     * parked again after the interrupt woke it (lock() takes note of the interrupt and waits on).
     */
    private static boolean givesUp(Thread waiter, Thread holder, long waitsBefore) {
        long end = System.nanoTime() + PROMPTLY.toNanos();
        while (waiter.isAlive()) {
            ThreadInfo info = THREADS.getThreadInfo(waiter.threadId());
            if (info != null) {
                boolean blockedByHolder = info.getThreadState() == Thread.State.BLOCKED
                        && info.getLockOwnerId() == holder.threadId();
                boolean parkedAgain = info.getThreadState() == Thread.State.WAITING && info.getWaitedCount() > waitsBefore;
                if (blockedByHolder || parkedAgain) {
                    return false;
                }
            }
            if (System.nanoTime() > end) {
                return false;
            }
            Rendezvous.pause();
        }
        return true;
    }

    /** Waits until the waiter is blocked or parked: waiting for the holder, as it should be. */
    private static void awaitWaiting(Thread waiter, String call, AtomicReference<Object> outcome, WatchedLedger ledger) {
        long end = System.nanoTime() + PROMPTLY.toNanos();
        while (!Rendezvous.settledWaiting(waiter)) {
            if (!waiter.isAlive()) {
                ledger.openGate();
                throw new AssertionError(call + " " + describe(outcome.get()) + " while a withdrawal was still"
                        + " writing to the ledger: it did not wait for the lock that call holds (no lock, or a"
                        + " different one)" + (call.equals("balance()") ? ", and read a balance in the middle of"
                        + " a change. A read needs the lock too: the one that guards the writes" : ""));
            }
            if (System.nanoTime() > end) {
                ledger.openGate();
                throw new AssertionError(call + " neither waited nor finished while another withdrawal was in"
                        + " progress (does it spin, a loop of tryLock() say, instead of waiting asleep for the"
                        + " lock?):\n" + StuckThreads.describe(waiter));
            }
            Rendezvous.pause();
        }
    }

    // ---- helpers ----

    @FunctionalInterface
    interface Action<T> {
        T run() throws Exception;
    }

    /** The locks and monitors this thread holds, as {@code Class@hash}, a name each. */
    private static Set<String> locksOfThisThread() {
        ThreadInfo info = THREADS.getThreadInfo(new long[] {Thread.currentThread().threadId()}, true, true)[0];
        return Stream.concat(Stream.of(info.getLockedSynchronizers()), Stream.of(info.getLockedMonitors()))
                .map(lock -> lock.getClassName().substring(lock.getClassName().lastIndexOf('.') + 1) + "@"
                        + Integer.toHexString(lock.getIdentityHashCode()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The locks this thread holds now and did not hold {@code before}, or "" if none. */
    private static String locksTakenSince(Set<String> before) {
        Set<String> now = locksOfThisThread();
        now.removeAll(before);
        return String.join(", ", now);
    }

    private static Object outcomeOf(Action<Object> action) {
        try {
            return action.run();
        } catch (Throwable e) {
            return e;
        }
    }

    private static void quietly(Action<Object> action) {
        outcomeOf(action);
    }

    private static String describe(Object outcome) {
        return outcome instanceof Throwable t ? "threw " + t : "returned " + outcome;
    }

    private static <T> T call(Action<T> action, String what) {
        try {
            return action.run();
        } catch (Exception e) {
            throw new AssertionError(what + " threw " + e, e);
        }
    }

    private static void call(ThrowingRunnable action, String what) {
        try {
            action.run();
        } catch (Exception e) {
            throw new AssertionError(what + " threw " + e, e);
        }
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static void expect(boolean actual, boolean expected, String what) {
        if (actual != expected) {
            throw new AssertionError(what + " returned " + actual + ", expected " + expected);
        }
    }

    private static void expectBalance(Account account, long expected, String when) {
        long balance = call(account::balance, "balance()");
        if (balance != expected) {
            throw new AssertionError("balance " + when + " is " + balance + ", expected " + expected);
        }
    }

    private static Account create(Class<? extends Account> answer, Ledger ledger) {
        try {
            var constructor = answer.getDeclaredConstructor(Ledger.class);
            constructor.setAccessible(true);
            return constructor.newInstance(ledger);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create a " + answer.getSimpleName() + "(Ledger)", e);
        }
    }
}
