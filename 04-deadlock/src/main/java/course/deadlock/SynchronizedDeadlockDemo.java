package course.deadlock;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The article's deadlock with Java's built-in locks: each account is its own monitor, and a
 * transfer is {@code synchronized (from) { synchronized (to) { ... } } }. Transfer 1 -> 2 (500)
 * and transfer 2 -> 1 (300) start together; a latch holds each one after its first lock until
 * the other has its first lock too (the article sleeps there instead), so the deadlock happens
 * on every run. The JVM is asked to confirm it, and says who holds what.
 *
 * <p>Nothing can end this deadlock: a thread blocked on a monitor ignores interrupts, and a
 * monitor cannot be taken from its owner. The two threads are daemons, so the program can still
 * end; they stay blocked until the JVM exits.
 */
public final class SynchronizedDeadlockDemo {

    /** What the demo saw: whether the JVM confirmed the deadlock, and who held and wanted what. */
    public record Outcome(boolean deadlocked, List<String> whoHoldsWhat, List<Thread> threads) {
    }

    /** An account that is its own lock. */
    static final class MonitorAccount {
        final int id;
        long balance;   // guarded by this

        MonitorAccount(int id, long balance) {
            this.id = id;
            this.balance = balance;
        }
    }

    // tag::synchronized-transfer[]
    static void transfer(MonitorAccount from, MonitorAccount to, long amount, CountDownLatch bothHoldOne)
            throws InterruptedException {
        synchronized (from) {
            bothHoldOne.countDown();
            bothHoldOne.await();                // each thread now holds one lock: the trap is set
            synchronized (to) {                 // blocks forever: the other thread holds it
                if (from.balance >= amount) {
                    from.balance -= amount;
                    to.balance += amount;
                }
            }
        }
    }
    // end::synchronized-transfer[]

    public static Outcome run() throws InterruptedException {
        MonitorAccount one = new MonitorAccount(1, 1000);
        MonitorAccount two = new MonitorAccount(2, 1000);
        CountDownLatch bothHoldOne = new CountDownLatch(2);
        Thread a = daemon("transfer 1->2 (500)", () -> transfer(one, two, 500, bothHoldOne));
        Thread b = daemon("transfer 2->1 (300)", () -> transfer(two, one, 300, bothHoldOne));
        a.start();
        b.start();
        boolean deadlocked = DeadlockReport.awaitDeadlock(List.of(a, b), Duration.ofSeconds(5));
        List<String> report = new DeadlockReport().name(one, "account 1").name(two, "account 2")
                .describe(List.of(a, b));
        return new Outcome(deadlocked, report, List.of(a, b));
    }

    /** A task that may be interrupted. */
    interface Body {
        void run() throws InterruptedException;
    }

    static Thread daemon(String name, Body body) {
        return Thread.ofPlatform().name(name).daemon(true).unstarted(() -> {
            try {
                body.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    public static void main(String[] args) throws InterruptedException {
        Outcome outcome = run();
        System.out.println("findDeadlockedThreads() names both transfers: " + outcome.deadlocked());
        outcome.whoHoldsWhat().forEach(line -> System.out.println("  " + line));
        for (Thread thread : outcome.threads()) {
            System.out.println("  \"" + thread.getName() + "\" is " + thread.getState());
        }
        System.out.println("Nothing can end this: an interrupt does not reach a thread blocked on a monitor.");
        System.out.println("The two threads are daemons, so the JVM exits anyway.");
    }
}
