package course.cpuio.exercises;

import course.cpuio.ProcessRunner;
import course.cpuio.RunReport;
import course.cpuio.Worker;
import course.cpuio.WorkerFailedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Exercise cpuio.runner: a process runner that refuses to report a time when a worker failed.
 *
 * <p>Start every worker's process (all of them, before waiting for any), wait for all of them,
 * and time the run from the first start to the last exit. Then check every worker: its exit
 * status must be 0 and the last line it printed must be its expected result. Only if every
 * worker passes, return the time and the results. Otherwise throw a
 * {@link WorkerFailedException} with one line per failed worker, naming it and saying what went
 * wrong (exit status, what it printed on its error stream, or the wrong result).
 *
 * <p>Run {@code ./mvnw test -pl 06-cpu-vs-io} to check your answer.
 */
public final class CheckedRunner implements ProcessRunner {

    @Override
    public RunReport runAll(List<Worker> workers) throws IOException, InterruptedException, WorkerFailedException {
        long start = System.nanoTime();
        List<Process> processes = new ArrayList<>();
        for (Worker worker : workers) {
            processes.add(new ProcessBuilder(worker.command()).redirectErrorStream(true).start());
        }
        List<String> results = new ArrayList<>();
        for (Process process : processes) {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            results.add(output.strip());
        }
        Duration wallTime = Duration.ofNanos(System.nanoTime() - start);
        // TODO: this is the article's mistake: a time is reported without asking whether the
        //  workers did their work. Check each exit status and each result first.
        return new RunReport(wallTime, results);
    }
}
