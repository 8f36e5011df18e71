package course.cpuio.exercises;

import course.cpuio.ProcessRunner;
import course.cpuio.RunReport;
import course.cpuio.Worker;
import course.cpuio.WorkerFailedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Exercise cpuio.runner, solved. What {@code runAll} must do is the starter's list: start all
 * before waiting for any; time from the first start to the last exit; read both streams of every
 * worker while it runs, apart; a result is the last non-blank line of standard output, stripped;
 * a worker did its work if its status is 0 and its result the expected one; the results in worker
 * order, or a {@link WorkerFailedException} with one line per failed worker (its status and the
 * last line of its error output, or the result it printed). Here each stream goes to a temporary
 * file, so no process can block on a full pipe while the runner waits for another, and the time
 * is taken when the last process has exited; it is returned only after every exit status and
 * every result has been checked.
 */
public final class CheckedRunner implements ProcessRunner {

    // tag::solution[]
    @Override
    public RunReport runAll(List<Worker> workers) throws IOException, InterruptedException, WorkerFailedException {
        List<Process> processes = new ArrayList<>();
        List<Path> outputs = new ArrayList<>();
        List<Path> errors = new ArrayList<>();
        long start = System.nanoTime();
        for (Worker worker : workers) {
            Path out = Files.createTempFile("worker-", ".out");
            Path err = Files.createTempFile("worker-", ".err");
            outputs.add(out);
            errors.add(err);
            processes.add(new ProcessBuilder(worker.command())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start());
        }
        for (Process process : processes) {
            process.waitFor();
        }
        Duration wallTime = Duration.ofNanos(System.nanoTime() - start);

        List<String> results = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < workers.size(); i++) {
            Worker worker = workers.get(i);
            int exit = processes.get(i).exitValue();
            String result = lastLine(outputs.get(i));
            results.add(result);
            if (exit != 0) {
                problems.add(worker.name() + ": exit status " + exit + ", error output: " + lastLine(errors.get(i)));
            } else if (!result.equals(worker.expectedResult())) {
                problems.add(worker.name() + ": printed \"" + result + "\", expected \"" + worker.expectedResult() + "\"");
            }
            Files.delete(outputs.get(i));
            Files.delete(errors.get(i));
        }
        if (!problems.isEmpty()) {
            throw new WorkerFailedException(problems);  // no time for a run that did not do the work
        }
        return new RunReport(wallTime, results);
    }
    // end::solution[]

    /** The last line of a file that is not blank, without the white space around it; "" if there is none. */
    private static String lastLine(Path file) throws IOException {
        List<String> lines = Files.readString(file, StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank())
                .toList();
        return lines.isEmpty() ? "" : lines.getLast().strip();
    }
}
