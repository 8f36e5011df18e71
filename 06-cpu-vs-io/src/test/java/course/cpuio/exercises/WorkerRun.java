package course.cpuio.exercises;

import course.cpuio.JavaCommand;
import course.cpuio.PrimeWorker;
import course.cpuio.ProcessRunner;
import course.cpuio.RunReport;
import course.cpuio.Worker;
import course.kit.Workers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * One call of a runner under test on a list of {@link WorkerPlan}s: the {@link TestWorker}
 * processes it is given, the directory where they leave word of their progress, and, when the
 * runner does not return, what the workers were doing (stuck writing to a full pipe, never
 * started, finished). Every worker process still alive when the call is over is killed, so no
 * check leaves processes behind.
 */
final class WorkerRun implements AutoCloseable {

    static final Duration HANG_LIMIT = Duration.ofSeconds(7);

    /** What the call did: returned a report, or threw. */
    record Outcome(RunReport report, Throwable thrown) {
    }

    final Path dir;
    final List<WorkerPlan> plans;
    final List<Worker> workers;

    WorkerRun(List<WorkerPlan> plans) {
        this.dir = tempDir();
        this.plans = List.copyOf(plans);
        this.workers = plans.stream().map(this::worker).toList();
    }

    /** Calls {@code runAll} on a new instance of {@code answer}; fails, saying what the workers were doing, if it hangs. */
    Outcome call(Class<? extends ProcessRunner> answer) {
        AtomicReference<Outcome> outcome = new AtomicReference<>();
        try (Workers threads = Workers.named("runner")) {
            Thread caller = threads.start("runner-caller", () -> {
                try {
                    outcome.set(new Outcome(answer.getDeclaredConstructor().newInstance().runAll(workers), null));
                } catch (Throwable e) {
                    outcome.set(new Outcome(null, e instanceof java.lang.reflect.InvocationTargetException i
                            ? i.getCause() : e));
                }
            });
            join(caller, HANG_LIMIT);
            if (caller.isAlive()) {
                String diagnosis = hangDiagnosis();
                killWorkers();
                join(caller, Duration.ofSeconds(1));
                throw new AssertionError("runAll did not return within " + HANG_LIMIT.toSeconds() + " s for "
                        + workers.size() + " short workers. " + diagnosis);
            }
        } finally {
            killWorkers();
        }
        return outcome.get();
    }

    /** What each worker was doing when the runner had not returned. */
    private String hangDiagnosis() {
        List<WorkerPlan> stuck = new ArrayList<>();
        List<WorkerPlan> neverStarted = new ArrayList<>();
        for (WorkerPlan plan : plans) {
            if (plan.steps().contains("crash") || plan.steps().contains("gate")) {
                continue;
            }
            boolean started = Files.exists(dir.resolve(plan.name() + ".started"));
            boolean finished = Files.exists(dir.resolve(plan.name() + ".finished"));
            if (started && !finished) {
                stuck.add(plan);
            } else if (!started) {
                neverStarted.add(plan);
            }
        }
        StringBuilder text = new StringBuilder();
        for (WorkerPlan plan : plans) {
            if (hasFile(plan.name() + ".alone")) {
                text.append("Worker ").append(plan.described()).append(" waited in vain: it and its partner never ran"
                        + " at the same time, so the workers ran one after another. Start every process first, then"
                        + " wait for them. ");
            }
        }
        for (WorkerPlan plan : stuck) {
            String step = plan.steps().get(stepReached(plan));
            String stream = step.startsWith("err") ? "its error stream" : step.startsWith("out") || step.startsWith("count")
                    ? "its standard output" : null;
            if (stream == null) {
                text.append("Worker ").append(plan.described()).append(" was still running. ");
                continue;
            }
            text.append("Worker ").append(plan.described()).append(" was still running, stuck writing on ")
                    .append(stream).append(": nobody read ").append(stream).append(" while it ran, so once the"
                    + " pipe between it and your runner was full (a pipe holds about 64 KB) it could only wait, and"
                    + " so could runAll. ");
        }
        if (!neverStarted.isEmpty()) {
            text.append(neverStarted.size()).append(" worker(s) never even started (")
                    .append(String.join(", ", neverStarted.stream().map(p -> "\"" + p.name() + "\"").toList()))
                    .append("): the runner was still waiting for an earlier one. ");
        }
        if (stuck.isEmpty() && neverStarted.isEmpty()) {
            text.append("Every worker had finished its work, yet runAll still waited for something. ");
        }
        if (!stuck.isEmpty()) {
            text.append("Read both streams of every worker while the workers run (a thread for each stream, or"
                    + " redirect each stream to a file), and only then wait for the exits: a worker that writes more"
                    + " than a pipe holds cannot exit until someone reads it");
        } else {
            text.append("Start every worker, then wait for every one of them (its exit, and the end of both its"
                    + " streams)");
        }
        return text.toString();
    }

    /** Kills every process this JVM started that is still alive: the workers of a runner that hung or left early. */
    private static void killWorkers() {
        List<ProcessHandle> alive = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
        alive.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : alive) {
            try {
                process.onExit().get(2, TimeUnit.SECONDS);
            } catch (Exception e) {
                // gone, or going: nothing more to do
            }
        }
    }

    private static void join(Thread thread, Duration patience) {
        try {
            thread.join(patience.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The last step the worker of {@code plan} began. */
    private int stepReached(WorkerPlan plan) {
        int step = 0;
        while (step + 1 < plan.steps().size() && hasFile(plan.name() + ".step-" + (step + 1))) {
            step++;
        }
        return step;
    }

    boolean hasFile(String name) {
        return Files.exists(dir.resolve(name));
    }

    void createFile(String name) {
        try {
            Files.createFile(dir.resolve(name));
        } catch (java.nio.file.FileAlreadyExistsException | java.nio.file.NoSuchFileException e) {
            // already there, or already cleaned up
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A worker running {@link TestWorker} in a quick-starting JVM; {@code crash} runs it where its class is not. */
    private Worker worker(WorkerPlan plan) {
        if (plan.steps().equals(List.of("crash"))) {
            String nowhere = dir.resolve("no-classes-here").toString();
            return new Worker(plan.name(), JavaCommand.of(JavaCommand.QUICK_START, nowhere, PrimeWorker.class.getName(),
                    "0", "10000"), plan.expected());
        }
        List<String> args = new ArrayList<>(List.of(dir.toString(), plan.name()));
        args.addAll(plan.steps());
        String classPath = rootOf(TestWorker.class) + java.io.File.pathSeparator + rootOf(PrimeWorker.class);
        return new Worker(plan.name(), JavaCommand.of(JavaCommand.QUICK_START, classPath, TestWorker.class.getName(),
                args.toArray(String[]::new)), plan.expected());
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
            return Files.createTempDirectory("runner-check-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the workers' directory. */
    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a temporary directory left behind is no reason to fail a check
        }
    }
}
