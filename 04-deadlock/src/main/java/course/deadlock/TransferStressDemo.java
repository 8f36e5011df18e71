package course.deadlock;

import course.deadlock.exercises.OrderedTransfer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * The proof a fix must pass: 8 threads make 10,000 random transfers among 10 accounts of
 * 1,000 each, some of them from an account to itself. A correct transfer finishes in bounded
 * time, keeps the total at 10,000, and never leaves an account below zero. The run stops early
 * if the JVM finds some of the threads deadlocked, and says who holds what.
 *
 * <p>{@code main} runs it on the fixes of this lesson, on your {@code OrderedTransfer}
 * (exercise deadlock.ordered), and on the article's unsafe transfer with a 1 ms pause.
 */
public final class TransferStressDemo {

    public static final int THREADS = 8;
    public static final int TRANSFERS = 10_000;
    public static final int ACCOUNTS = 10;
    public static final long OPENING_BALANCE = 1_000;
    static final Duration LIMIT = Duration.ofSeconds(20);

    private static final ThreadMXBean JVM_THREADS = ManagementFactory.getThreadMXBean();

    /** What a run did. */
    public record Result(String name, long millis, int moved, int refused, long totalBefore, long totalAfter,
                         long lowestBalance, boolean finished, List<String> deadlock, String error) {

        public boolean moneyKept() {
            return totalAfter == totalBefore;
        }

        @Override
        public String toString() {
            if (error != null || !deadlock.isEmpty()) {
                String text = String.format(Locale.ROOT, "%-28s stopped after %,d transfers", name, moved + refused);
                if (error != null) {
                    text += "\n    " + error;
                }
                if (!deadlock.isEmpty()) {
                    text += "\n    DEADLOCK:\n      " + String.join("\n      ", deadlock);
                }
                return text;
            }
            return String.format(Locale.ROOT, "%-28s %,6d transfers in %,5d ms: %,d moved, %,d refused;"
                            + " total %,d -> %,d; lowest balance %,d",
                    name, moved + refused, millis, moved, refused, totalBefore, totalAfter, lowestBalance);
        }
    }

    // tag::stress[]
    public static Result run(String name, Transfer transfer, long seed) throws InterruptedException {
        List<Account> accounts = new ArrayList<>();
        for (int id = 1; id <= ACCOUNTS; id++) {
            accounts.add(Account.open(id, OPENING_BALANCE));
        }
        long totalBefore = ACCOUNTS * OPENING_BALANCE;
        AtomicInteger moved = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicReference<String> error = new AtomicReference<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Random random = new Random(seed + t);
            workers.add(Thread.ofPlatform().name(name + " worker " + (t + 1)).daemon(true).start(() -> {
                try {
                    go.await();
                    for (int i = 0; i < TRANSFERS / THREADS; i++) {
                        Account from = accounts.get(random.nextInt(ACCOUNTS));
                        Account to = accounts.get(random.nextInt(ACCOUNTS));   // sometimes the same one
                        boolean ok = transfer.transfer(from, to, 1 + random.nextInt(500));
                        (ok ? moved : refused).incrementAndGet();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();                     // stopped: a deadlock was found
                } catch (RuntimeException e) {
                    error.compareAndSet(null, Thread.currentThread().getName() + " threw " + e);
                }
            }));
        }
        long start = System.nanoTime();
        go.countDown();
        List<String> deadlock = awaitEndOrDeadlock(workers, accounts);
        long millis = (System.nanoTime() - start) / 1_000_000;
        boolean finished = workers.stream().noneMatch(Thread::isAlive);
        long totalAfter = accounts.stream().mapToLong(Account::balance).sum();
        long lowest = accounts.stream().mapToLong(Account::balance).min().orElseThrow();
        return new Result(name, millis, moved.get(), refused.get(), totalBefore, totalAfter, lowest, finished, deadlock,
                error.get());
    }
    // end::stress[]

    /** Waits until the workers end (an empty list) or some of them deadlock (who holds what; then stops them all). */
    private static List<String> awaitEndOrDeadlock(List<Thread> workers, List<Account> accounts)
            throws InterruptedException {
        Set<Long> ours = workers.stream().map(Thread::threadId).collect(Collectors.toSet());
        long end = System.nanoTime() + LIMIT.toNanos();
        while (workers.stream().anyMatch(Thread::isAlive) && System.nanoTime() < end) {
            long[] found = JVM_THREADS.findDeadlockedThreads();
            List<Thread> stuck = found == null ? List.of() : workers.stream()
                    .filter(w -> Arrays.stream(found).anyMatch(id -> id == w.threadId())).toList();
            if (!stuck.isEmpty() && ours.containsAll(stuck.stream().map(Thread::threadId).toList())) {
                List<String> report = new DeadlockReport().nameAccounts(accounts).describe(stuck);
                workers.forEach(Thread::interrupt);   // the lesson's transfers wait in lockInterruptibly()
                for (Thread w : workers) {
                    w.join(Duration.ofSeconds(2));
                }
                return report;
            }
            TimeUnit.MILLISECONDS.sleep(2);
        }
        return List.of();
    }

    public static void main(String[] args) throws InterruptedException {
        long seed = args.length > 0 && !args[0].isBlank() ? Long.parseLong(args[0].trim()) : 42;
        System.out.printf(Locale.ROOT, "%d threads, %,d random transfers among %d accounts of %,d (seed %d)%n",
                THREADS, TRANSFERS, ACCOUNTS, OPENING_BALANCE, seed);
        System.out.println(run("one global lock", new GlobalLockTransfer(), seed));
        System.out.println(run("identityHashCode order", new IdentityOrderedTransfer(), seed));
        System.out.println(run("your OrderedTransfer", new OrderedTransfer(), seed));
        System.out.println(run("unsafe, 1 ms pause", new UnsafeTransfer((from, to) -> TimeUnit.MILLISECONDS.sleep(1)),
                seed));
    }
}
