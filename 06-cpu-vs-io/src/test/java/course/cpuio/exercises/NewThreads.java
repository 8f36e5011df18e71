package course.cpuio.exercises;

import course.kit.StuckThreads;
import course.kit.Threads;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which platform threads a call started and left running: a pool never shut down, say. The
 * JDK's own threads (those behind virtual threads, its socket pollers), started on first use
 * and kept, are not the call's.
 */
final class NewThreads {

    /** Threads that belong to the JVM or the test machinery and come and go by themselves. */
    private static final List<String> NOT_THE_ANSWERS = List.of(
            "ForkJoinPool.commonPool", "Common-Cleaner", "process reaper", "Attach Listener", "junit-",
            "surefire-", "HttpClient-", "C1 ", "C2 ", "JFR ", "Notification Thread");

    private final Set<Thread> before;

    private NewThreads(Set<Thread> before) {
        this.before = before;
    }

    /** Remembers the threads alive now. */
    static NewThreads snapshot() {
        return new NewThreads(Set.copyOf(Thread.getAllStackTraces().keySet()));
    }

    /**
     * Waits up to {@code grace} for every thread started since the snapshot to end, then fails
     * with {@code explanation} and a description of the threads still alive.
     */
    void expectAllEnded(Duration grace, String explanation) {
        long end = System.nanoTime() + grace.toNanos();
        List<Thread> alive = alive();
        while (!alive.isEmpty() && System.nanoTime() < end) {
            sleepOneMilli();
            alive = alive();
        }
        if (!alive.isEmpty()) {
            String names = alive.stream().map(Thread::getName).collect(Collectors.joining(", "));
            String report = StuckThreads.describe(alive);
            alive.forEach(Thread::interrupt);
            throw new AssertionError(explanation + "; still running " + grace.toMillis() + " ms later: " + names
                    + "\n" + report);
        }
    }

    private List<Thread> alive() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.isAlive() && !t.isVirtual() && !Threads.isTheJdksOwn(t))
                .filter(t -> NOT_THE_ANSWERS.stream().noneMatch(prefix -> t.getName().startsWith(prefix)))
                .filter(t -> !t.getName().startsWith("split-") && !t.getName().startsWith("fetch-")
                        && !t.getName().startsWith("runner-"))
                .toList();
    }

    static void sleepOneMilli() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
