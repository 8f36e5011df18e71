package course.kit;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Finds the threads a test started and left running: the kit's guard that no thread outlives its test. */
final class LeftoverThreads {

    /** Threads of the JVM, JUnit and Surefire, which come and go on their own. */
    private static final List<String> INFRASTRUCTURE = List.of(
            "junit-", "surefire-", "ForkJoinPool.commonPool", "Common-Cleaner", "Attach Listener",
            "process reaper", "Reference Handler", "Signal Dispatcher", "Finalizer", "Notification Thread",
            "RMI ", "JMX ", "C1 ", "C2 ", "Monitor Deflation", "Service Thread", "Sweeper");

    private LeftoverThreads() {
    }

    static Set<Thread> snapshot() {
        return new HashSet<>(Thread.getAllStackTraces().keySet());
    }

    /** Threads alive now that were not in {@code before}: interrupted, given {@code grace} to end, then listed. */
    static List<Thread> since(Set<Thread> before, Duration grace) {
        List<Thread> fresh = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.isAlive() && !isInfrastructure(t))
                .toList();
        if (fresh.isEmpty()) {
            return fresh;
        }
        fresh.forEach(Thread::interrupt);
        long end = System.nanoTime() + grace.toNanos();
        for (Thread thread : fresh) {
            try {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return fresh.stream().filter(Thread::isAlive).toList();
    }

    private static boolean isInfrastructure(Thread thread) {
        return INFRASTRUCTURE.stream().anyMatch(prefix -> thread.getName().startsWith(prefix));
    }
}
