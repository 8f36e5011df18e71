package course.kit.watch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * One worker JVM (see {@link WorkerMain}), seen from the watcher: started ahead of the run, so
 * that the JVM's start is paid before the learner saves; used for one run, then thrown away.
 * The learner's classes for its run are compiled into {@link #learnerClasses()}, a directory
 * that is first on its class path and empty until then. Its verdict is final once sent (the
 * learner's record is written by then), so the watcher shows it without waiting for the JVM to
 * end, and {@link #close()} ends it.
 */
final class WorkerJvm implements AutoCloseable {

    /** How a run ended. */
    sealed interface Outcome {
        record Passed() implements Outcome { }
        record Failed(WorkerMessage.Failure failure) implements Outcome { }
        /** A test ran past its limit and the worker was killed. */
        record Hung(String test, Duration limit) implements Outcome { }
        /** The worker ended without a verdict. */
        record Crashed(String why) implements Outcome { }
        /** A new save (or the learner's key) came first: the run was dropped. */
        record Cancelled() implements Outcome { }
    }

    private static final String EXITED = "exited";
    private static final Duration EXIT_GRACE = Duration.ofSeconds(5);
    private static final int LOG_LINES_SHOWN = 15;

    private final Process process;
    private final Path runDir;
    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private boolean ready;

    private WorkerJvm(Process process, Path runDir) {
        this.process = process;
        this.runDir = runDir;
    }

    /** Starts a worker for {@code module}; its files go to {@code runDir}, which must not exist yet. */
    static WorkerJvm start(WatchedModule module, String java, Path runDir) {
        try {
            Files.createDirectories(runDir.resolve("classes"));
            Process process = new ProcessBuilder(module.workerCommand(java, runDir.resolve("classes"), runDir.resolve("tests.log")))
                    .directory(module.dir().toFile())
                    .redirectError(runDir.resolve("jvm.log").toFile())
                    .start();
            WorkerJvm worker = new WorkerJvm(process, runDir);
            Thread reader = new Thread(worker::readMessages, "watch-worker-reader");
            reader.setDaemon(true);
            reader.start();
            return worker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path learnerClasses() {
        return runDir.resolve("classes");
    }

    /** Empties {@link #learnerClasses()}: what a compile that failed half-way left there goes. */
    void clearLearnerClasses() {
        deleteRecursively(learnerClasses());
        try {
            Files.createDirectories(learnerClasses());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Has the worker said it is ready? Does not wait. */
    boolean isReady() {
        if (!ready && WorkerMessage.READY.equals(messages.peek())) {
            messages.poll();
            ready = true;
        }
        return ready;
    }

    /** How a wait for a worker to get ready ended. */
    enum Start { READY, FAILED, DROPPED }

    /**
     * Waits until the worker has loaded the JUnit Platform: {@code FAILED} if it died or took longer
     * than {@code limit}, {@code DROPPED} as soon as {@code dropWait} says so (the worker is left
     * as it is, warming up, for a later run).
     */
    Start awaitReady(Duration limit, BooleanSupplier dropWait) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!ready) {
            if (dropWait.getAsBoolean()) {
                return Start.DROPPED;
            }
            String message = messages.poll(50, TimeUnit.MILLISECONDS);
            if (message != null) {
                ready = WorkerMessage.READY.equals(message);
                if (!ready) {
                    return Start.FAILED;
                }
            } else if (System.nanoTime() > deadline) {
                return Start.FAILED;
            }
        }
        return Start.READY;
    }

    /**
     * Runs the test class of {@code exercise} and waits for its verdict. Each test may take
     * {@code perTest} (its own timeout and a margin) before the worker counts as hung and is
     * killed. {@code dropRun} is asked all along: when it says yes, the run is dropped.
     */
    Outcome run(String testClass, String exercise, Duration perTest, BooleanSupplier dropRun)
            throws InterruptedException {
        try {
            Writer command = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            command.write("run " + testClass + " " + exercise + "\n");
            command.flush();
        } catch (IOException e) {
            return new Outcome.Crashed("the worker JVM could not be told to run: " + e.getMessage() + log());
        }
        String test = "(starting)";
        long deadline = System.nanoTime() + perTest.toNanos();
        while (true) {
            String message = messages.poll(50, TimeUnit.MILLISECONDS);
            if (dropRun.getAsBoolean()) {
                close();
                return new Outcome.Cancelled();
            }
            if (message == null) {
                if (System.nanoTime() > deadline) {
                    close();
                    return new Outcome.Hung(test, perTest);
                }
            } else if (message.startsWith(WorkerMessage.STARTED)) {
                test = message.substring(WorkerMessage.STARTED.length()).strip();
                deadline = System.nanoTime() + perTest.toNanos();
            } else if (message.startsWith(WorkerMessage.FAILED)) {
                return new Outcome.Failed(WorkerMessage.failure(message.substring(WorkerMessage.FAILED.length())));
            } else if (message.equals(WorkerMessage.PASSED)) {
                return new Outcome.Passed();
            } else if (message.equals(EXITED)) {
                return new Outcome.Crashed("the test JVM ended without a verdict (exit status "
                        + process.waitFor() + ")" + log());
            }
        }
    }

    private void readMessages() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith(WorkerMain.PREFIX)) {
                    messages.add(line.substring(WorkerMain.PREFIX.length()));
                }
            }
        } catch (IOException e) {
            // the worker was killed: its pipe is gone
        }
        messages.add(EXITED);
    }

    /** The last lines the worker's tests and JVM printed. */
    private String log() {
        StringBuilder text = new StringBuilder();
        for (String name : List.of("tests.log", "jvm.log")) {
            try {
                List<String> lines = Files.readAllLines(runDir.resolve(name));
                lines.subList(Math.max(0, lines.size() - LOG_LINES_SHOWN), lines.size())
                        .forEach(line -> text.append("\n  ").append(line));
            } catch (IOException | UncheckedIOException e) {
                // nothing printed there
            }
        }
        return text.toString();
    }

    /** Kills the worker (and anything it started) and deletes its files. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(EXIT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteRecursively(runDir);
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // already gone, or held open on Windows until the JVM is gone: the next start cleans up
        }
    }
}
