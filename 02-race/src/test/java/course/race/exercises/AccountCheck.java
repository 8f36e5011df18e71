package course.race.exercises;

import course.kit.Interleavings;
import course.kit.Workers;
import course.race.BankAccount;
import course.race.Vault;
import java.lang.reflect.Constructor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jetbrains.lincheck.datastructures.Operation;

/**
 * The checks of exercise race.withdraw, for any {@link BankAccount} class with a
 * {@code (Vault)} constructor. The concurrent checks explore every interleaving of two
 * withdrawals made at once ({@link Interleavings}: a model checker switches threads at every
 * read, write and lock) and compare each outcome with the same withdrawals made one at a time.
 */
final class AccountCheck {

    static final Duration HANG_LIMIT = Duration.ofSeconds(2);
    static final Duration STALL = Duration.ofMillis(200);

    private AccountCheck() {
    }

    static void all(Class<? extends BankAccount> answer) {
        withdrawsAlone(answer);
        neverOverdraws(answer);
        losesNoWithdrawal(answer);
        waitsForAStalledWithdrawal(answer);
    }

    /** One thread: takes money when it is there, refuses when it is not. */
    static void withdrawsAlone(Class<? extends BankAccount> answer) {
        BankAccount account = create(answer, Vault.holding(100));
        expect(account.withdraw(30), true, "withdraw(30) from a balance of 100");
        expectBalance(account, 70, "after withdraw(30) from 100");
        expect(account.withdraw(80), false, "withdraw(80) from a balance of 70");
        expectBalance(account, 70, "after a refused withdraw(80)");
        expect(account.withdraw(70), true, "withdraw(70) from a balance of 70 (exactly what is there)");
        expectBalance(account, 0, "after taking all of it");
    }

    // tag::overdraw[]
    /** Two withdrawals of 60 from 100 at once: exactly one may succeed, in every interleaving. */
    static void neverOverdraws(Class<? extends BankAccount> answer) {
        explore(answer).together(List.of("withdraw60", "withdraw60"), "balance")
                .check("two withdrawals of 60 from a balance of 100, made at once, must leave one success and 40");
    }
    // end::overdraw[]

    /**
     * Two withdrawals that both fit, at once: both must succeed and nothing be lost, in every
     * interleaving. Last, one that is refused among them: it must keep nobody waiting.
     */
    static void losesNoWithdrawal(Class<? extends BankAccount> answer) {
        explore(answer)
                .together(List.of("withdraw40", "withdraw40"), "balance")
                .saying("two withdrawals of 40 from a balance of 100, made at once, must both succeed and leave 20")
                .together(List.of("withdraw60", "withdraw40"), "balance")
                .saying("a withdrawal of 60 and one of 40 from a balance of 100, made at once, must both succeed"
                        + " and leave 0")
                .scenario(List.of(), List.of(List.of("withdraw10", "withdraw10"), List.of("withdraw10")),
                        List.of("balance"))
                .saying("three withdrawals of 10 from a balance of 100, two on one thread and one on another, must"
                        + " all succeed and leave 70, however often one gets in between the other's steps")
                .scenario(List.of(), List.of(List.of("withdraw60", "withdraw60"), List.of("withdraw40")),
                        List.of("balance"))
                .saying("withdrawals of 60 and 60 on one thread and of 40 on another, from a balance of 100, must"
                        + " all finish as they would one at a time, whichever is refused: a refused withdrawal"
                        + " must let go of what it held, or it keeps the next one waiting for ever")
                .check("withdrawals that fit in the balance, made at once, must all succeed");
    }

    // tag::stalled[]
    /**
     * One withdrawal stalls in the middle (its write to the vault takes long: a slow row, a thread
     * preempted at the worst moment) while a second one is made, on an account of a million: the
     * model checker does not model time, so real threads do this. The second must wait for the
     * first: not give up (the money is there), not go in beside it (the stalled write would undo
     * its own). Both fit, so both must succeed and leave 0.
     */
    static void waitsForAStalledWithdrawal(Class<? extends BankAccount> answer) {
        StallingVault vault = new StallingVault(1_000_000);
        BankAccount account = create(answer, vault);
        AtomicReference<Boolean> second = new AtomicReference<>();
        AtomicBoolean secondEndedDuringStall = new AtomicBoolean();
        try (Workers workers = Workers.named("withdrawal")) {
            Thread first = workers.start("first", () -> account.withdraw(600_000));
            vault.awaitStall();
            Thread secondThread = workers.start("second", () -> second.set(account.withdraw(400_000)));
            secondEndedDuringStall.set(StallProbe.endsOrWaits(secondThread, STALL));
            vault.letGo();
            workers.joinAll(List.of(first, secondThread), HANG_LIMIT);
        }
        String scene = "a withdrawal of 600,000 from 1,000,000 stalled inside the vault (its write took "
                + STALL.toMillis() + " ms) while another of 400,000 was made";
        if (secondEndedDuringStall.get() && Boolean.FALSE.equals(second.get())) {
            throw new AssertionError(scene + ": the second gave up and returned false while the first was still"
                    + " under way, though the money was there. A withdrawal waits for the lock as long as it"
                    + " takes (no timed tryLock, no spin that gives up)");
        }
        if (secondEndedDuringStall.get()) {
            throw new AssertionError(scene + ": the second returned " + second.get() + " while the first was still"
                    + " under way, so it went in beside it (a lock that was not the same object for both, or a"
                    + " wait that gave up and went in anyway); the balance ended at " + vault.balance()
                    + ", not 0");
        }
        if (!Boolean.TRUE.equals(second.get()) || vault.balance() != 0) {
            throw new AssertionError(scene + ": the second returned " + second.get() + " and the balance ended at "
                    + vault.balance() + "; both fit, so both must succeed and leave 0");
        }
    }

    /** A vault whose first write stalls until the check lets it go. */
    private static final class StallingVault implements Vault {
        private volatile long value;
        private final AtomicBoolean stallNext = new AtomicBoolean(true);
        private final CountDownLatch stalling = new CountDownLatch(1);
        private final CountDownLatch letGo = new CountDownLatch(1);

        StallingVault(long balance) {
            value = balance;
        }

        @Override
        public long balance() {
            return value;
        }

        @Override
        public void setBalance(long balance) {
            if (stallNext.compareAndSet(true, false)) {
                stalling.countDown();
                awaitQuietly(letGo);
            }
            value = balance;
        }

        void awaitStall() {
            if (!awaitQuietly(stalling)) {
                throw new AssertionError("withdraw(600,000) from 1,000,000 never wrote the new balance to the vault"
                        + " within " + HANG_LIMIT.toMillis() + " ms");
            }
        }

        void letGo() {
            letGo.countDown();
        }

        private static boolean awaitQuietly(CountDownLatch latch) {
            try {
                return latch.await(HANG_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
    // end::stalled[]

    private static Interleavings explore(Class<? extends BankAccount> answer) {
        return Interleavings.of(Withdrawals.class, OneAtATime.class, answer);
    }

    /** The calls the model checker makes, on a fresh account holding 100 in a plain vault. */
    public static final class Withdrawals {
        private final Vault vault = Vault.holding(100);
        private final BankAccount account = construct(Interleavings.answer(BankAccount.class), vault);

        @Operation
        public boolean withdraw60() {
            return account.withdraw(60);
        }

        @Operation
        public boolean withdraw40() {
            return account.withdraw(40);
        }

        @Operation
        public boolean withdraw10() {
            return account.withdraw(10);
        }

        /** What the vault holds: the balance must live there. */
        @Operation
        public long balance() {
            return vault.balance();
        }
    }

    /** What the same calls do one at a time. */
    public static final class OneAtATime {
        private long balance = 100;

        public boolean withdraw60() {
            return take(60);
        }

        public boolean withdraw40() {
            return take(40);
        }

        public boolean withdraw10() {
            return take(10);
        }

        public long balance() {
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

    private static void expect(boolean actual, boolean expected, String what) {
        if (actual != expected) {
            throw new AssertionError(what + " returned " + actual + ", expected " + expected);
        }
    }

    private static void expectBalance(BankAccount account, long expected, String when) {
        if (account.balance() != expected) {
            throw new AssertionError("balance " + when + " is " + account.balance() + ", expected " + expected);
        }
    }

    private static BankAccount create(Class<? extends BankAccount> answer, Vault vault) {
        RaceJit.require();
        return construct(answer, vault);
    }

    private static BankAccount construct(Class<? extends BankAccount> answer, Vault vault) {
        try {
            Constructor<? extends BankAccount> constructor = answer.getDeclaredConstructor(Vault.class);
            constructor.setAccessible(true); // the model may be in another class loader than the answer
            return constructor.newInstance(vault);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create a " + answer.getSimpleName() + "(Vault)", e);
        }
    }
}
