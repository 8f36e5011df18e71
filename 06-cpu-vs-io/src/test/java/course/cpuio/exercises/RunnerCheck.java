package course.cpuio.exercises;

import course.cpuio.JavaCommand;
import course.cpuio.PrimeWorker;
import course.cpuio.ProcessRunner;
import course.cpuio.RunReport;
import course.cpuio.Worker;
import course.cpuio.WorkerFailedException;
import course.kit.Workers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The checks of exercise cpuio.runner, for any {@link ProcessRunner} class with a no-argument
 * constructor. The workers are real JVMs running {@link TestWorker}, each told to succeed, to
 * fail, or to print a wrong result; the crashed worker is the article's accident retold: a
 * child that cannot find the code it was sent to run, and dies at start-up.
 */
final class RunnerCheck {

    static final Duration HANG_LIMIT = Duration.ofSeconds(8);
    static final long MEET_PATIENCE_MILLIS = 2_000;

    private RunnerCheck() {
    }

    static void all(Class<? extends ProcessRunner> answer) {
        reportsResultsAndTime(answer);
        refusesACrashedWorker(answer);
        refusesAWrongResult(answer);
        refusesANonZeroExit(answer);
        startsAllBeforeWaiting(answer);
    }

    /**
     * Three good workers: their results, in order, and a time that covers the slowest of them.
     * The last one, "gated", runs until the check lets it go: the check sees it start, waits as
     * long again as everything before took plus 200 ms, and only then lets it finish. A clock
     * that ran until the last exit saw all of that wait; a clock stopped once the processes were
     * started saw none of it, however slowly the machine started them.
     */
    static void reportsResultsAndTime(Class<? extends ProcessRunner> answer) {
        Path gate = tempDir();
        AtomicLong heldMillis = new AtomicLong();
        long start = System.nanoTime();
        try (Workers gatekeeper = Workers.named("runner-gate")) {
            gatekeeper.start("runner-gate", () -> holdTheGate(gate, start, heldMillis));
            List<Worker> workers = List.of(
                    worker("counter-1", "1229", "count", "0", "10000"),
                    worker("counter-2", "1033", "count", "10000", "20000"),
                    worker("gated", "done", "gate", gate.toString(), "done"));
            Outcome outcome = run(answer, workers);
            long callMillis = (System.nanoTime() - start) / 1_000_000;
            if (outcome.thrown() != null) {
                throw new AssertionError("runAll threw " + outcome.thrown() + " for three workers that all did their"
                        + " work (exit status 0, the expected result printed)", outcome.thrown());
            }
            RunReport report = outcome.report();
            if (report == null || !List.of("1229", "1033", "done").equals(report.results())) {
                throw new AssertionError("runAll reported the results " + (report == null ? null : report.results())
                        + ", but the workers printed [1229, 1033, done] (in worker order; the last line of each one's"
                        + " output)");
            }
            long wallMillis = report.wallTime().toMillis();
            if (wallMillis < heldMillis.get()) {
                throw new AssertionError("runAll reported a wall time of " + wallMillis + " ms, but the worker"
                        + " \"gated\" alone ran for more than " + heldMillis.get() + " ms after it started: the clock"
                        + " must stop when the last worker has exited, not when the last one was started");
            }
            if (wallMillis > callMillis + 50) {
                throw new AssertionError("runAll reported a wall time of " + wallMillis + " ms, but the call itself"
                        + " took " + callMillis + " ms: measure with System.nanoTime() from the first start to the"
                        + " last exit");
            }
        } finally {
            open(gate);
            deleteTree(gate);
        }
    }

    /** Waits for the gated worker to start, holds it as long again as that took plus 200 ms, then lets it go. */
    private static void holdTheGate(Path gate, long start, AtomicLong heldMillis) {
        long end = System.nanoTime() + HANG_LIMIT.toNanos();
        while (!Files.exists(gate.resolve("started")) && System.nanoTime() < end) {
            NewThreads.sleepOneMilli();
        }
        long seen = System.nanoTime();
        long hold = (seen - start) / 1_000_000 + 200;
        try {
            Thread.sleep(hold);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        heldMillis.set((System.nanoTime() - seen) / 1_000_000);
        open(gate);
    }

    private static void open(Path gate) {
        try {
            Files.createFile(gate.resolve("go"));
        } catch (java.nio.file.FileAlreadyExistsException | java.nio.file.NoSuchFileException e) {
            // already open, or already cleaned up
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // tag::crashed-worker[]
    /** A worker that dies at start-up, as the article's children did: no time may be reported. */
    static void refusesACrashedWorker(Class<? extends ProcessRunner> answer) {
        Path nowhere = Path.of(System.getProperty("java.io.tmpdir"), "no-classes-here");
        Worker crashed = new Worker("crashed", JavaCommand.of(JavaCommand.QUICK_START, nowhere.toString(),
                PrimeWorker.class.getName(), "0", "10000"), "1229");
        List<Worker> workers = List.of(worker("counter-1", "1229", "count", "0", "10000"), crashed);
        Outcome outcome = run(answer, workers);
        if (outcome.report() != null) {
            throw new AssertionError("runAll reported a time of " + outcome.report().wallTime().toMillis() + " ms"
                    + " and the results " + outcome.report().results() + ", but the worker \"crashed\" exited with"
                    + " status 1 before doing any work (it could not find its main class). That is how the article"
                    + " measured \"18.59x\": the time of processes that died at start-up. Check every exit status"
                    + " and every result before reporting a time; throw WorkerFailedException if any is wrong");
        }
        expectRefusal(outcome, "crashed", "exited with status 1 at start-up");
    }
    // end::crashed-worker[]

    /** A worker that exits with status 0 but prints the wrong number. */
    static void refusesAWrongResult(Class<? extends ProcessRunner> answer) {
        List<Worker> workers = List.of(
                worker("counter-1", "1229", "count", "0", "10000"),
                worker("wrong-range", "1229", "count", "0", "20000"));
        Outcome outcome = run(answer, workers);
        if (outcome.report() != null) {
            throw new AssertionError("runAll reported a time and the results " + outcome.report().results()
                    + ", but the worker \"wrong-range\" printed 2262 where 1229 was expected: a worker that exits"
                    + " with status 0 has not necessarily done the right work. Compare each result with the"
                    + " expected one before reporting a time");
        }
        expectRefusal(outcome, "wrong-range", "printed a wrong result");
    }

    /** A worker that prints the right number, then exits with status 3. */
    static void refusesANonZeroExit(Class<? extends ProcessRunner> answer) {
        List<Worker> workers = List.of(
                worker("counter-1", "1229", "count", "0", "10000"),
                worker("failed-late", "1229", "exit", "3", "1229"));
        Outcome outcome = run(answer, workers);
        if (outcome.report() != null) {
            throw new AssertionError("runAll reported a time and the results " + outcome.report().results()
                    + ", but the worker \"failed-late\" exited with status 3 after printing its result: a worker"
                    + " that says it failed has failed, whatever it printed. Check every exit status");
        }
        expectRefusal(outcome, "failed-late", "exited with status 3");
    }

    /** Two workers that each wait for the other to be running: they meet only if started together. */
    static void startsAllBeforeWaiting(Class<? extends ProcessRunner> answer) {
        Path dir = tempDir();
        try {
            String patience = String.valueOf(MEET_PATIENCE_MILLIS);
            List<Worker> workers = List.of(
                    worker("meet-1", "met", "meet", dir.toString(), "meet-1", "2", patience),
                    worker("meet-2", "met", "meet", dir.toString(), "meet-2", "2", patience));
            Outcome outcome = run(answer, workers);
            boolean met = outcome.report() != null && List.of("met", "met").equals(outcome.report().results());
            if (!met) {
                throw new AssertionError("two workers that each wait up to " + MEET_PATIENCE_MILLIS + " ms for the"
                        + " other to be running never ran at the same time (" + (outcome.thrown() != null
                        ? "runAll threw " + outcome.thrown() : "results " + outcome.report().results()) + "): start"
                        + " every process first, then wait for them; a loop that starts one and waits for it before"
                        + " starting the next runs the workers one after another");
            }
        } finally {
            deleteTree(dir);
        }
    }

    // ---- helpers ----

    record Outcome(RunReport report, Throwable thrown) {
    }

    static Outcome run(Class<? extends ProcessRunner> answer, List<Worker> workers) {
        try (Workers threads = Workers.named("runner")) {
            RunReport report = threads.runTogether(1, HANG_LIMIT,
                    i -> answer.getDeclaredConstructor().newInstance().runAll(workers)).getFirst();
            return new Outcome(report, null);
        } catch (AssertionError e) {
            if (e.getCause() == null) {
                throw new AssertionError("runAll did not return within " + HANG_LIMIT.toSeconds() + " s for "
                        + workers.size() + " short workers\n" + e.getMessage(), e);
            }
            return new Outcome(null, e.getCause());
        }
    }

    private static void expectRefusal(Outcome outcome, String failedName, String what) {
        Throwable thrown = outcome.thrown();
        if (!(thrown instanceof WorkerFailedException failure)) {
            throw new AssertionError("runAll threw " + thrown + " when the worker \"" + failedName + "\" " + what
                    + ": it should throw WorkerFailedException, naming that worker", thrown);
        }
        if (failure.problems().stream().noneMatch(p -> p.contains(failedName))) {
            throw new AssertionError("runAll refused the run, but its WorkerFailedException does not name the"
                    + " worker \"" + failedName + "\", which " + what + ": " + failure.problems());
        }
        if (failure.problems().stream().anyMatch(p -> p.contains("counter-1"))) {
            throw new AssertionError("the WorkerFailedException names \"counter-1\", which did its work: "
                    + failure.problems() + ". Name only the workers that failed");
        }
    }

    /** A worker running {@link TestWorker} in a quick-starting JVM. */
    static Worker worker(String name, String expected, String... args) {
        String classPath = rootOf(TestWorker.class) + java.io.File.pathSeparator + rootOf(PrimeWorker.class);
        return new Worker(name, JavaCommand.of(JavaCommand.QUICK_START, classPath, TestWorker.class.getName(), args),
                expected);
    }

    /** The class-path entry (directory or jar) that holds a class. */
    static String rootOf(Class<?> type) {
        String resource = type.getName().replace('.', '/') + ".class";
        URL url = type.getClassLoader().getResource(resource);
        try {
            if (url == null) {
                throw new IllegalStateException("cannot find " + resource);
            }
            if ("jar".equals(url.getProtocol())) {
                String file = url.getPath().substring(0, url.getPath().indexOf("!/"));
                return Path.of(URI.create(file)).toString();
            }
            Path path = Path.of(url.toURI());
            for (int i = 0; i < resource.split("/").length; i++) {
                path = path.getParent();
            }
            return path.toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate " + type.getName(), e);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("meet-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a temporary directory left behind is no reason to fail a check
        }
    }
}
