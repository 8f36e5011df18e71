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
 * <p>What {@code runAll} must do, for any number of workers (none at all included):
 * <ul>
 *   <li>Start every worker's process, all of them before waiting for any, and time the run from
 *       just before the first start to the last exit ({@code System.nanoTime()}).
 *   <li>Read both streams of every worker while the workers run, to their end: a worker may
 *       write megabytes on its standard output or its error stream, and a worker whose pipe is
 *       full (a pipe holds some 64 KB) waits until someone reads it. A thread per stream does
 *       it, or a redirect of each stream to a file. Keep the two streams apart.
 *   <li>A worker's result is the last line of its standard output that is not blank, without
 *       the white space around it (lines may end with {@code \n} or {@code \r\n}, and the last
 *       one may have no line break at all). What it writes on its error stream is not its result.
 *   <li>A worker did its work if it exited with status 0 and its result equals its expected
 *       result. Writing on the error stream is no failure by itself.
 *   <li>If every worker did its work, return the time and the results, in worker order (not in
 *       the order the workers finished).
 *   <li>Otherwise throw a {@link WorkerFailedException} with one line per failed worker, and no
 *       line about a worker that did its work. Each line names the worker and says what went
 *       wrong: for a status other than 0, the status and the last line of its error output (it
 *       says why; not the whole error output, which may be megabytes); for a wrong result, the
 *       result it printed.
 * </ul>
 *
 * <p>Run {@code ./mvnw test -pl 06-cpu-vs-io} to check your answer.
 */
public final class CheckedRunner implements ProcessRunner {

    @Override
    public RunReport runAll(List<Worker> workers) throws IOException, InterruptedException, WorkerFailedException {
        long start = System.nanoTime();
        List<Process> processes = new ArrayList<>();
        for (Worker worker : workers) {
            // TODO: redirectErrorStream(true) mixes the error stream into the output, so a warning
            //  written after the result looks like the result; and a failed worker's error is lost.
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
