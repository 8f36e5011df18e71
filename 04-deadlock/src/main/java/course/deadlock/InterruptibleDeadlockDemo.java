package course.deadlock;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * The article's deadlock with the article's accounts (a lock each), and a way out. The two
 * opposite transfers of {@link UnsafeTransfer} deadlock on every run (a latch is their pause);
 * the JVM confirms it and says who holds what. Then the demo breaks the cycle: it picks one
 * transfer as the victim and interrupts its thread. The victim waits in
 * {@code lockInterruptibly()}, so it gets an InterruptedException, gives up and releases the
 * lock it held; the other transfer gets that lock and finishes.
 *
 * <p>This is recovery, not prevention: a deadlock detected from outside and broken by taking a
 * lock back from one thread (the "no preemption" condition, broken by hand). The victim's
 * transfer did not happen; a real program would retry it or report it.
 */
public final class InterruptibleDeadlockDemo {

    /** What happened: the deadlock seen, who held what, how each transfer ended, the balances after. */
    public record Outcome(boolean deadlocked, List<String> whoHoldsWhat, Map<String, String> endings,
                          long balance1, long balance2, boolean threadsEnded) {
    }

    public static Outcome run() throws InterruptedException {
        Account one = Account.open(1, 1000);
        Account two = Account.open(2, 1000);
        CountDownLatch bothHoldOne = new CountDownLatch(2);
        // tag::latch-pause[]
        Transfer unsafe = new UnsafeTransfer((from, to) -> {
            bothHoldOne.countDown();      // I hold my first lock...
            bothHoldOne.await();          // ...and wait until the other transfer holds its first lock too
        });
        // end::latch-pause[]
        Map<String, String> endings = new ConcurrentHashMap<>();
        Thread a = transferThread("transfer 1->2 (500)", () -> unsafe.transfer(one, two, 500), endings);
        Thread b = transferThread("transfer 2->1 (300)", () -> unsafe.transfer(two, one, 300), endings);
        a.start();
        b.start();

        // tag::detect-and-break[]
        boolean deadlocked = DeadlockReport.awaitDeadlock(List.of(a, b), Duration.ofSeconds(5));
        List<String> report = new DeadlockReport().nameAccounts(List.of(one, two)).describe(List.of(a, b));
        b.interrupt();                    // the victim: it waits in lockInterruptibly(), so the wait ends
        a.join(Duration.ofSeconds(5));
        b.join(Duration.ofSeconds(5));
        // end::detect-and-break[]
        boolean ended = !a.isAlive() && !b.isAlive();
        return new Outcome(deadlocked, report, Map.copyOf(endings), one.balance(), two.balance(), ended);
    }

    interface TransferCall {
        boolean call() throws InterruptedException;
    }

    private static Thread transferThread(String name, TransferCall call, Map<String, String> endings) {
        return Thread.ofPlatform().name(name).daemon(true).unstarted(() -> {
            try {
                endings.put(name, call.call() ? "moved the money" : "refused: not enough money");
            } catch (InterruptedException e) {
                endings.put(name, "interrupted while waiting for a lock: gave up, released its lock");
            }
        });
    }

    public static void main(String[] args) throws InterruptedException {
        Outcome outcome = run();
        System.out.println("findDeadlockedThreads() names both transfers: " + outcome.deadlocked());
        outcome.whoHoldsWhat().forEach(line -> System.out.println("  " + line));
        System.out.println("after interrupting the victim, \"transfer 2->1 (300)\":");
        outcome.endings().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> System.out.println("  \"" + e.getKey() + "\" " + e.getValue()));
        System.out.println("  both threads ended: " + outcome.threadsEnded());
        System.out.println("balances: account 1 = " + outcome.balance1() + ", account 2 = " + outcome.balance2()
                + " (the 500 moved; the victim's 300 did not)");
    }
}
