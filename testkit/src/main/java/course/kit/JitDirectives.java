package course.kit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import javax.management.JMException;
import javax.management.ObjectName;
import org.opentest4j.TestAbortedException;

/**
 * Tells HotSpot's JIT compilers how to compile the code under test, from inside the test JVM,
 * so that a check behaves the same whether Maven started the JVM or an IDE's JUnit runner did
 * (which passes none of Maven's JVM options). It adds compiler directives at run time, as
 * {@code jcmd <pid> Compiler.directives_add <file>} would; they apply to every method compiled
 * afterwards, so a check adds them before the code under test first runs.
 *
 * <p>A JVM that does not take directives (not HotSpot) cannot run such a check faithfully: the
 * check stops with a sentence that says so, rather than give a verdict it cannot stand by.
 */
public final class JitDirectives {

    private static final Set<String> ADDED = ConcurrentHashMap.newKeySet();

    private JitDirectives() {
    }

    /**
     * Adds {@code directives} (HotSpot's JSON form, an array of directives, the first match of a
     * method wins) once per JVM.
     */
    public static synchronized void require(String directives) {
        if (ADDED.contains(directives)) {
            return;
        }
        String result;
        try {
            Path file = Files.createTempFile("course-jit-directives", ".json");
            try {
                Files.writeString(file, directives);
                result = String.valueOf(ManagementFactory.getPlatformMBeanServer().invoke(
                        new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
                        new Object[] {new String[] {file.toString()}}, new String[] {String[].class.getName()}));
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JMException | RuntimeException e) {
            throw cannotRun(e.toString());
        }
        if (!result.contains("added")) {
            throw cannotRun(result.strip());
        }
        ADDED.add(directives);
    }

    /**
     * Waits, at most {@code limit}, until the JIT compilers have nothing queued or under way. A
     * visibility check calls it while its spinner spins: the spinner's loop must be compiled
     * before the action, as in a long-running program, and a JVM that has just run much other
     * code (a model checker's exploration) may have a long queue in front of it.
     */
    public static void awaitIdleCompilers(Duration limit) {
        long end = System.nanoTime() + limit.toNanos();
        while (!compilersIdle() && System.nanoTime() < end) {
            LockSupport.parkNanos(2_000_000);
        }
    }

    private static boolean compilersIdle() {
        String queue;
        try {
            queue = String.valueOf(ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerQueue",
                    new Object[] {null}, new String[] {String[].class.getName()}));
        } catch (JMException | RuntimeException e) {
            return true; // nothing to wait for that can be seen
        }
        boolean underWay = false;
        for (String line : queue.lines().map(String::strip).toList()) {
            if (line.isEmpty() || line.equals("Empty")) {
                continue;
            }
            if (line.startsWith("Current compiles:") || line.endsWith("compile queue:")) {
                underWay = line.startsWith("Current compiles:") && line.length() > "Current compiles:".length();
                continue;
            }
            return false; // a task, under way or queued
        }
        return !underWay;
    }

    private static TestAbortedException cannotRun(String why) {
        return new TestAbortedException("this check needs to tell the JIT compiler how to compile the code under"
                + " test (HotSpot's compiler directives), and this JVM (" + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.vm.version") + ") refused: " + why + ". Run it on a HotSpot JDK"
                + " (OpenJDK, Temurin, Oracle), from Maven or your IDE.");
    }
}
